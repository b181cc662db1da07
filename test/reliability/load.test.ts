import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { usePlatforms } from "./support/platforms.ts";

/**
 * Load: a thousand signed slash commands at once into /slack/events, as a busy morning
 * across a team would send them, plus Slack's own retries of some of them. Every command is
 * answered, written once with its audit entry, and confirmed once.
 */
const p = usePlatforms();
const COMMANDS = 1000;

describe("a thousand concurrent slash commands", () => {
  it("become a thousand incidents: none lost, none doubled", async () => {
    await p.slackCommand("add acme ACME Corp");
    const bodies = Array.from({ length: COMMANDS }, (_, i) =>
      p.slackCommandBody(`late acme load number ${i}`, {
        user_id: `U0P${i % 40}`,
        user_name: `person${i % 40}`,
        trigger_id: `${i}.load.trigger`,
        response_url: p.slackApi.responseUrl(`load-${i}`),
      }),
    );
    // Every tenth is also resent by Slack, as after a slow acknowledgement.
    const retried = [...bodies.keys()].filter((i) => i % 10 === 0);
    // Answers carried in acknowledgements, by command (the original or its resend may carry it).
    const acked: { i: number; text: string }[] = [];
    const send = (i: number, headers?: Record<string, string>) =>
      p.slackPost(bodies[i] ?? "", headers ? { headers } : {}).then((r) => {
        if (r.text) acked.push({ i, text: r.text });
        return r.status;
      });
    const statuses = await Promise.all([
      ...bodies.map((_, i) => send(i)),
      ...retried.map((i) => send(i, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })),
    ]);
    await p.slack.settled();

    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const rows = await queryRows<{ note: string; audits: number }>(
      p.h.db.db,
      sql`select i.note, (select count(*)::int from audit_log a
            where a.subject_type = 'incident' and a.subject_id = i.id::text and a.action = 'incident.logged') as audits
          from incidents i order by i.id`,
    );
    expect(rows).toHaveLength(COMMANDS);
    expect(new Set(rows.map((r) => r.note)).size).toBe(COMMANDS);
    expect(rows.every((r) => Number(r.audits) === 1)).toBe(true);
    // Each command is confirmed once: in its acknowledgement, or (when slower) at its response_url.
    const confirmed = [
      ...acked.map(({ i, text }) => ({ id: `load-${i}`, text })),
      ...p.slackApi.responses
        .filter((r) => r.id.startsWith("load-"))
        .map((r) => ({ id: r.id, text: JSON.stringify(r.body) })),
    ];
    expect(new Set(confirmed.map((r) => r.id)).size).toBe(COMMANDS);
    expect(confirmed).toHaveLength(COMMANDS);
    expect(confirmed.every((r) => r.text.includes("Logged late payment for ACME Corp"))).toBe(true);
  }, 180_000);
});
