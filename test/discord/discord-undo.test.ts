import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { buttonPress, groupedCommand, MEMBER, OWNER, slashCommand } from "./payloads.ts";

const d = useDiscord();

type Json = Record<string, unknown>;

function dataOf(body: Json | undefined): Json {
  return (body?.data ?? {}) as Json;
}

function textOf(data: Json): string {
  return JSON.stringify({ content: data.content, embeds: data.embeds });
}

function buttonsOf(data: Json): { label: string; custom_id: string }[] {
  return ((data.components as Json[] | undefined) ?? []).flatMap((row) =>
    ((row.components as Json[]) ?? []).map((b) => ({ label: String(b.label), custom_id: String(b.custom_id) })),
  );
}

async function ledger() {
  const [row] = await queryRows<{ status: string; active: number; reversed: number }>(
    d.h.db.db,
    sql`select i.status,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is null) as active,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is not null) as reversed
      from invoices i where i.number = 'INV-9'`,
  );
  return row;
}

describe.each(["en", "fr"] as const)("undo and Mark paid on Discord (%s)", (lang) => {
  const t = catalogFor(lang);
  const json = (text: string) => JSON.stringify(text).slice(1, -1);

  async function setUp(): Promise<void> {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    if (lang === "fr") await d.send(groupedCommand("config", "lang", { lang: "fr" }, { user: OWNER }));
    await d.send(
      groupedCommand("billing", "invoice", {
        client: "acme",
        number: "INV-9",
        amount: "2000",
        currency: "EUR",
        due: "2026-10-15",
        issued: "2026-10-01",
      }),
    );
  }

  it("asks in an ephemeral message, tells anyone else it is not theirs, and updates the question once withdrawn", async () => {
    await setUp();
    await d.send(groupedCommand("billing", "paid", { invoice: "INV-9" }, { user: MEMBER }));
    const asked = await d.send(slashCommand("undo", {}, { user: MEMBER }));
    const question = dataOf(asked.body);
    expect(question.flags).toBe(64);
    const fmt = createFormatter(lang, "UTC");
    const what = t.undo.what.payment({
      amount: fmt.money(200_000, "EUR"),
      number: "INV-9",
      client: "ACME Corp",
      date: fmt.date(d.h.clock.now()),
    });
    expect(textOf(question)).toContain(json(t.undo.confirm({ what, time: fmt.dateTime(d.h.clock.now()) })));
    const [confirm, keep] = buttonsOf(question);
    expect(confirm?.label).toBe(t.undo.confirmButton);
    expect(keep?.label).toBe(t.undo.keepButton);

    const other = await d.send(buttonPress(String(confirm?.custom_id), { user: OWNER }));
    expect(other.body?.type).toBe(4);
    expect(textOf(dataOf(other.body))).toContain(json(t.undo.theirs({ what, who: "Sam" })));
    expect(await ledger()).toMatchObject({ status: "paid", active: 1 });

    const done = await d.send(buttonPress(String(confirm?.custom_id), { user: MEMBER }));
    // The question itself becomes the answer (UPDATE_MESSAGE), without its buttons.
    expect(done.body?.type).toBe(7);
    expect(textOf(dataOf(done.body))).toContain(json(t.undo.done({ what })));
    expect(buttonsOf(dataOf(done.body))).toEqual([]);
    expect(await ledger()).toEqual({ status: "open", active: 0, reversed: 1 });
  });

  it("Mark paid on the digest asks the presser privately, naming the invoice and the amount", async () => {
    await setUp();
    const fmt = createFormatter(lang, "UTC");
    const pressed = await d.send(buttonPress("digest-paid:1", { user: MEMBER }, false));
    expect(pressed.body?.type).toBe(4);
    const question = dataOf(pressed.body);
    expect(question.flags).toBe(64);
    expect(textOf(question)).toContain(json(fmt.money(200_000, "EUR")));
    expect(textOf(question)).toContain("INV-9");
    expect(buttonsOf(question).map((b) => b.custom_id)).toEqual(["digest-paid-ok:1:200000", "digest-paid-no:1"]);
    expect(await ledger()).toMatchObject({ status: "open", active: 0 });
    const paid = await d.send(buttonPress("digest-paid-ok:1:200000", { user: MEMBER }));
    expect(paid.body?.type).toBe(7);
    expect(await ledger()).toMatchObject({ status: "paid", active: 1 });
  });
});
