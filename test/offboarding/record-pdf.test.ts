import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { useHarness } from "../support/harness.ts";
import { recordFiles } from "./offboarding-support.ts";

const h = useHarness("2026-11-29T10:00:00Z");

/** The text of each page, as a PDF reader extracts it, lines joined (a reader wraps them). */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: false });
  return text.map((page) => page.replace(/\s*\n\s*/g, " "));
}

/** A client whose record is long enough for several pages, with accents, € and £ in it. */
async function longRecord(): Promise<void> {
  await h.run("/client add acme ACME SARL");
  h.clock.set("2026-06-01T09:00:00Z");
  await h.run("/client invoice acme F-1 1200.00 EUR issued 2026-05-01 due 2026-05-31", { user: "sam" });
  await h.run("/client invoice acme F-2 900.00 GBP issued 2026-05-01 due 2026-05-31", { user: "sam" });
  const note = "ajoutée sans devis : « refonte » de l'accueil, coût estimé 150 €. ".repeat(5);
  for (let i = 0; i < 16; i++) {
    h.clock.set(new Date(Date.UTC(2026, 5, 2 + i, 9)));
    await h.run(`/client scope acme page ${i} ${note}`, { user: "sam" });
  }
  h.clock.set("2026-11-29T10:00:00Z");
}

describe("the record as a PDF, beside the Markdown", () => {
  it("is paginated, names the workspace, the client and the period on every page, and ends with the Markdown's SHA-256", async () => {
    await longRecord();
    const files = recordFiles(await h.run("/client export acme"));
    expect(files.names).toEqual(["acme-record-2026-11-29.md", "acme-record-2026-11-29.pdf"]);

    const loaded = await PDFDocument.load(files.pdf);
    const count = loaded.getPageCount();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(loaded.getTitle()).toBe("Written record: ACME SARL (acme)");

    const pages = await pagesOf(files.pdf);
    expect(pages).toHaveLength(count);
    pages.forEach((page, i) => {
      // The console's workspace has no name of its own: its id, "console".
      expect(page).toContain("console · Written record of ACME SARL · 1 May 2026 to 29 Nov 2026");
      expect(page).toContain(`Page ${i + 1} of ${count}`);
    });
    // Text is embedded with a font that has accents, € and £.
    const all = pages.join("\n");
    expect(all).toContain("page 15 ajoutée sans devis : « refonte » de l'accueil, coût estimé 150 €");
    expect(all).toContain("£900.00");

    // Anyone can check a copy: the hash printed at the end is the Markdown file's.
    const hash = createHash("sha256").update(files.markdown, "utf8").digest("hex");
    const last = pages.at(-1) ?? "";
    expect(last).toContain("Checking a copy");
    expect(last).toContain("The SHA-256 of that file, computed over its exact bytes (UTF-8 text), is:");
    expect(last).toContain(hash);
    expect(last).toContain("Linux: sha256sum acme-record-2026-11-29.md macOS: shasum -a 256 acme-record-2026-11-29.md");
    // A Markdown changed by one character no longer matches.
    const altered = createHash("sha256").update(files.markdown.replace("ACME", "ACMF"), "utf8").digest("hex");
    expect(all).not.toContain(altered);
  });

  it("in French, with the French headings and page numbers", async () => {
    await longRecord();
    await h.run("/client config lang fr");
    const files = recordFiles(await h.run("/client export acme"));
    expect(files.names).toEqual(["acme-dossier-2026-11-29.md", "acme-dossier-2026-11-29.pdf"]);
    const pages = await pagesOf(files.pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page.replace(/\u00a0/g, " ")).toContain(
        "console · Dossier écrit : ACME SARL · du 1er mai 2026 au 29 nov. 2026",
      );
      expect(page).toContain(`Page ${i + 1} sur ${pages.length}`);
    });
    const last = pages.at(-1) ?? "";
    expect(last).toContain("Vérifier une copie");
    expect(last).toContain(createHash("sha256").update(files.markdown, "utf8").digest("hex"));
  });

  it("shows what people typed as text, not as links", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client scope acme see [click](https://evil.example/x) and https://evil.example/raw");
    const files = recordFiles(await h.run("/client export acme"));
    const loaded = await PDFDocument.load(files.pdf);
    // No page carries a link annotation.
    for (const page of loaded.getPages()) expect(page.node.Annots()?.size() ?? 0).toBe(0);
    expect((await pagesOf(files.pdf)).join("\n")).toContain(
      "see [click](https://evil.example/x) and https://evil.example/raw",
    );
  });
});
