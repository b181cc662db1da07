import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { workspaces } from "../../db/schema/index.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();

function answers(responseUrl: string): Json[] {
  const id = responseUrl.split("/").pop();
  return s.fake.responses.filter((r) => r.id === id).map((r) => r.body);
}

function buttons(message: Json | undefined): { text: string; value: string }[] {
  return ((message?.blocks as Json[]) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .map((e) => ({ text: (e.text as Json).text as string, value: e.value as string }));
}

async function ledger() {
  const [row] = await queryRows<{ status: string; active: number; reversed: number }>(
    s.h.db.db,
    sql`select i.status,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is null) as active,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is not null) as reversed
      from invoices i where i.number = 'INV-9'`,
  );
  return row;
}

describe.each(["en", "fr"] as const)("undo and Mark paid on Slack (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = createFormatter(lang, "Europe/Paris");
  const eur = (minor: number) => fmt.money(minor, "EUR");

  async function setUp(): Promise<void> {
    await s.command("add acme ACME Corp");
    if (lang === "fr") await s.command("config lang fr", { user: OWNER });
    await s.command("invoice acme INV-9 2000 EUR issued 2026-10-01 due 2026-10-15");
  }

  it("asks privately before undoing a payment, says whose it is to anyone else, then withdraws it in place of the question", async () => {
    await setUp();
    await s.command("paid INV-9", { user: MEMBER });
    const { responseUrl } = await s.command("undo", { user: MEMBER });
    const [question] = answers(responseUrl);
    const what = t.undo.what.payment({
      amount: eur(200_000),
      number: "INV-9",
      client: "ACME Corp",
      date: fmt.date(s.h.clock.now()),
    });
    expect(question?.response_type).toBe("ephemeral");
    expect(question?.text).toBe(t.undo.confirm({ what, time: fmt.dateTime(s.h.clock.now()) }));
    const [confirm, keep] = buttons(question);
    expect(confirm?.text).toBe(t.undo.confirmButton);
    expect(keep?.text).toBe(t.undo.keepButton);
    expect(await ledger()).toMatchObject({ status: "paid", active: 1 });

    await s.press(String(confirm?.value), { user: OWNER, ephemeral: true });
    const theirs = s.fake.responses.at(-1)?.body;
    expect(theirs?.text).toBe(t.undo.theirs({ what, who: "sam" }));
    expect(theirs?.replace_original).toBe(false);
    expect(await ledger()).toMatchObject({ status: "paid", active: 1 });

    await s.press(String(confirm?.value), { user: MEMBER, ephemeral: true });
    const done = s.fake.responses.at(-1)?.body;
    expect(done?.replace_original).toBe(true);
    expect(String(done?.text)).toContain(t.undo.done({ what }));
    expect(buttons(done)).toEqual([]);
    expect(await ledger()).toEqual({ status: "open", active: 0, reversed: 1 });
  });

  it("Mark paid in the digest channel asks the presser privately, naming the invoice and amount, and leaves the digest as it is", async () => {
    await setUp();
    await s.h.db.db.update(workspaces).set({ digestChannel: "C0BILLING" }).where(eq(workspaces.externalId, TEAM));
    await s.press("digest-paid:1", { user: MEMBER, channel: "C0BILLING" });
    const question = s.fake.responses.at(-1)?.body;
    expect(question?.response_type).toBe("ephemeral");
    expect(question?.replace_original).toBe(false);
    expect(question?.text).toBe(
      t.undo.markPaid.confirm({
        number: "INV-9",
        client: "ACME Corp",
        amount: eur(200_000),
        date: fmt.date(s.h.clock.now()),
      }),
    );
    expect(buttons(question).map((b) => b.value)).toEqual(["digest-paid-ok:1:200000", "digest-paid-no:1"]);
    expect(s.fake.callsTo("chat.update")).toEqual([]);
    expect(await ledger()).toMatchObject({ status: "open", active: 0 });

    await s.press("digest-paid-ok:1:200000", { user: MEMBER, channel: "C0BILLING", ephemeral: true });
    const paid = s.fake.responses.at(-1)?.body;
    expect(paid?.replace_original).toBe(true);
    expect(String(paid?.text)).toContain("INV-9");
    expect(await ledger()).toMatchObject({ status: "paid", active: 1 });
  });
});
