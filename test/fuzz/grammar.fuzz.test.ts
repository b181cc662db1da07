import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommandText } from "../../src/commands/parse-command.ts";
import { commandList, commandLookup } from "../../src/commands/registry.ts";
import { tokenize } from "../../src/commands/tokenize.ts";
import { UserError } from "../../src/errors.ts";
import { catalogFor } from "../../src/messages/catalog.ts";

const verbs = commandList().map((c) => c.name);
const pieces = fc.oneof(
  fc.constantFrom(
    ...verbs,
    "acme",
    "INV-7",
    '"',
    "'",
    "“",
    "»",
    "due",
    "on",
    "rate",
    "12%/y",
    "1200,50",
    "€",
    "\n",
    "\t",
  ),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);
const lines = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(" "));

/** Either a typed command or a UserError whose message renders in both languages. */
function outcome(text: string): "ok" | "user-error" {
  try {
    parseCommandText(text, commandLookup);
    return "ok";
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.render(catalogFor("en")).length).toBeGreaterThan(0);
    expect(error.render(catalogFor("fr")).length).toBeGreaterThan(0);
    return "user-error";
  }
}

describe("grammar under random input", () => {
  it("never crashes: every line is a valid command or a typed, localised error", () => {
    fc.assert(
      fc.property(lines, (text) => {
        outcome(text);
      }),
      { numRuns: 3000 },
    );
  });

  it("never crashes on a real verb followed by anything", () => {
    fc.assert(
      fc.property(fc.constantFrom(...verbs), fc.string({ unit: "grapheme", maxLength: 300 }), (verb, rest) => {
        outcome(`${verb} ${rest}`);
      }),
      { numRuns: 3000 },
    );
  });

  it("tokens always lie inside the text they came from", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.start).toBeLessThan(t.end);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips a logged note exactly as typed", () => {
    const note = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 200 })
      .filter((s) => s.trim().length > 0 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s))
      .filter((s) => !/^\s*["'“”‘«„]/.test(s));
    fc.assert(
      fc.property(note, (n) => {
        const parsed = parseCommandText(`note acme ${n}`, commandLookup);
        expect(parsed.args.note).toBe(n.trim());
      }),
      { numRuns: 2000 },
    );
  });
});
