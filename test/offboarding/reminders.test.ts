import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dueWizardReminders } from "../../src/offboarding/wizard-reminders.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog, useHarness } from "../support/harness.ts";
import { count } from "./offboarding-support.ts";

const h = useHarness("2026-11-27T10:00:00Z");

/** One scheduler tick at `at`, as a process of its own, printing through the console outbox. */
async function tickAt(at: string, instanceId = "test-a"): Promise<string[]> {
  h.clock.set(at);
  const { adapter, output } = h.console();
  await runTick({ db: h.db.db, clock: h.clock, log: silentLog, outboxes: [adapter.outbox()], instanceId });
  return output.filter((l) => l.startsWith("[DM @owner]"));
}

async function pausedFor(days: number): Promise<void> {
  await h.run("/client add acme ACME Corp");
  await h.run("/client offboard acme");
  await h.run(`press wizard:1:1:remind:${days}`);
}

describe("'remind me in N days' at step 1", () => {
  it("sends one DM to the owner on that day, from the workspace's digest time, exactly once", async () => {
    await pausedFor(3);
    expect(await tickAt("2026-11-29T10:00:00Z")).toEqual([]);
    expect(await tickAt("2026-11-30T08:59:00Z")).toEqual([]);
    const sent = await tickAt("2026-11-30T09:00:00Z");
    expect(sent).toEqual([
      "[DM @owner] You asked me to remind you today: talk to ACME Corp before going further. Letting them go is paused at step 1 of 8; resume with the button below or /client offboard acme.",
      "[DM @owner] [press wizard:1:1:resume] Resume",
    ]);
    // The next tick, and another process, find it already sent.
    expect(await tickAt("2026-11-30T09:01:00Z")).toEqual([]);
    expect(await tickAt("2026-11-30T12:00:00Z", "test-b")).toEqual([]);
    expect(await count(h.db.db, "deliveries", "kind = 'wizard-reminder' and state = 'sent'")).toBe(1);

    const resumed = await h.say("press wizard:1:1:resume");
    expect(resumed).toContain("Step 1 of 8: Talk first");
  });

  it("follows the workspace's time zone, and catches up a day missed while down", async () => {
    await pausedFor(1);
    await h.run("/client offboard acme"); // resumed…
    await h.run("press wizard:1:1:remind:1"); // …and paused again, for tomorrow
    await h.db.db.execute(sql`update workspaces set timezone = 'Europe/Paris'`);
    expect(await tickAt("2026-11-28T07:59:00Z")).toEqual([]); // 08:59 in Paris
    expect(await tickAt("2026-11-30T20:00:00Z")).toHaveLength(2); // two days late, still sent once
    expect(await tickAt("2026-11-30T20:01:00Z")).toEqual([]);
  });

  it("sends nothing once the owner has resumed, or for a pause without a reminder", async () => {
    await pausedFor(7);
    await h.run("press wizard:1:1:resume");
    await h.run("press wizard:1:1:pause");
    expect(await tickAt("2026-12-05T10:00:00Z")).toEqual([]);
    expect(await count(h.db.db, "deliveries", "kind = 'wizard-reminder'")).toBe(0);
  });

  it("sends a new reminder after pausing again for the same day", async () => {
    await pausedFor(1);
    expect(await tickAt("2026-11-28T09:00:00Z")).toHaveLength(2);
    h.clock.set("2026-11-27T10:00:00Z");
    await h.run("press wizard:1:1:resume");
    await h.run("press wizard:1:1:remind:1");
    const due = await dueWizardReminders({ db: h.db.db, now: new Date("2026-11-28T09:00:00Z") });
    expect(due.map((d) => d.key)).toEqual(["1:2026-11-28:2"]);
  });
});
