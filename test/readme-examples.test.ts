import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCommandText } from "../src/commands/parse-command.ts";
import { commandLookup, findCommand } from "../src/commands/registry.ts";
import { useHarness } from "./support/harness.ts";

// The README is read as a newcomer reads it, on the day its first example once failed.
const h = useHarness("2026-11-29T10:00:00Z");
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The README's code blocks, each as its lines. */
function codeBlocks(): string[][] {
  return [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").split("\n"));
}

/** The `/client …` lines of a block: as typed (`tact> ` prompts off), or inside a `printf '…'`. */
function commandsOf(block: string[]): string[] {
  const lines = block.flatMap((line) => {
    const printf = /^printf '(.*)\\n' \|/.exec(line);
    return printf ? (printf[1] ?? "").split("\\n") : [line.replace(/^tact> /, "")];
  });
  return lines.filter((l) => /^(?:@\S+ )?\/client /.test(l));
}

/** What Tact says when it refuses a line: none of the README's examples may get one. */
const REFUSAL =
  /I don't know|I didn't expect|is not a|isn't|can't|Nothing was recorded|nothing was recorded|went wrong|Only the workspace owner|Usage:|Which currency/;

const blocks = codeBlocks()
  .map(commandsOf)
  .filter((b) => b.length > 0);

describe("the README's examples", () => {
  it("are found (the test reads what the README shows)", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.flat()).toContain("/client invoice acme INV-7 2000.00 EUR due 2026-10-15");
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))(
    "block %i runs in the console without a refusal",
    async (_n, lines) => {
      const { adapter, output } = h.console();
      for (const line of lines) {
        const before = output.length;
        await adapter.handleLine(line);
        const said = output.slice(before).join("\n");
        expect(said, `README: ${line}`).not.toBe("");
        expect(said, `README: ${line}`).not.toMatch(REFUSAL);
      }
      const all = output.join("\n");
      if (lines.some((l) => l.startsWith("/client show acme"))) expect(all).toContain("== ACME Corp (acme) ==");
      if (lines.some((l) => l.includes("invoice acme INV-7"))) {
        expect(all).toContain("Recorded invoice INV-7 for ACME Corp: €2,000.00, issued 15 Sep 2026, due 15 Oct 2026.");
      }
    },
  );

  it("names only verbs that exist, in its commands table too", () => {
    const named = [...readme.matchAll(/`\/client ([a-zé-]+)/g)].map((m) => m[1] ?? "");
    expect(named.length).toBeGreaterThan(30);
    // `/client billing paid …` is how Discord groups the invoice verbs.
    for (const verb of new Set(named)) {
      if (verb !== "billing") expect(findCommand(verb), `/client ${verb}`).toBeDefined();
    }
  });

  it("shows table examples that parse (every `/client …` with no placeholder)", () => {
    // Not the shortened ones (`…`), nor Discord's grouping of them (`/client billing paid`).
    const concrete = [...readme.matchAll(/`(\/client [^`<>|[\]…]+)`/g)]
      .map((m) => m[1] ?? "")
      .filter((l) => !l.startsWith("/client billing"))
      // A verb named alone is a mention (checked above), not an example.
      .filter((l) => l.trim().split(/\s+/).length > 2);
    expect(concrete.length).toBeGreaterThan(10);
    for (const line of concrete) {
      expect(() => parseCommandText(line.replace(/^\/client\s*/, ""), commandLookup), line).not.toThrow();
    }
  });
});
