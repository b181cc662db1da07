import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import {
  createThrowawayPostgres,
  skipWithoutPostgres,
  type ThrowawayPostgres,
} from "../ops/support/throwaway-postgres.ts";
import type { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { query, type RunningTact, slashCommand, startSlack, startTact } from "./support/soak-tact.ts";

/**
 * PostgreSQL crashes and comes back while slash commands keep arriving. The same process
 * recovers by itself; every command gets an answer (logged, or "unavailable, nothing saved");
 * nothing is half-written: each incident has its audit entry, none is written twice, and
 * none of the commands told "nothing saved" was saved.
 */
const SENDERS = 8;

describe.skipIf(skipWithoutPostgres)("PostgreSQL restarted under load", () => {
  let server: ThrowawayPostgres;
  let tact: RunningTact | undefined;
  let slack: FakeSlackApi;

  beforeAll(async () => {
    server = await createThrowawayPostgres();
    slack = await startSlack();
  });
  afterAll(async () => {
    await tact?.stop().catch(() => {});
    await slack?.close();
    await server?.destroy();
  });

  it("recovers without a restart and writes each command completely or not at all", async () => {
    const migrated = await openDatabase({ url: server.url });
    await migrated.close();
    tact = await startTact(slack, { DATABASE_URL: server.url });
    const running = tact;
    await slashCommand(running, slack, { text: "add acme ACME Corp", answerId: "add" });
    expect(await slack.answer("add")).toContain("Added ACME Corp");

    const outcomes = new Map<number, "logged" | "unavailable" | "other">();
    let next = 0;
    let phase: "before" | "down" | "after" = "before";
    const loggedIn = { before: 0, down: 0, after: 0 };
    let stop = false;
    const sender = async () => {
      while (!stop) {
        const i = next++;
        const id = `late-${i}`;
        const status = await slashCommand(running, slack, { text: `late acme soak number ${i}`, answerId: id });
        expect(status).toBe(200);
        const answer = await slack.answer(id);
        const outcome = answer.includes("Logged late payment")
          ? "logged"
          : answer.includes("temporarily unavailable")
            ? "unavailable"
            : "other";
        outcomes.set(i, outcome);
        if (outcome === "logged") loggedIn[phase] += 1;
      }
    };
    const senders = Array.from({ length: SENDERS }, sender);

    await slack.waitFor(() => loggedIn.before >= 100, 60_000, "100 commands logged");
    await server.stop("immediate");
    phase = "down";
    await slack.waitFor(
      () => [...outcomes.values()].filter((o) => o === "unavailable").length >= 20,
      60_000,
      "20 refusals",
    );
    await server.start();
    phase = "after";
    await slack.waitFor(() => loggedIn.after >= 100, 90_000, "100 commands logged after the restart");
    stop = true;
    await Promise.all(senders);

    const values = [...outcomes.values()];
    expect(values.filter((o) => o === "other")).toEqual([]);
    const rows = await query<{ note: string; audits: number }>(
      server.url,
      `select i.note, (select count(*)::int from audit_log a where a.subject_type = 'incident'
         and a.subject_id = i.id::text and a.action = 'incident.logged') as audits
       from incidents i order by i.id`,
    );
    // No partial writes: each incident with its audit entry, none twice.
    expect(rows.filter((r) => Number(r.audits) !== 1)).toEqual([]);
    expect(new Set(rows.map((r) => r.note)).size).toBe(rows.length);
    // What people were told is what happened.
    const stored = new Set(rows.map((r) => r.note));
    const logged = [...outcomes].filter(([, o]) => o === "logged").map(([i]) => `soak number ${i}`);
    const refused = [...outcomes].filter(([, o]) => o === "unavailable").map(([i]) => `soak number ${i}`);
    expect(logged.filter((n) => !stored.has(n))).toEqual([]);
    expect(refused.filter((n) => stored.has(n))).toEqual([]);
    expect(rows).toHaveLength(logged.length);
  });
});
