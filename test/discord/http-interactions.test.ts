import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { rowCount } from "../support/db-counts.ts";
import { silentLog } from "../support/harness.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { autocomplete, groupedCommand, MEMBER, OWNER, ping, slashCommand } from "./payloads.ts";

const d = useDiscord();
/** `/client billing invoice` of INV-7, €1,200 due 15 Dec 2026. */
const inv7 = () =>
  groupedCommand("billing", "invoice", {
    client: "acme",
    number: "INV-7",
    amount: "1200.00",
    currency: "EUR",
    due: "2026-12-15",
  });

const count = (table: string, where?: string) => rowCount(d.h.db.db, table, where);

/** The message an immediate answer carries (type 4 or 7). */
function dataOf(body: Record<string, unknown> | undefined): Record<string, unknown> {
  return (body?.data ?? {}) as Record<string, unknown>;
}

function textOf(data: Record<string, unknown>): string {
  return JSON.stringify({ content: data.content, embeds: data.embeds });
}

describe("Discord HTTP interactions", () => {
  it("answers Discord's PING with a PONG", async () => {
    const res = await d.send(ping());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ type: 1 });
  });

  // Unsigned, wrongly signed and tampered requests: test/reliability/hostile-discord.test.ts.
  it("refuses, with 401, a request signed more than five minutes before or after now, and writes nothing", async () => {
    const payload = JSON.stringify(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    const now = d.h.clock.now().getTime();
    expect((await d.post(payload, d.sign(payload, new Date(now - 2 * 86_400_000)))).status).toBe(401);
    expect((await d.post(payload, d.sign(payload, new Date(now - 6 * 60_000)))).status).toBe(401);
    expect((await d.post(payload, d.sign(payload, new Date(now + 6 * 60_000)))).status).toBe(401);
    expect(await count("workspaces")).toBe(0);
    expect(d.api.calls).toEqual([]);
    // A server clock a few minutes off is still served.
    const skewed = await d.post(payload, d.sign(payload, new Date(now - 4 * 60_000)));
    expect(skewed.status).toBe(200);
    await d.adapter.idle();
    expect(await count("clients")).toBe(1);
  });

  it("never records a payment twice from the same signed bytes, even after request ids are pruned", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(inv7());
    const payment = JSON.stringify(groupedCommand("billing", "paid", { invoice: "INV-7", what: "500.00" }));
    const headers = d.sign(payment, d.h.clock.now());
    expect((await d.post(payment, headers)).status).toBe(200);
    await d.adapter.idle();
    // Replayed at once: the interaction id was applied already.
    expect((await d.post(payment, headers)).status).toBe(200);
    await d.adapter.idle();
    expect(await count("payments")).toBe(1);

    // Two days later the applied ids of that day are pruned; the capture is too old anyway.
    d.h.clock.advance(2 * 86_400_000);
    await runTick({ db: d.h.db.db, clock: d.h.clock, log: silentLog, outboxes: [] });
    expect(await count("processed_requests")).toBe(0);
    expect((await d.post(payment, headers)).status).toBe(401);
    await d.adapter.idle();
    expect(await count("payments")).toBe(1);
  });

  it("takes the guild's owner as the workspace owner, whoever speaks first", async () => {
    await d.send(slashCommand("help", {}, { user: MEMBER }));
    expect(d.api.find("GET", "/guilds/1110000000000000001").length).toBeLessThanOrEqual(1);
    const refused = await d.send(groupedCommand("config", "lang", { lang: "fr" }, { user: MEMBER }));
    expect(textOf(dataOf(refused.body))).toContain("Only the workspace owner (");
    const accepted = await d.send(groupedCommand("config", "lang", { lang: "fr" }, { user: OWNER }));
    expect(textOf(dataOf(accepted.body))).not.toContain("Only the workspace owner");
    // Typed options per setting: the registration of before (`setting:`, `value:`) asks to register again.
    const terms = await d.send(groupedCommand("config", "terms", { law: "fr", term: "45" }, { user: OWNER }));
    expect(textOf(dataOf(terms.body))).toContain("45");
    const outdated = await d.send(slashCommand("config", { setting: "lang", value: "en" }, { user: OWNER }));
    expect(textOf(dataOf(outdated.body))).toContain("enregistr");
  });

  it("leaves the owner unknown while Discord cannot say who owns the server, and refuses owner-only commands", async () => {
    // Commands-only install: the bot is not in this server, so Discord will not describe it.
    const guild = "1110000000000000999";
    const as = (user: string) => ({ user, guild });
    const first = await d.send(groupedCommand("config", "lang", { lang: "fr" }, as(MEMBER)));
    const refusal = textOf(dataOf(first.body));
    expect(refusal).toContain("I don't know yet who that is");
    expect(refusal).toContain("Add the bot to the server");
    const [ws] = await queryRows<{ owner: string | null; locale: string }>(
      d.h.db.db,
      sql`select owner_user_id as owner, locale from workspaces`,
    );
    expect(ws).toEqual({ owner: null, locale: "en" });

    // The bot is added; once the server's details are looked up again, its owner is the owner.
    d.api.addGuild({ id: guild, name: "Studio Sud", owner_id: OWNER });
    d.h.clock.advance(61 * 60_000);
    const member = await d.send(groupedCommand("config", "lang", { lang: "fr" }, as(MEMBER)));
    expect(textOf(dataOf(member.body))).toContain("Only the workspace owner (");
    const owner = await d.send(groupedCommand("config", "lang", { lang: "fr" }, as(OWNER)));
    expect(textOf(dataOf(owner.body))).not.toContain("Only the workspace owner");
    const [after] = await queryRows<{ owner: string }>(d.h.db.db, sql`select owner_user_id as owner from workspaces`);
    expect(after?.owner).toBe(OWNER);
  });

  // A member refused an owner-only command, privately: test/contract/adapter-contract.test.ts.
  it("shows the client card as an embed, privately", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(slashCommand("scope", { client: "acme", note: "added a blog section" }));
    const res = await d.send(slashCommand("show", { client: "acme" }));
    const data = dataOf(res.body);
    expect(data.flags).toBe(64);
    const embeds = data.embeds as { title?: string }[];
    expect(embeds.length).toBeGreaterThan(0);
    expect(embeds[0]?.title).toContain("ACME Corp");
    expect(textOf(data)).toContain("scope creep");
  });

  it("completes the client option from the server's clients", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(slashCommand("add", { slug: "globex", name: "Globex" }));
    const res = await d.send(autocomplete("late", { client: "ac" }, "client", { user: MEMBER }));
    expect(res.body?.type).toBe(8);
    expect(dataOf(res.body).choices).toEqual([{ name: "ACME Corp (acme)", value: "acme" }]);
  });

  it("completes invoice numbers, open ones first, with their client", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    const created = await d.send(inv7());
    expect(JSON.stringify(created.body)).toContain("INV-7");
    const res = await d.send(autocomplete("paid", { invoice: "inv" }, "invoice", { user: MEMBER }, "billing"));
    expect(dataOf(res.body).choices).toEqual([{ name: "INV-7 · ACME Corp", value: "INV-7" }]);
  });

  it("answers a bad option with what was expected, and writes nothing", async () => {
    const res = await d.send(slashCommand("add", { slug: "ACME Corp!", name: "ACME" }));
    expect(textOf(dataOf(res.body))).toContain("can't be a client's short name");
    expect(await count("clients")).toBe(0);
  });

  it("answers in a DM that /client belongs in the server", async () => {
    const res = await d.send(slashCommand("help", {}, { dm: true }));
    expect(dataOf(res.body).flags).toBe(64);
    expect(textOf(dataOf(res.body))).toContain("Use /client in your server");
    expect(await count("workspaces")).toBe(0);
  });
});
