import { describe, expect, it } from "vitest";
import { restOfLine, tokenize } from "../../src/commands/tokenize.ts";

function values(text: string): string[] {
  return tokenize(text).map((t) => t.value);
}

describe("tokenize", () => {
  it("splits on any whitespace", () => {
    expect(values("  late\tacme   INV-7 ")).toEqual(["late", "acme", "INV-7"]);
  });

  it("keeps a quoted argument whole, with straight or typographic quotes", () => {
    expect(values('add globex "Globex Corporation"')).toEqual(["add", "globex", "Globex Corporation"]);
    expect(values("add globex “Globex Corporation”")).toEqual(["add", "globex", "Globex Corporation"]);
    expect(values("add globex « Globex »")).toEqual(["add", "globex", " Globex "]);
  });

  it("treats an apostrophe inside a word as a letter", () => {
    expect(values("note acme client's CTO can't decide")).toEqual([
      "note",
      "acme",
      "client's",
      "CTO",
      "can't",
      "decide",
    ]);
  });

  it("marks a quote that is never closed, keeping the text as typed", () => {
    const tokens = tokenize('add acme "ACME Corp');
    expect(tokens.map((t) => t.value)).toEqual(["add", "acme", '"ACME', "Corp"]);
    expect(tokens[2]?.unclosed).toBe(true);
  });

  it("gives the rest of the line as typed, spacing included", () => {
    const text = "scope acme added   a blog,  then a shop";
    expect(restOfLine(text, tokenize(text), 2)).toBe("added   a blog,  then a shop");
  });
});
