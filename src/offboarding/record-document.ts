/**
 * The written record as a document of plain-text blocks, built once and rendered twice: as
 * Markdown (record-markdown.ts) and as a PDF (record-pdf.ts), so both files say the same.
 * Every text is plain, as typed: each renderer makes it safe for its format.
 */
export type RecordBlock =
  | { type: "heading"; level: 2 | 3; text: string }
  | { type: "paragraph"; text: string; emphasis?: boolean }
  | { type: "list"; items: RecordItem[] }
  | { type: "table"; head: readonly string[]; rows: string[][] }
  /** A letter as it was kept, line by line. */
  | { type: "quote"; lines: string[] };

export interface RecordItem {
  text: string;
  sub?: string[];
}

export interface RecordDocument {
  title: string;
  /** The local days the record covers, from its first entry to the export. */
  period: { from: string; to: string };
  blocks: RecordBlock[];
}

/** A small builder so the record reads top-down where it is composed. */
export class RecordBuilder {
  readonly blocks: RecordBlock[] = [];

  heading(text: string, level: 2 | 3 = 2): this {
    this.blocks.push({ type: "heading", level, text });
    return this;
  }
  paragraph(text: string, emphasis = false): this {
    this.blocks.push({ type: "paragraph", text, ...(emphasis ? { emphasis } : {}) });
    return this;
  }
  list(items: (string | RecordItem)[], none?: string): this {
    if (items.length === 0) return none === undefined ? this : this.paragraph(none);
    this.blocks.push({ type: "list", items: items.map((i) => (typeof i === "string" ? { text: i } : i)) });
    return this;
  }
  /** A table, or `none` when it has no rows. */
  table(head: readonly string[], rows: string[][], none: string): this {
    if (rows.length === 0) return this.paragraph(none);
    this.blocks.push({ type: "table", head, rows });
    return this;
  }
  quote(lines: string[]): this {
    this.blocks.push({ type: "quote", lines });
    return this;
  }
}
