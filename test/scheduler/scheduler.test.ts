import { describe, expect, it } from "vitest";
import { claimRounds, scheduleRows } from "../../db/queries/digest-rounds.ts";
import type { Outbox } from "../../src/core/outbox.ts";
import { planRounds } from "../../src/scheduler/plan-rounds.ts";
import { CLAIM_LEASE_MS } from "../../src/scheduler/retry-policy.ts";
import { runRounds } from "../../src/scheduler/run-rounds.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog, useHarness } from "../support/harness.ts";
import { deliveryRows, makeWorkspace, recordingOutbox, tick } from "./scheduler-support.ts";

// Monday 29 November 2027, 07:00 in Paris.
const h = useHarness("2027-11-29T06:00:00Z");
const MINUTE = 60_000;

describe("the scheduled digest", () => {
  it("posts in the workspace's channel at its local time, once a day", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "agency", { timezone: "Europe/Paris", digestChannel: "billing" });
    h.clock.set("2027-11-29T07:59:00Z");
    await tick(h, outbox);
    expect(sent).toHaveLength(0);

    h.clock.set("2027-11-29T08:00:00Z");
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.effect).toMatchObject({ type: "post", channelId: "billing" });
    expect(sent[0]?.text).toContain("Nothing to report today");

    for (const at of ["2027-11-29T08:01:00Z", "2027-11-29T12:00:00Z", "2027-11-29T22:59:00Z"]) {
      h.clock.set(at);
      await tick(h, outbox);
    }
    expect(sent).toHaveLength(1);

    h.clock.set("2027-11-30T08:00:00Z");
    await tick(h, outbox);
    expect(sent).toHaveLength(2);
  });

  it("lists the incidents logged since the previous digest, by client and kind", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    h.clock.set("2027-11-29T08:00:00Z");
    await tick(h, outbox);

    h.clock.set("2027-11-29T15:00:00Z");
    await h.run("/client late acme", { user: "sam" });
    await h.run("/client late acme", { user: "sam" });
    await h.run("/client scope acme added a blog section", { user: "kim" });
    await h.run("/client conduct globex shouted on a call", { user: "kim" });
    h.clock.set("2027-11-30T08:00:00Z");
    await tick(h, outbox);
    const digest = sent[1]?.text ?? "";
    expect(digest).toContain("New incidents since");
    expect(digest).toContain("ACME Corp: late payment (2), scope creep (1)");
    expect(digest).toContain("Globex: disrespect / tension (1)");

    // The next day starts afresh.
    h.clock.set("2027-12-01T08:00:00Z");
    await tick(h, outbox);
    expect(sent[2]?.text).toContain("Nothing to report today");
  });

  it("sends each workspace its digest at its own local time", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "paris", { timezone: "Europe/Paris" });
    await makeWorkspace(h, "new-york", { timezone: "America/New_York" });
    await makeWorkspace(h, "tokyo", { timezone: "Asia/Tokyo", digestTime: "16:30" });
    h.clock.set("2027-11-29T08:00:00Z");
    await tick(h, outbox);
    expect(sent.map((s) => s.workspace)).toEqual(["paris", "tokyo"]);
    h.clock.set("2027-11-29T14:00:00Z");
    await tick(h, outbox);
    expect(sent.map((s) => s.workspace)).toEqual(["paris", "tokyo", "new-york"]);
  });

  it("catches up a digest missed while down, once, the same day; a whole day missed is not sent late", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "agency", { timezone: "America/New_York" });
    // Down from before 09:00 until 15:30 New York time.
    h.clock.set("2027-11-29T20:30:00Z");
    await tick(h, outbox);
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
    // Down all of Tuesday; back on Wednesday at 08:00, before Wednesday's digest time.
    h.clock.set("2027-12-01T13:00:00Z");
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
    h.clock.set("2027-12-01T14:00:00Z");
    await tick(h, outbox);
    expect(sent).toHaveLength(2);
  });

  it("posts nothing on days off, to deactivated workspaces, or on a quiet day set to silent", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "weekdays");
    await makeWorkspace(h, "gone", { deactivatedAt: new Date("2027-11-01T00:00:00Z") });
    await makeWorkspace(h, "silent", { digestQuietPost: false });
    await makeWorkspace(h, "off", { digestEnabled: false });
    h.clock.set("2027-11-27T10:00:00Z"); // a Saturday
    await tick(h, outbox);
    expect(sent).toHaveLength(0);
    h.clock.set("2027-11-29T10:00:00Z");
    await tick(h, outbox);
    expect(sent.map((s) => s.workspace)).toEqual(["weekdays"]);
  });

  it("keeps posting to the others when one workspace's channel fails, and retries it with backoff, once", async () => {
    const { outbox, sent, failing } = recordingOutbox();
    const broken = await makeWorkspace(h, "broken");
    await makeWorkspace(h, "fine");
    failing.add("broken");
    h.clock.set("2027-11-29T09:00:00Z");
    const first = await tick(h, outbox);
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    expect(sent.map((s) => s.workspace)).toEqual(["fine"]);
    const [row] = await deliveryRows(h.db.db, broken.id, "digest");
    expect(row).toMatchObject({ state: "failed", attempts: 1, lastError: "channel_not_found" });

    // Not before the backoff: one minute, then two.
    h.clock.advance(30_000);
    expect(await tick(h, outbox)).toMatchObject({ sent: 0, failed: 0 });
    h.clock.advance(30_000);
    expect(await tick(h, outbox)).toMatchObject({ failed: 1 });
    expect((await deliveryRows(h.db.db, broken.id, "digest"))[0]).toMatchObject({ state: "failed", attempts: 2 });
    failing.delete("broken");
    h.clock.advance(MINUTE);
    expect(await tick(h, outbox)).toMatchObject({ sent: 0 });
    h.clock.advance(MINUTE);
    expect(await tick(h, outbox)).toMatchObject({ sent: 1 });
    for (let i = 0; i < 5; i++) {
      h.clock.advance(30 * MINUTE);
      await tick(h, outbox);
    }
    expect(sent.map((s) => s.workspace)).toEqual(["fine", "broken"]);
    expect((await deliveryRows(h.db.db, broken.id, "digest"))[0]).toMatchObject({ state: "sent", attempts: 3 });
  });

  it("sends a workspace whose stored time zone is unknown its digest in UTC, without stopping the others", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "odd", { timezone: "Mars/Olympus" });
    await makeWorkspace(h, "paris", { timezone: "Europe/Paris" });
    h.clock.set("2027-11-29T09:00:00Z");
    await tick(h, outbox);
    expect(sent.map((s) => s.workspace).sort()).toEqual(["odd", "paris"]);
  });

  it("still posts overdue alerts when the digest is off", async () => {
    const { outbox, sent } = recordingOutbox();
    await makeWorkspace(h, "console", { digestEnabled: false });
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 100 EUR due 2027-11-20 issued 2027-10-20");
    h.clock.set("2027-11-29T09:00:00Z");
    await tick(h, outbox);
    expect(sent.map((s) => s.text.split("\n")[0])).toEqual(["== Overdue: INV-7 (ACME Corp) =="]);
  });

  it("gives a delivery up after repeated failures instead of retrying forever", async () => {
    const { outbox, failing } = recordingOutbox();
    const broken = await makeWorkspace(h, "broken");
    failing.add("broken");
    h.clock.set("2027-11-29T09:00:00Z");
    for (let i = 0; i < 12; i++) {
      await tick(h, outbox);
      h.clock.advance(61 * MINUTE);
    }
    const [row] = await deliveryRows(h.db.db, broken.id, "digest");
    expect(row).toMatchObject({ state: "failed", attempts: 8, nextAttemptAt: null });
  });

  it("sends what a crashed process claimed but never sent, once its claim has expired", async () => {
    const { outbox, sent } = recordingOutbox();
    const ws = await makeWorkspace(h, "agency");
    h.clock.set("2027-11-29T09:00:00Z");
    // A process claims the round and its digest, then dies before sending.
    const due = planRounds(await scheduleRows(h.db.db, ["console"], h.clock.now()), h.clock.now());
    const leaseEnd = new Date(h.clock.now().getTime() + CLAIM_LEASE_MS);
    await runRounds(h.db.db, due, { by: "crashed", now: h.clock.now(), leaseEnd }, silentLog);
    expect((await deliveryRows(h.db.db, ws.id, "digest"))[0]).toMatchObject({ state: "claimed", claimedBy: "crashed" });

    await tick(h, outbox);
    h.clock.advance(CLAIM_LEASE_MS - MINUTE);
    await tick(h, outbox);
    expect(sent).toHaveLength(0);
    h.clock.advance(MINUTE);
    await tick(h, outbox);
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
    const [row] = await deliveryRows(h.db.db, ws.id, "digest");
    expect(row).toMatchObject({ state: "sent", attempts: 2 });
    // It may have posted before dying: the retry looks first, back to the first claim.
    expect(sent[0]?.delivery).toMatchObject({
      id: `t${row?.id}`,
      verify: true,
      since: new Date("2027-11-29T09:00:00Z"),
    });
  });

  it("cancels a send that gets no answer in time, and has the retry look for it before sending", async () => {
    const seen: { verify: boolean; id: string; aborted: boolean }[] = [];
    let slow = true;
    const outbox: Outbox = {
      platform: "console",
      async send(_workspace, _effect, delivery) {
        const attempt = { verify: Boolean(delivery?.verify), id: String(delivery?.id), aborted: false };
        seen.push(attempt);
        if (!slow) return;
        // The platform does not answer: the request waits until the scheduler cancels it.
        await new Promise<void>((_, reject) =>
          delivery?.signal.addEventListener("abort", () => {
            attempt.aborted = true;
            reject(delivery.signal.reason);
          }),
        );
      },
    };
    const ws = await makeWorkspace(h, "agency");
    h.clock.set("2027-11-29T09:00:00Z");
    const run = () => runTick({ db: h.db.db, clock: h.clock, log: silentLog, outboxes: [outbox], sendTimeoutMs: 50 });
    expect(await run()).toMatchObject({ sent: 0, failed: 1 });
    expect(seen).toEqual([{ verify: false, id: expect.stringMatching(/^t\d+$/), aborted: true }]);
    const [failed] = await deliveryRows(h.db.db, ws.id, "digest");
    expect(failed).toMatchObject({ state: "failed", payload: expect.objectContaining({ uncertain: true }) });
    expect(failed?.lastError).toContain("the request was cancelled");
    slow = false;
    h.clock.advance(2 * MINUTE);
    expect(await run()).toMatchObject({ sent: 1, failed: 0 });
    expect(seen[1]).toEqual({ verify: true, id: seen[0]?.id, aborted: false });
  });

  it("retries a send the platform refused without looking: nothing was posted", async () => {
    const { outbox, sent, failing } = recordingOutbox();
    await makeWorkspace(h, "agency");
    failing.add("agency");
    h.clock.set("2027-11-29T09:00:00Z");
    await tick(h, outbox);
    failing.clear();
    h.clock.advance(2 * MINUTE);
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.delivery?.verify).toBe(false);
  });

  it("runs again a round whose process died before deciding what to send, once its claim has expired", async () => {
    const { outbox, sent } = recordingOutbox();
    const ws = await makeWorkspace(h, "agency");
    h.clock.set("2027-11-29T09:00:00Z");
    // A process claims the day's round, then dies before building the digest.
    const now = h.clock.now();
    await claimRounds(h.db.db, [{ workspaceId: ws.id, localDate: "2027-11-29" }], {
      by: "crashed",
      now,
      leaseEnd: new Date(now.getTime() + CLAIM_LEASE_MS),
    });
    await tick(h, outbox);
    expect(sent).toHaveLength(0);
    h.clock.advance(CLAIM_LEASE_MS);
    await tick(h, outbox);
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
    expect(await deliveryRows(h.db.db, ws.id, "round")).toEqual([
      expect.objectContaining({ state: "sent", claimedBy: "test-a", attempts: 2 }),
    ]);
  });

  it("posts each digest once when two schedulers tick at the same moment", async () => {
    const { outbox, sent } = recordingOutbox();
    const names = ["a", "b", "c", "d", "e", "f"];
    for (const name of names) await makeWorkspace(h, name);
    h.clock.set("2027-11-29T09:00:00Z");
    for (let i = 0; i < 3; i++) {
      await Promise.all([tick(h, outbox, "one"), tick(h, outbox, "two"), tick(h, outbox, "three")]);
      h.clock.advance(MINUTE);
    }
    expect(sent.map((s) => s.workspace).sort()).toEqual(names);
  });
});

