import { describe, expect, it } from "vitest";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { invocation, silentLog, useHarness } from "../support/harness.ts";

const h = useHarness("2026-11-27T10:00:00Z");

describe("applied request ids", () => {
  it("are forgotten after a day, so a much later request with the same id runs again", async () => {
    await h.run("/client add acme ACME Corp");
    const late = { ...invocation("/client late acme"), requestId: "trigger-1" };
    await h.handle(late);
    expect(await h.handle(late)).toEqual([]);

    h.clock.advance(25 * 3_600_000);
    await runTick({ db: h.db.db, clock: h.clock, log: silentLog, outboxes: [] });
    const again = await h.handle(late);
    expect(JSON.stringify(again)).toContain("Logged late payment for ACME Corp");
  });
});
