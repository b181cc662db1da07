import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "../../db/database.ts";
import { deliveries, workspaces } from "../../db/schema/index.ts";
import { FixedClock } from "../../src/clock.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import { openTwoPools, type TwoPools } from "../support/two-pools.ts";
import { recordingOutbox } from "./scheduler-support.ts";

const templateUrl = inject("pgTemplateUrl");

/**
 * Two schedulers as two processes would run them: each with its own connection pool to one
 * PostgreSQL database, ticking at the same moments. Needs TEST_DATABASE_URL (on PGlite, the
 * same race runs within one instance in scheduler.test.ts).
 */
describe.skipIf(!templateUrl)("two schedulers on one PostgreSQL database", () => {
  let pools: TwoPools | undefined;
  let one: Database;
  let two: Database;

  beforeAll(async () => {
    pools = await openTwoPools(4);
    [one, two] = pools.databases;
  });

  afterAll(async () => {
    await pools?.close();
  });

  it("posts each workspace's digest exactly once", async () => {
    const count = 25;
    await one.db.insert(workspaces).values(
      Array.from({ length: count }, (_, i) => ({
        platform: "console",
        externalId: `agency-${i}`,
        ownerUserId: "owner",
        digestChannel: "general",
        timezone: i % 2 === 0 ? "Europe/Paris" : "UTC",
        createdAt: new Date("2020-01-01T00:00:00Z"),
      })),
    );
    const clock = new FixedClock("2027-11-29T09:00:00Z");
    const { outbox, sent } = recordingOutbox();
    for (let minute = 0; minute < 3; minute++) {
      await Promise.all([
        runTick({ db: one.db, clock, log: silentLog, outboxes: [outbox], instanceId: "process-one" }),
        runTick({ db: two.db, clock, log: silentLog, outboxes: [outbox], instanceId: "process-two" }),
        runTick({ db: two.db, clock, log: silentLog, outboxes: [outbox], instanceId: "process-two-again" }),
      ]);
      clock.advance(60_000);
    }
    const posted = sent.map((s) => s.workspace).sort();
    expect(posted).toHaveLength(count);
    expect(new Set(posted).size).toBe(count);
    const rows = await one.db.select().from(deliveries);
    expect(rows.filter((r) => r.kind === "digest" && r.state === "sent")).toHaveLength(count);
  });

  it("retries each failed send exactly once", async () => {
    const clock = new FixedClock("2027-11-30T09:00:00Z");
    const { outbox, sent, failing } = recordingOutbox();
    for (let i = 0; i < 25; i++) failing.add(`agency-${i}`);
    for (let minute = 0; minute < 4; minute++) {
      await Promise.all([
        runTick({ db: one.db, clock, log: silentLog, outboxes: [outbox], instanceId: "process-one" }),
        runTick({ db: two.db, clock, log: silentLog, outboxes: [outbox], instanceId: "process-two" }),
      ]);
      failing.clear();
      clock.advance(60_000);
    }
    const posted = sent.map((s) => s.workspace);
    expect(posted).toHaveLength(25);
    expect(new Set(posted).size).toBe(25);
  });
});