describe("the cost of a tick", () => {
  async function queriesForOneTick(clients: number, incidentsPerClient: number, workspaces = 1): Promise<number> {
    await h.db.reset();
    const { outbox } = recordingOutbox();
    for (let w = 0; w < workspaces; w++) {
      const name = w === 0 ? "console" : `ws-${w}`;
      await makeWorkspace(h, name);
      for (let c = 0; c < clients; c++) {
        await h.run(`/client add client-${c} Client ${c}`, { workspace: name });
        for (let i = 0; i < incidentsPerClient; i++) {
          await h.run(`/client note client-${c} call number ${i}`, { workspace: name, user: `u${i}` });
        }
      }
    }
    h.clock.set("2027-11-29T09:00:00Z");
    h.db.countQueries(true);
    await tick(h, outbox);
    const count = h.db.queries.length;
    h.db.countQueries(false);
    h.clock.set("2027-11-29T06:00:00Z");
    return count;
  }

  it("makes the same number of queries whatever the number of clients and incidents", async () => {
    const small = await queriesForOneTick(1, 1);
    const large = await queriesForOneTick(12, 4);
    expect(large).toBe(small);
  });

  it("adds only its post's queries per due workspace: the data of all of them is loaded together", async () => {
    const one = await queriesForOneTick(2, 1, 1);
    const two = await queriesForOneTick(2, 1, 2);
    const four = await queriesForOneTick(2, 1, 4);
    // Loading is set-based for all the due workspaces (risk included); what each one adds is
    // its post: reading its row before sending, and marking its digest sent.
    expect(two - one).toBeLessThanOrEqual(2);
    expect(four - two).toBe(2 * (two - one));
  });
});
