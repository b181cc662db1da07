import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import {
  createThrowawayPostgres,
  skipWithoutPostgres,
  type ThrowawayPostgres,
} from "../ops/support/throwaway-postgres.ts";
import type { FakeSlackApi } from "../slack/fake-slack-api.ts";
import {
  query,
  type RunningTact,
  seedDueWorkspaces,
  slashCommand,
  startSlack,
  startTact,
} from "./support/soak-tact.ts";

/**
 * Two replicas of Tact on one PostgreSQL database, both ticking the scheduler every 100 ms
 * while slash commands arrive at both: each digest and each alert is posted exactly once,
 * and every command is applied once, whichever replica took it.
 */
const WORKSPACES = 60;
const OVERDUE = 2;
const COMMANDS = 300;
const NOW = "2026-11-27T12:00:00Z";

describe.skipIf(skipWithoutPostgres)("two replicas on one database, under load", () => {
  let server: ThrowawayPostgres;
  let slack: FakeSlackApi;
  const replicas: RunningTact[] = [];

  beforeAll(async () => {
    server = await createThrowawayPostgres();
    slack = await startSlack(NOW);
  });
  afterAll(async () => {
    for (const r of replicas) await r.stop().catch(() => {});
    await slack?.close();
    await server?.destroy();
  });

  it("posts each scheduled delivery once and applies each command once", async () => {
    const migrated = await openDatabase({ url: server.url });
    await migrated.close();
    await seedDueWorkspaces(server.url, WORKSPACES, OVERDUE);
    const env = { DATABASE_URL: server.url, SOAK_NOW: NOW, SOAK_TICK_MS: "100" };
    replicas.push(...(await Promise.all([startTact(slack, env), startTact(slack, env)])));
    const [one, two] = replicas as [RunningTact, RunningTact];
    // The workspaces' clock is SOAK_NOW: requests are signed at that time too.
    const nowMs = () => Date.parse(NOW);
    await slashCommand(one, slack, { text: "add acme ACME Corp", answerId: "add", nowMs: nowMs() });
    expect(await slack.answer("add")).toContain("Added ACME Corp");

    // Commands to both replicas while they tick, 10 at a time.
    let next = 0;
    const sender = async () => {
      for (let i = next++; i < COMMANDS; i = next++) {
        const replica = i % 2 === 0 ? one : two;
        const id = `cmd-${i}`;
        await slashCommand(replica, slack, {
          text: `late acme replica load ${i}`,
          answerId: id,
          nowMs: nowMs(),
        });
        await slack.answer(id);
      }
    };
    await Promise.all(Array.from({ length: 10 }, sender));
    const expected = WORKSPACES * (1 + OVERDUE);
    await slack.waitFor(() => slack.messages.length >= expected, 60_000, `${expected} scheduled posts`);
    // Both stop gracefully, each finishing its tick in progress: every row is then final.
    await Promise.all(replicas.map((r) => r.stop()));

    const keys = slack.messages.map((p) => `${p.channel}|${p.text}`);
    expect(
      keys.filter((k, i) => keys.indexOf(k) !== i),
      "posted twice",
    ).toEqual([]);
    expect(keys).toHaveLength(expected);
    const rows = await query<{ state: string; claimed_by: string }>(
      server.url,
      "select state, claimed_by from deliveries where kind <> 'round'",
    );
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.state === "sent")).toBe(true);
    const answers = await Promise.all(
      [...slack.answeredAt.keys()].filter((id) => id.startsWith("cmd-")).map((id) => slack.answer(id)),
    );
    expect(answers).toHaveLength(COMMANDS);
    expect(answers.every((a) => a.includes("Logged late payment"))).toBe(true);
    const [incidents] = await query<{ n: number; notes: number }>(
      server.url,
      "select count(*)::int as n, count(distinct note)::int as notes from incidents",
    );
    expect(incidents).toEqual({ n: COMMANDS, notes: COMMANDS });
  });
});
