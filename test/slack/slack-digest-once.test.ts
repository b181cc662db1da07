import { eq } from "drizzle-orm";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { deliveries, workspaces } from "../../db/schema/index.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import { MEMBER, TEAM, useSlack } from "./slack-harness.ts";

/**
 * A digest posted through a slow Slack: the post is cancelled at the send timeout (a short
 * one here, 60 s in production), its outcome is unknown, and the retry looks for it on Slack
 * (the delivery's id is in the message's metadata) before posting. The digest appears once.
 */
const s = useSlack();
const DIGEST_CHANNEL = "C0BILLING";
const TIMEOUT_MS = 1_000;

async function dueDigest(): Promise<void> {
  await s.command("add acme ACME Corp");
  await s.h.db.db
    .update(workspaces)
    .set({ digestChannel: DIGEST_CHANNEL, createdAt: new Date("2020-01-01T00:00:00Z") })
    .where(eq(workspaces.externalId, TEAM));
  s.h.clock.set("2026-11-30T08:00:00Z");
  await s.command("late acme", { user: MEMBER });
  s.h.clock.set("2026-11-30T09:00:00Z");
  s.fake.reset();
  // Slack's timestamps follow the test's clock.
  s.fake.now = () => s.h.clock.now().getTime();
}

function tick(log = silentLog) {
  return runTick({
    db: s.h.db.db,
    clock: s.h.clock,
    log,
    outboxes: [s.adapter.outbox],
    sendTimeoutMs: TIMEOUT_MS,
    instanceId: "test",
  });
}

/** The messages the channel shows. */
const inChannel = () => s.fake.messages.filter((m) => m.channel === DIGEST_CHANNEL);

async function digestRow() {
  const rows = await s.h.db.db.select().from(deliveries).where(eq(deliveries.kind, "digest"));
  expect(rows).toHaveLength(1);
  return rows[0] as (typeof rows)[number];
}

/** The next retry is due a minute after a failure: a later tick takes it. */
function laterTick(log = silentLog) {
  s.h.clock.advance(2 * 60_000);
  return tick(log);
}

describe("a digest through a slow Slack is posted once", () => {
  it("cancels the post at the timeout; Slack had posted it, so the retry finds it and posts nothing", async () => {
    await dueDigest();
    const slow = s.fake.holdNext("chat.postMessage");
    const first = await tick();
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    // The request was cancelled, not left to finish behind the scheduler's back.
    await slow.abandoned;
    slow.release();
    expect(inChannel()).toHaveLength(1);
    expect(inChannel()[0]?.metadata?.event_type).toBe("tact_delivery");
    const failed = await digestRow();
    expect(failed.state).toBe("failed");
    expect(failed.payload).toMatchObject({ uncertain: true });
    expect(failed.lastError).toContain("no answer from the platform within 1 s");

    const second = await laterTick();
    expect(second).toMatchObject({ sent: 1, failed: 0 });
    const [look] = s.fake.callsTo("conversations.history");
    expect(look?.args).toMatchObject({ channel: DIGEST_CHANNEL, include_all_metadata: "true" });
    // Only the window since the first attempt is read.
    expect(Number(look?.args.oldest)).toBeGreaterThan(Date.parse("2026-11-30T08:45:00Z") / 1000);
    expect(s.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(inChannel()).toHaveLength(1);
    expect((await digestRow()).state).toBe("sent");

    expect(await laterTick()).toMatchObject({ sent: 0, failed: 0 });
    expect(inChannel()).toHaveLength(1);
  });

  it("posts it on the retry when Slack never took the first attempt (a 500 is no clear answer either)", async () => {
    await dueDigest();
    s.fake.failNext("chat.postMessage", 500);
    expect(await tick()).toMatchObject({ sent: 0, failed: 1 });
    expect(inChannel()).toHaveLength(0);
    expect((await digestRow()).payload).toMatchObject({ uncertain: true });
    expect(await laterTick()).toMatchObject({ sent: 1, failed: 0 });
    expect(s.fake.callsTo("conversations.history")).toHaveLength(1);
    expect(inChannel()).toHaveLength(1);
    expect(inChannel()[0]?.text).toContain("Daily digest");
  });

  it("does not post again while Slack cannot say whether it has it, and finds it once Slack can", async () => {
    await dueDigest();
    const slow = s.fake.holdNext("chat.postMessage");
    await tick();
    await slow.abandoned;
    slow.release();
    s.fake.failNext("conversations.history", "missing_scope");
    const lines: string[] = [];
    expect(await laterTick(pino({ level: "info" }, { write: (l: string) => void lines.push(l) }))).toMatchObject({
      sent: 0,
      failed: 1,
    });
    expect(s.fake.callsTo("chat.postMessage")).toHaveLength(1);
    const waiting = await digestRow();
    expect(waiting.lastError).toContain("could not read the channel to tell whether an earlier attempt had posted it");
    expect(waiting.lastError).toContain("missing_scope");
    expect(lines.join("\n")).toContain("will look for it before sending again");
    expect(await laterTick()).toMatchObject({ sent: 1, failed: 0 });
    expect(inChannel()).toHaveLength(1);
  });

  it("retries a clean refusal without looking: nothing was posted", async () => {
    await dueDigest();
    s.fake.failNext("chat.postMessage", "not_in_channel");
    expect(await tick()).toMatchObject({ sent: 0, failed: 1 });
    const refused = await digestRow();
    expect(refused.payload).not.toHaveProperty("uncertain");
    expect(await laterTick()).toMatchObject({ sent: 1, failed: 0 });
    expect(s.fake.callsTo("conversations.history")).toEqual([]);
    expect(inChannel()).toHaveLength(1);
  });
});
