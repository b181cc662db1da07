import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Font } from "fontkit";
import { labelValue } from "../messages/label-value.ts";
import type { Locale } from "../messages/locale.ts";
import type { RecordBlock, RecordDocument } from "./record-document.ts";

/**
 * DejaVu Sans (assets/fonts, Bitstream Vera licence): French accents, «», €, £ and the rest
 * of Latin, Greek and Cyrillic. Read and parsed once (parsing costs more than a short PDF);
 * each PDF embeds only the glyphs it uses.
 */
const FONT_DIR = new URL("../../assets/fonts/", import.meta.url);
let loaded: Promise<{ PDFDocument: typeof import("pdfkit"); regular: Font; bold: Font }> | undefined;
/** pdfkit, fontkit and the fonts, loaded on the first export only: the bot starts without them. */
function loadPdfKit() {
  loaded ??= (async () => {
    const [{ default: PDFDocument }, { create }] = await Promise.all([import("pdfkit"), import("fontkit")]);
    const parse = (file: string) => create(readFileSync(fileURLToPath(new URL(file, FONT_DIR))));
    return { PDFDocument, regular: parse("DejaVuSans.ttf"), bold: parse("DejaVuSans-Bold.ttf") };
  })();
  return loaded;
}

/** What frames the record on paper: the header of each page, page numbers, the closing check. */
export interface PdfFrame {
  /** On every page: the workspace, the client and the period covered. */
  header: string;
  page: (p: { page: number; pages: number }) => string;
  /** Ends the document: how to check a copy, and the SHA-256 itself. */
  closing: { title: string; before: string; hash: string; after: string; commands: string[] };
  info: { title: string; author: string; subject: string; createdAt: Date };
  /** The record's language, for "label: value" where a table row is laid out as lines. */
  locale: Locale;
}

const MARGIN = { top: 64, bottom: 60, left: 50, right: 50 };
const SIZE = { title: 16, h2: 12.5, h3: 11, body: 9.5, table: 8, frame: 7.5 };
const GREY = "#555555";
const RULE = "#bbbbbb";
const CELL_PAD = 3;

/**
 * The record as an A4 PDF: the same blocks as the Markdown, text as typed (a PDF has no markup
 * to inject, and no link is made), tables that continue on the next page with their header,
 * each page headed and numbered, and the SHA-256 of the Markdown at the end.
 */
export async function recordPdf(doc: RecordDocument, frame: PdfFrame): Promise<Uint8Array> {
  const { PDFDocument, regular, bold } = await loadPdfKit();
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: frame.info.title,
      Author: frame.info.author,
      Subject: frame.info.subject,
      Creator: "Tact",
      Producer: "Tact",
      CreationDate: frame.info.createdAt,
      ModDate: frame.info.createdAt,
    },
  });
  const chunks: Uint8Array[] = [];
  pdf.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  // pdfkit takes a parsed fontkit font as it is; its types only know files and bytes.
  pdf.registerFont("regular", regular as unknown as Uint8Array);
  pdf.registerFont("bold", bold as unknown as Uint8Array);

  const w = new Writer(pdf, frame.locale);
  w.title(doc.title);
  for (const block of doc.blocks) w.block(block);
  w.heading(frame.closing.title, 2);
  w.paragraph(frame.closing.before);
  w.paragraph(frame.closing.hash, "strong");
  w.paragraph(frame.closing.after);
  // One command a line: a file name is never cut across two.
  for (const command of frame.closing.commands) w.paragraph(command);
  w.frame(frame);
  pdf.end();
  await ended;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

class Writer {
  readonly #pdf: PDFKit.PDFDocument;
  readonly #locale: Locale;
  constructor(pdf: PDFKit.PDFDocument, locale: Locale) {
    this.#pdf = pdf;
    this.#locale = locale;
  }

