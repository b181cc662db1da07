import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { submit } from "../offboarding/offboarding-support.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "./slack-harness.ts";

/**
 * Issue 13 §4 and §7 through Slack: the write-off's confirmation and a dispute's outcome are
 * buttons, pressed over signed HTTP. On PostgreSQL (TEST_DATABASE_URL) presses at once truly
 * overlap.
 */
const s = useSlack();
const OWNER_DM = `D${OWNER}`;
type Json = Record<string, unknown>;

/** Action ids of the buttons in Block Kit blocks. */
function actionIds(blocks: unknown): string[] {
  return ((blocks as Json[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .map((e) => String(e.value ?? e.action_id));
}

/** Runs a line through the core as the Slack workspace's owner (set-up, quicker than HTTP). */
function asOwner(line: string) {
  return s.h.run(line, { platform: "slack", workspace: TEAM, user: OWNER });
}

async function historyKinds(): Promise<string[]> {
  const rows = await queryRows<{ kind: string }>(s.h.db.db, sql`select kind from invoice_history order by id`);
  return rows.map((r) => r.kind);
}

describe.each(["en", "fr"] as const)("money decisions by Slack buttons (%s)", (lang) => {
  const t = catalogFor(lang);

  it("the write-off's confirmation replaces step 5 and names the amounts; pressed twice at once, it writes off once", async () => {
    await s.command(`config lang ${lang}`);
    await s.command("add acme ACME Corp");
    await asOwner("/client invoice acme INV-1 100 EUR issued 2026-10-01 due 2026-11-01");
    await asOwner("/client offboard acme");
    await submit(
      s.h,
      "wizard-form:1:1:conversation",
      { notes: "We talked." },
      { platform: "slack", workspace: TEAM, user: OWNER },
    );
    for (const step of [2, 3, 4]) await asOwner(`press wizard:1:${step}:done`);

    expect(await s.press("wizard:1:5:writeoff", { channel: OWNER_DM, messageTs: "1700000000.000005" })).toBe(200);
    const asked = s.fake.callsTo("chat.update").at(-1);
    expect(asked?.args.ts).toBe("1700000000.000005");
    expect(JSON.stringify(asked?.args.blocks)).toContain(JSON.stringify(t.offboarding.writeOff.after).slice(1, -1));
    const confirm = actionIds(asked?.args.blocks).find((id) => id.startsWith("wizard:1:5:confirmwriteoff:"));
    expect(confirm).toBeDefined();
    expect(await historyKinds()).toEqual([]);

    const statuses = await Promise.all([
      s.press(confirm ?? "", { channel: OWNER_DM }),
      s.press(confirm ?? "", { channel: OWNER_DM }),
    ]);
    expect(statuses).toEqual([200, 200]);
    expect(await historyKinds()).toEqual(["write-off"]);
    // A member pressing it is refused and changes nothing.
    expect(await s.press(confirm ?? "", { user: MEMBER, channel: OWNER_DM })).toBe(200);
    expect(await historyKinds()).toEqual(["write-off"]);
  });

  it("/client resume asks privately with two buttons; the answer pressed replaces the question", async () => {
    await s.command(`config lang ${lang}`);
    await s.command("add acme ACME Corp");
    await asOwner("/client invoice acme INV-7 2000 EUR issued 2026-10-01 due 2026-11-01");
    await asOwner("/client dispute INV-7 page two missing");
    s.h.clock.advance(3 * 86_400_000);
    const asked = await s.command("resume INV-7", { user: MEMBER });
    const question = s.fake.responses.find((r) => asked.responseUrl.endsWith(r.id))?.body;
    expect(question?.response_type).toBe("ephemeral");
    const ids = actionIds(question?.blocks);
    expect(ids).toEqual(["resume:1:2026-11-27:not-upheld", "resume:1:2026-11-27:upheld"]);
    expect(await historyKinds()).toEqual([]);

    s.fake.reset();
    expect(await s.press("resume:1:2026-11-27:not-upheld", { user: MEMBER, ephemeral: true })).toBe(200);
    const answer = s.fake.responses.at(-1)?.body;
    expect(answer?.replace_original).toBe(true);
    expect(String(answer?.text)).toContain(lang === "en" ? "the dispute was not upheld" : "contestation non fondée");
    expect(await historyKinds()).toEqual(["dispute-not-upheld"]);
    expect(String(JSON.stringify(answer))).not.toContain(t.invoices.errors.notDisputed({ number: "INV-7" }));
  });
});
