/** One word of a command line, with where it stands in the original text. */
export interface Token {
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  /** Starts with a quote that is never closed: fine inside a free-text note, an error elsewhere. */
  unclosed?: boolean;
}

// Slack and phones turn straight quotes into typographic ones; accept both.
const closing: Record<string, string> = { '"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "«": "»", "„": "“" };

/**
 * Splits on whitespace; a token that starts with a quote runs to the matching quote, so
 * `add acme "ACME Corp"` gives three tokens. An apostrophe inside a word is just a letter.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? "")) i++;
    if (i >= text.length) break;
    const start = i;
    const open = text[i] ?? "";
    const close = closing[open];
    if (close) {
      const endQuote = text.indexOf(close, i + 1);
      if (endQuote === -1) {
        while (i < text.length && !/\s/.test(text[i] ?? "")) i++;
        tokens.push({ value: text.slice(start, i), start, end: i, quoted: false, unclosed: true });
        continue;
      }
      tokens.push({ value: text.slice(i + 1, endQuote), start, end: endQuote + 1, quoted: true });
      i = endQuote + 1;
      continue;
    }
    while (i < text.length && !/\s/.test(text[i] ?? "")) i++;
    tokens.push({ value: text.slice(start, i), start, end: i, quoted: false });
  }
  return tokens;
}

/** The rest of the line from a token on, with one pair of surrounding quotes removed. */
export function restOfLine(text: string, tokens: Token[], from: number): string {
  const first = tokens[from];
  if (!first) return "";
  if (from === tokens.length - 1 && first.quoted) return first.value;
  return text.slice(first.start).trim();
}