  get #left(): number {
    return this.#pdf.page.margins.left;
  }
  get #width(): number {
    const p = this.#pdf.page;
    return p.width - p.margins.left - p.margins.right;
  }
  get #bottom(): number {
    return this.#pdf.page.height - this.#pdf.page.margins.bottom;
  }

  /** Starts a new page unless `height` still fits on this one. */
  #room(height: number): void {
    if (this.#pdf.y + height > this.#bottom) this.#pdf.addPage();
  }

  title(text: string): void {
    this.#pdf.font("bold").fontSize(SIZE.title).fillColor("black").text(text, this.#left, this.#pdf.y);
    this.#pdf.moveDown(0.6);
  }

  heading(text: string, level: 2 | 3): void {
    const size = level === 2 ? SIZE.h2 : SIZE.h3;
    // A heading never ends a page on its own.
    this.#room(size * 4);
    this.#pdf.moveDown(level === 2 ? 0.7 : 0.4);
    this.#pdf
      .font("bold")
      .fontSize(size)
      .fillColor("black")
      .text(text, this.#left, this.#pdf.y, { width: this.#width });
    this.#pdf.moveDown(0.3);
  }

  paragraph(text: string, style: "plain" | "emphasis" | "strong" = "plain"): void {
    this.#pdf
      .font(style === "strong" ? "bold" : "regular")
      .fontSize(SIZE.body)
      .fillColor(style === "emphasis" ? GREY : "black")
      .text(text, this.#left, this.#pdf.y, { width: this.#width });
    this.#pdf.moveDown(0.4);
  }

  block(b: RecordBlock): void {
    if (b.type === "heading") this.heading(b.text, b.level);
    else if (b.type === "paragraph") this.paragraph(b.text, b.emphasis ? "emphasis" : "plain");
    else if (b.type === "quote") this.#quote(b.lines);
    else if (b.type === "table") this.#table(b.head, b.rows);
    else {
      for (const item of b.items) {
        this.#bullet("•", item.text, 0);
        for (const sub of item.sub ?? []) this.#bullet("–", sub, 12);
      }
      this.#pdf.moveDown(0.4);
    }
  }

  #bullet(mark: string, text: string, indent: number): void {
    const pdf = this.#pdf.font("regular").fontSize(SIZE.body).fillColor("black");
    this.#room(pdf.currentLineHeight(true));
    const x = this.#left + indent;
    const y = pdf.y;
    pdf.text(mark, x, y, { lineBreak: false });
    pdf.text(text, x + 10, y, { width: this.#width - indent - 10 });
  }

  #quote(lines: readonly string[]): void {
    const pdf = this.#pdf.font("regular").fontSize(SIZE.body).fillColor(GREY);
    for (const line of lines) {
      if (line.trim() === "") {
        pdf.moveDown(0.5);
        continue;
      }
      pdf.text(line, this.#left + 14, pdf.y, { width: this.#width - 14 });
    }
    pdf.fillColor("black").moveDown(0.4);
  }

  #table(head: readonly string[], rows: readonly string[][]): void {
    const pdf = this.#pdf;
    const widths = this.#columns(head, rows);
    const cells = (row: readonly string[]) => head.map((_, c) => (row[c] ?? "").replace(/\s*\n\s*/g, " "));
    const heightOf = (row: readonly string[], font: string) => {
      pdf.font(font).fontSize(SIZE.table);
      return (
        Math.max(
          ...cells(row).map((cell, c) => pdf.heightOfString(cell || " ", { width: (widths[c] ?? 0) - 2 * CELL_PAD })),
        ) +
        2 * CELL_PAD
      );
    };
    const draw = (row: readonly string[], font: "regular" | "bold") => {
      const height = heightOf(row, font);
      const y = pdf.y;
      if (font === "bold") pdf.rect(this.#left, y, this.#width, height).fill("#eeeeee");
      pdf.font(font).fontSize(SIZE.table).fillColor("black");
      let x = this.#left;
      cells(row).forEach((cell, c) => {
        const width = widths[c] ?? 0;
        pdf.text(cell, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD });
        x += width;
      });
      pdf
        .moveTo(this.#left, y + height)
        .lineTo(this.#left + this.#width, y + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      pdf.x = this.#left;
      pdf.y = y + height;
    };
    const headHeight = heightOf(head, "bold");
    this.#room(headHeight + heightOf(rows[0] ?? [], "regular"));
    draw(head, "bold");
    for (const row of rows) {
      const height = heightOf(row, "regular");
      if (height + headHeight > this.#bottom - this.#pdf.page.margins.top) {
        // A row taller than a page (a very long note): its cells one after the other.
        this.#room(headHeight);
        cells(row).forEach((cell, c) => {
          if (cell) this.paragraph(labelValue(head[c] ?? "", cell, this.#locale));
        });
        continue;
      }
      if (pdf.y + height > this.#bottom) {
        pdf.addPage();
        draw(head, "bold");
      }
      draw(row, "regular");
    }
    pdf.moveDown(0.6);
  }

  /**
   * Column widths: short columns (dates, names, amounts) as wide as their longest text, and
   * what is left shared equally among the long ones (notes, descriptions), which wrap.
   */
  #columns(head: readonly string[], rows: readonly string[][]): number[] {
    const pdf = this.#pdf;
    // Estimated from the number of characters: exact widths would lay out every word twice.
    const em = SIZE.table * 0.56;
    pdf.font("bold").fontSize(SIZE.table);
    const natural = head.map(
      (h, c) => Math.max(pdf.widthOfString(h), ...rows.map((r) => (r[c] ?? "").length * em)) + 2 * CELL_PAD + 1,
    );
    const widths: (number | undefined)[] = natural.map(() => undefined);
    let left = this.#width;
    for (let changed = true; changed; ) {
      changed = false;
      const open = widths.filter((w) => w === undefined).length;
      if (open === 0) break;
      const fair = left / open;
      natural.forEach((n, c) => {
        if (widths[c] === undefined && n <= fair) {
          widths[c] = n;
          left -= n;
          changed = true;
        }
      });
    }
    const open = widths.filter((w) => w === undefined).length;
    // Everything fits: the spare room goes to the last column.
    if (open === 0) return widths.map((w, c) => (w ?? 0) + (c === widths.length - 1 ? left : 0));
    return widths.map((w) => w ?? left / open);
  }

  /** The header and the page number of every page, once the number of pages is known. */
  frame(frame: PdfFrame): void {
    const pdf = this.#pdf;
    const { start, count } = pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      const margins = { ...pdf.page.margins };
      // Written inside the margins: no new page for them.
      pdf.page.margins = { ...margins, top: 0, bottom: 0 };
      const width = pdf.page.width - margins.left - margins.right;
      pdf.font("regular").fontSize(SIZE.frame).fillColor(GREY);
      pdf.text(frame.header, margins.left, 30, { width, lineBreak: false, ellipsis: true });
      pdf
        .moveTo(margins.left, 42)
        .lineTo(margins.left + width, 42)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      pdf.text(frame.page({ page: i - start + 1, pages: count }), margins.left, pdf.page.height - 38, {
        width,
        align: "center",
        lineBreak: false,
      });
      pdf.page.margins = margins;
    }
  }
}
