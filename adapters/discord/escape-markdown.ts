/**
 * Text from the core is plain; Discord reads it as markdown. Escapes what would change its
 * meaning (emphasis, links, headings, lists, quotes, mentions) outside `code spans`, which
 * the catalogs use on purpose for commands. `@everyone` and `@here` get an invisible word joiner
 * so they can never ping, even where allowed mentions would not apply.
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapePlain(part)))
    .join("");
  return neutraliseMentions(escaped);
}

function escapePlain(text: string): string {
  return text
    .replace(/[\\*_~|[\]<]/g, "\\$&")
    .replace(/^(\s*)([>#-]|\d+\.)/gm, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

/** Text that does not render markdown (footers, labels, titles of modals): mentions only. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, "@\u2060$1");
}

/**
 * Cuts text to `max` characters with a visible ellipsis, never leaving half an escape
 * sequence or half a surrogate pair behind.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const backslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (backslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}
