import type { RecordBlock, RecordDocument } from "./record-document.ts";

/**
 * The record as Markdown. Text typed by people is escaped so it can never break the
 * document's structure, nor become a link or an image in any viewer.
 */
export function recordMarkdown(doc: RecordDocument): string {
  const parts = [`# ${inline(doc.title)}`, ...doc.blocks.map(block)];
  return `${parts.join("\n\n")}\n`;
}

function block(b: RecordBlock): string {
  switch (b.type) {
    case "heading":
      return `${"#".repeat(b.level)} ${inline(b.text)}`;
    case "paragraph":
      return b.emphasis ? `_${inline(b.text)}_` : inline(b.text);
    case "list":
      return b.items
        .flatMap((i) => [`- ${inline(i.text)}`, ...(i.sub ?? []).map((s) => `  - ${inline(s)}`)])
        .join("\n");
    case "table":
      return [
        `| ${b.head.map(cell).join(" | ")} |`,
        `|${b.head.map(() => " --- ").join("|")}|`,
        ...b.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ].join("\n");
    case "quote":
      return b.lines.map((l) => `> ${asText(l)}`.trimEnd()).join("\n");
  }
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}

/** One line of text: no line breaks, no HTML, no link. */
function inline(text: string): string {
  return asText(text.replace(/\s*\n\s*/g, " ").trim());
}

/**
 * Text typed by someone, shown as text wherever the Markdown is read (a viewer, a PDF made
 * from it): no HTML, and no link or image, whether written `[click](…)`, `![pixel](…)`,
 * `[ref]: …` or left bare for the viewer to link (`https://…`, `www.…`). Backslash escapes
 * render as the characters themselves.
 */
function asText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[[\]]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\/\//g, "\\://")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}
