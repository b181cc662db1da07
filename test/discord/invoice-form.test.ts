import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { buttonPress, groupedCommand, modalSubmit, slashCommand } from "./payloads.ts";

type Json = Record<string, unknown>;

const d = useDiscord();

async function invoices(): Promise<
  { number: string; amount_minor: number; currency: string; issued_on: string; due_on: string }[]
> {
  return queryRows(
    d.h.db.db,
    sql`select number, amount_minor::int as amount_minor, currency, issued_on::text, due_on::text from invoices order by id`,
  );
}

const command = (verb: string, options: Record<string, string> = {}) => groupedCommand("billing", verb, options);
const contentOf = (body: Json | undefined) => String(((body?.data ?? {}) as Json).content ?? "");

/** The modal's fields: custom id → { label, value, placeholder }. */
function fieldsOf(body: Json | undefined): Map<string, Json> {
  const data = (body?.data ?? {}) as Json;
  return new Map(
    (data.components as Json[]).map((row) => {
      const input = row.component as Json;
      return [String(input.custom_id), { label: row.label, value: input.value, placeholder: input.placeholder }];
    }),
  );
}

describe.each([
  {
    lang: "en",
    title: "Record an invoice",
    amountLabel: "Amount (EUR unless you write another)",
    due: "2026-12-01",
    refused: "The form was not saved:",
    reopen: "Correct the form",
  },
  {
    lang: "fr",
    title: "Enregistrer une facture",
    amountLabel: "Montant (en EUR sauf autre devise écrite)",
    due: "01/12/2026",
    refused: "Le formulaire n'a pas été enregistré\u00a0:",
    reopen: "Corriger le formulaire",
  },
])("/client invoice's form on Discord ($lang)", (c) => {
  async function setUp(): Promise<void> {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    if (c.lang === "fr") await d.send(groupedCommand("config", "lang", { lang: "fr" }));
    await d.send(groupedCommand("config", "currency", { currency: "EUR" }));
  }

  it("opens a modal of five text inputs (recording: test/contract)", async () => {
    await setUp();
    const opened = await d.send(command("invoice"));
    expect(opened.body).toMatchObject({ type: 9, data: { custom_id: "command:invoice", title: c.title } });
    const fields = fieldsOf(opened.body);
    expect([...fields.keys()]).toEqual(["client", "number", "amount", "issued", "due"]);
    expect(fields.get("amount")?.label).toBe(c.amountLabel);
    expect(String(fields.get("due")?.placeholder)).toContain("+30");
  });

  it("answers a refused field privately with a button that reopens the form holding what was typed", async () => {
    await setUp();
    const typed = { client: "acme", number: "INV-8", amount: "12 zorkmids", issued: "", due: "" };
    const res = await d.send(modalSubmit("command:invoice", typed, {}, false));
    expect(res.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(contentOf(res.body)).toContain(c.refused);
    const button = JSON.stringify(res.body).match(/"custom_id":"(~form:[0-9a-f]+)"/)?.[1] ?? "";
    expect(JSON.stringify(res.body)).toContain(c.reopen);
    expect(await invoices()).toEqual([]);

    const again = await d.send(buttonPress(button));
    expect(again.body).toMatchObject({ type: 9, data: { custom_id: "command:invoice" } });
    const fields = fieldsOf(again.body);
    expect(fields.get("client")?.value).toBe("acme");
    expect(fields.get("number")?.value).toBe("INV-8");
    expect(fields.get("amount")?.value).toBe("12 zorkmids");

    // Corrected, with the due date as people write it in their language.
    const fixed = await d.send(modalSubmit("command:invoice", { ...typed, amount: "300 USD", due: c.due }, {}, false));
    expect(contentOf(fixed.body)).toContain("INV-8");
    expect(await invoices()).toMatchObject([
      { number: "INV-8", amount_minor: 30000, currency: "USD", due_on: "2026-12-01" },
    ]);
  });

  it("answers a refused reminder form privately, quoting what was typed", async () => {
    await setUp();
    await d.send(
      command("invoice", { client: "acme", number: "INV-7", amount: "100", issued: "2026-10-01", due: "2026-10-31" }),
    );
    const res = await d.send(modalSubmit("reminded-form:1:1", { date: "2030-01-01", channel: "email" }, {}, false));
    expect(contentOf(res.body)).toContain(c.refused);
    expect(contentOf(res.body)).toContain("2030-01-01 · email");
    expect(JSON.stringify(res.body)).not.toContain("~form:");
  });
});
