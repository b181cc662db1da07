import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useHarness } from "../support/harness.ts";
import { leaks, rowCounts } from "./support/hostile-notes.ts";

/**
 * Hostile input only the console meets: names with escape codes, forged button presses typed
 * by hand, and file names. Nothing typed can write escape codes to the terminal, and nothing is
 * written unless the line was a valid command. The table of hostile notes goes through every
 * adapter in test/contract/adapter-contract.test.ts.
 */
const h = useHarness();

async function lines(...input: string[]): Promise<string> {
  const { adapter, output } = h.console();
  for (const line of input) await adapter.handleLine(line);
  return output.join("\n");
}

function expectClean(out: string): void {
  // No terminal control sequence ever reaches the screen.
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  for (const leak of leaks) expect(out).not.toMatch(leak);
}

describe("hostile names through the console", () => {
  it("keeps escape codes out of names, aliases and invoice numbers too", async () => {
    const out = await lines(
      "/client add acme ACME \u001b[2J Corp",
      "/client add acme ACME Corp",
      "/client alias acme \u001b]0;pwned\u0007",
      "/client rename acme New\u0008\u0008\u0008Name",
      "/client invoice acme INV\u001b[31m-7 100 EUR",
    );
    expect(out).toMatch(/control characters/);
    expectClean(out);
    const counts = await rowCounts(h.db.db);
    expect(counts.clients).toBe(1);
    expect(counts.client_aliases).toBe(0);
    expect(counts.invoices).toBe(0);
  });
});

describe("forged presses and files through the console", () => {
  it("answers forged and malformed button ids with a clear refusal and changes nothing", async () => {
    await lines("/client add acme ACME Corp", "@sam /client late acme slow");
    const before = await rowCounts(h.db.db);
    const out = await lines(
      "press undo:99999",
      "press undo:1:extra",
      "press undo:-1",
      "press undo:1e3",
      "press undo:0x1",
      "press wizard:1:done",
      "press digest-paid:1",
      "press digest-snooze:999999999999999999999",
      "press reminded:1:9",
      "press %00",
      `press ${"x".repeat(5000)}`,
      "press ../../etc/passwd",
    );
    expect(out).toMatch(/no longer valid|nothing to undo|expired/i);
    expectClean(out);
    expect(await rowCounts(h.db.db)).toEqual(before);
  });

  it("saves an export under the data directory whatever the client is called", async () => {
    await lines("/client add evil ../../../tmp/evil", "/client alias evil ..");
    const out = await lines("/client export evil");
    expectClean(out);
    const saved = /Saved to (\S+)/.exec(out)?.[1] ?? "";
    expect(saved.startsWith("/tmp/tact-test-data/exports/")).toBe(true);
    expect(readdirSync("/tmp/tact-test-data/exports").length).toBeGreaterThan(0);
  });
});
