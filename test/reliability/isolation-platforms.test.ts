import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { buttonPress, slashCommand } from "../discord/payloads.ts";
import { invocation } from "../support/harness.ts";
import { TEAM, usePlatforms } from "./support/platforms.ts";

/**
 * Isolation over the wire. On Discord, buttons the bot sends in a DM carry their server
 * (`@<guild>/<action>`), since a DM has none: someone who is not in that server must not be
 * able to act in it by sending such an id, whatever server and action they name. On Slack,
 * the workspace comes from the signed payload only.
 */
const p = usePlatforms();

const GUILD_B = "1110000000000000042";
const OWNER_B = "1130000000000000042";
const STRANGER = "1130000000000000077";

async function workspaceRows(externalId: string): Promise<string> {
  const rows = await queryRows(
    p.h.db.db,
    sql`select (select count(*) from incidents i where i.workspace_id = w.id) as incidents,
        (select count(*) from payments x where x.workspace_id = w.id) as payments,
        (select json_agg(json_build_object('s', v.status, 'snooze', v.snoozed_until, 'stage', (select count(*) from invoice_reminders r where r.invoice_id = v.id),
          'd', v.disputed_since) order by v.id) from invoices v where v.workspace_id = w.id) as invoices,
        (select json_agg(o.* order by o.id) from offboardings o where o.workspace_id = w.id) as offboardings
        from workspaces w where w.external_id = ${externalId}`,
  );
  return JSON.stringify(rows);
}

describe("isolation on Discord: buttons scoped to a server in a DM", () => {
  it("refuses someone outside server B who sends B's button ids from a DM, and changes nothing of B", async () => {
    p.discordApi.addGuild({ id: GUILD_B, name: "Bravo studio", owner_id: OWNER_B, members: [OWNER_B] });
    const inB = { guild: GUILD_B, user: OWNER_B, name: "Bob" };
    const invoice = (client: string, number: string) =>
      slashCommand(
        "invoice",
        { client, number, amount: "9876", currency: "EUR", due: "2026-10-01", issued: "2026-09-01" },
        inB,
      );
    await p.discordSend(slashCommand("add", { slug: "bravo", name: "Bravo Secret Client" }, inB));
    await p.discordSend(invoice("bravo", "BRAVO-1"));
    await p.discordSend(slashCommand("late", { client: "bravo", note: "bravo-secret-note" }, inB));
    // A second client, not being let go, whose overdue invoice has digest buttons.
    await p.discordSend(slashCommand("add", { slug: "bravo-two", name: "Bravo Secret Client Two" }, inB));
    await p.discordSend(invoice("bravo-two", "BRAVO-2"));
    const offboard = await p.discordSend(slashCommand("offboard", { client: "bravo" }, inB));
    const ids = [...offboard.answer.matchAll(/"custom_id":"(@\d+\/[^"]+)"/g)].map((m) => m[1] ?? "");
    const before = await workspaceRows(GUILD_B);

    // Someone of another server (or of none) sends B's ids, and forged ones, from a DM.
    const forged = [...ids];
    for (const n of [1, 2, 3]) {
      for (const action of ["digest-paid", "digest-snooze", "remind", "undo"])
        forged.push(`@${GUILD_B}/${action}:${n}`);
      forged.push(`@${GUILD_B}/reminded:${n}:1`, `@${GUILD_B}/wizard:${n}:1:pause`);
    }
    const answers: string[] = [];
    for (const id of forged) {
      const res = await p.discordSend(buttonPress(id, { user: STRANGER, name: "Mallory", dm: true }));
      expect(res.status).toBe(200);
      answers.push(res.answer);
    }
    expect(await workspaceRows(GUILD_B)).toBe(before);
    const seen = answers.join("\n");
    expect(seen).not.toContain("Bravo Secret Client");
    expect(seen).not.toContain("9,876");
    expect(seen).not.toContain("bravo-secret-note");
  });
});

describe("isolation on Slack: the workspace is the signed payload's", () => {
  it("keeps workspace B's client out of reach of workspace A's commands", async () => {
    // B's records, kept by the same database (another install of Tact, or an earlier OAuth one).
    const inB = { platform: "slack" as const, workspace: "T0BRAVO", user: "U0BOB" };
    await p.core.handle(invocation("add bravo Bravo Secret Client", inB));
    await p.core.handle(invocation("late bravo bravo-secret-note", inB));
    const before = await workspaceRows("T0BRAVO");
    const answers = [
      await p.slackCommand("show bravo", { team_id: TEAM, user_id: "U0ALICE" }),
      await p.slackCommand("late bravo from alpha", { team_id: TEAM, user_id: "U0ALICE" }),
      await p.slackCommand("undo", { team_id: TEAM, user_id: "U0BOB" }),
      // Signed by Slack for B itself: this bot token serves only TEAM, so it is refused.
      await p.slackCommand("show bravo", { team_id: "T0BRAVO", user_id: "U0BOB" }),
    ].map((a) => a.answer);
    expect(await workspaceRows("T0BRAVO")).toBe(before);
    expect(answers.join("\n")).not.toContain("Bravo Secret Client");
  });
});
