/**
 * A quoted message as shown: no mention in it can fire, whatever the platform does with the
 * text (Slack `<@U1>`, `<!channel>`, `<@&role>` on Discord, `@everyone`, `@here`): a zero-width
 * space breaks each one. The stored text is never changed; only what is shown.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/<([@!#])/g, "<\u200b$1")
    .replace(/@(everyone|here|channel)\b/gi, (_all, word: string) => `@\u200b${word}`);
}

/** The quote for a line of the card or a form: shortened visibly ("…") past `max` characters. */
export function shortQuote(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(oneLine);
  const cut =
    chars.length > max
      ? `${chars
          .slice(0, max - 1)
          .join("")
          .trimEnd()}…`
      : oneLine;
  return neutralizeMentions(cut);
}
