/**
 * French typography as a French agency writes it, checked on rendered text:
 * a non-breaking space (U+00A0) before « : ; ? ! » and inside « », never a plain space or none;
 * the first of the month written « 1er »; « de », « le », « que » elided before the given
 * names that start with a vowel. URLs, code spans, times (09:00), Slack emoji and links are
 * left out: their punctuation is not French punctuation.
 */
const months =
  "janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc|janvier|février|avril|juillet|septembre|octobre|novembre|décembre";
const firstOfMonth = new RegExp(`(^|[^\\d])1[ \\u00a0\\u202f](${months})\\b`, "u");

function neutralise(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, "CODE")
    .replace(/<[^>\s]+>/g, "LINK") // Slack links, mentions, channels; <nom complet> placeholders
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "URL")
    .replace(/\b\d{1,2}:\d{2}\b/g, "TIME")
    .replace(/:[a-z0-9_+-]+:/g, "EMOJI")
    .replace(/\b[\w.-]+:[\w.:-]+\b/g, "TOKEN"); // users:read, wizard:1:3:done, Area/City ids
}

export function frenchProblems(text: string, vowelNames: readonly string[] = []): string[] {
  const problems: string[] = [];
  const t = neutralise(text);
  const around = (i: number) => JSON.stringify(t.slice(Math.max(0, i - 25), i + 10));
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    if (c === ":" || c === ";" || c === "?" || c === "!") {
      const before = t[i - 1];
      const after = t[i + 1];
      // Punctuation ends a clause: what follows is a space, the end, or a closing mark.
      const punctuation = after === undefined || /[\s"'*_)\]»,.]/.test(after);
      if (!punctuation || before === undefined || before === "\n") continue;
      if (/[?!]/.test(before)) continue; // « ?! »
      if (before !== "\u00a0") problems.push(`no non-breaking space before "${c}": ${around(i)}`);
    }
    if (c === "«" && t[i + 1] !== "\u00a0") problems.push(`no non-breaking space after «: ${around(i)}`);
    if (c === "»" && t[i - 1] !== "\u00a0") problems.push(`no non-breaking space before »: ${around(i)}`);
  }
  const first = firstOfMonth.exec(t);
  if (first) problems.push(`the first of the month is "1er": ${around(first.index)}`);
  for (const name of vowelNames) {
    const m = new RegExp(
      `(^|[^\\p{L}'])(de|le|que|De|Le|Que)[ \\u00a0]${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
      "u",
    ).exec(t);
    if (m) problems.push(`"${m[2]}" is elided before "${name}": ${around(m.index)}`);
  }
  return problems;
}
