import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import {
  createThrowawayPostgres,
  skipWithoutPostgres,
  type ThrowawayPostgres,
} from "../ops/support/throwaway-postgres.ts";
import type { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { query, type RunningTact, seedDueWorkspaces, startSlack, startTact } from "./support/soak-tact.ts";

/**
 * The process is killed (SIGKILL: no chance to clean up) in the middle of a digest run, then
 * restarted. 30 workspaces are due, each with a digest and two overdue invoices (alerts).
 */
const WORKSPACES = 30;
const OVERDUE = 2;
const NOW = "2026-11-27T12:00:00Z";
/** Restarted 11 minutes later: the dead process's claims (10-minute leases) have expired. */
const LATER = "2026-11-27T12:11:00Z";
/** The scheduler sends to this many workspaces at a time (send-deliveries.ts). */
const SENDERS = 4;

describe.skipIf(skipWithoutPostgres)("SIGKILL in the middle of a digest run", () => {
  let server: ThrowawayPostgres;
  const running: RunningTact[] = [];
  let databases = 0;

  beforeAll(async () => {
    server = await createThrowawayPostgres();
  });
  afterAll(async () => {
    for (const tact of running) await tact.stop().catch(() => {});
    await server?.destroy();
  });

  async function crashAndRestart(slack: FakeSlackApi, stallAt: (slack: FakeSlackApi) => void, inFlight: number) {
    const url = await freshDatabase(server, `kill_${++databases}`);
    await seedDueWorkspaces(url, WORKSPACES, OVERDUE);
    stallAt(slack);
    const first = await startTact(slack, { DATABASE_URL: url, SOAK_NOW: NOW, SOAK_TICK_MS: "100" });
    running.push(first);
    await slack.waitFor(() => slack.hung.length >= inFlight, 60_000, `${inFlight} posts in flight`);
    await first.kill();
    slack.dropHung();
    const recordedSent = new Set(
      (await deliveries(url)).filter((d) => d.state === "sent").map((d) => `${d.workspace_id}:${d.kind}:${d.key}`),
    );
    const deliveredBefore = slack.messages.length;
    const second = await startTact(slack, { DATABASE_URL: url, SOAK_NOW: LATER, SOAK_TICK_MS: "100" });
    running.push(second);
    const planned = await deliveries(url);
    const distinct = () => new Set(slack.messages.map(key)).size;
    await slack.waitFor(() => distinct() >= planned.length, 60_000, `all ${planned.length} deliveries`);
    // A graceful stop waits for the tick in progress: then every row is final.
    await second.stop();
    return { url, planned, recordedSent, deliveredBefore, after: await deliveries(url) };
  }

  for (const stallFrom of [1, 25]) {
    it(`sends every digest and alert exactly once after a restart (killed while Slack hangs from post ${stallFrom})`, async () => {
      // Slack stops answering; the process is killed while every sender waits on a post.
      const slack = await startSlack(NOW);
      try {
        const run = await crashAndRestart(slack, (s) => s.hang("chat.postMessage", stallFrom, true), SENDERS);
        expect(run.deliveredBefore).toBe(stallFrom - 1);
        expect(run.after.filter((d) => d.state !== "sent")).toEqual([]);
        const keys = slack.messages.map(key);
        expect(
          keys.filter((k, i) => keys.indexOf(k) !== i),
          "posted twice",
        ).toEqual([]);
        expect(keys).toHaveLength(run.planned.length);
        for (const held of slack.hung) expect(keys).toContain(key(held.args));
        expect(slack.messages.filter((p) => p.text.startsWith("Daily digest"))).toHaveLength(WORKSPACES);
        expect(run.planned.filter((d) => d.kind === "alert")).toHaveLength(WORKSPACES * OVERDUE);
      } finally {
        await slack.close();
      }
    });
  }

  it("loses nothing when killed while Slack answers other posts, and resends none of those accepted in the instant before the kill", async () => {
    // One post hangs while the three other senders' posts are answered at once: the kill
    // lands between Slack accepting those and Tact recording them. The restarted process
    // takes over the dead one's claims as of unknown outcome and reads the channel first:
    // the posts Slack took carry their delivery's id, and are not posted again.
    const slack = await startSlack(NOW);
    try {
      const run = await crashAndRestart(slack, (s) => s.hang("chat.postMessage", 25), 1);
      expect(run.after.filter((d) => d.state !== "sent")).toEqual([]);
      const keys = slack.messages.map(key);
      expect(new Set(keys).size).toBe(run.planned.length);
      for (const held of slack.hung) expect(keys.filter((k) => k === key(held.args))).toHaveLength(1);
      expect(
        keys.filter((k, i) => keys.indexOf(k) !== i),
        "posted twice",
      ).toEqual([]);
      expect(keys).toHaveLength(run.planned.length);
    } finally {
      await slack.close();
    }
  });
});

/** A post (or the arguments of one Slack hung on) by channel and text. */
function key(post: { channel?: unknown; text?: unknown }): string {
  return `${String(post.channel)}|${String(post.text)}`;
}

async function deliveries(url: string) {
  return query<{ workspace_id: number; kind: string; key: string; state: string }>(
    url,
    "select workspace_id, kind, key, state from deliveries where kind <> 'round' order by id",
  );
}

/** A migrated database of its own on the throwaway server. */
async function freshDatabase(server: ThrowawayPostgres, name: string): Promise<string> {
  await query(server.url, `create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.close();
  return url.toString();
}
