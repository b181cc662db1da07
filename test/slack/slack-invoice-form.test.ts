import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { lastModal, manyClients, picked as select } from "./slack-forms.ts";
import { MEMBER, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();

async function invoices(): Promise<
  { number: string; amount_minor: number; currency: string; issued_on: string; due_on: string }[]
> {
  return queryRows(
    s.h.db.db,
    sql`select number, amount_minor::int as amount_minor, currency, issued_on::text, due_on::text from invoices order by id`,
  );
}

const picked = (value: string) => select("external_select", value);
const currency = (value: string) => select("static_select", value);
const day = (value: string | null) => ({ type: "datepicker", selected_date: value });

/** Everything Tact said privately to the person after a submission (response_url posts and ephemerals). */
function privately(): string {
  return [
    ...s.fake.responses.map((r) => String(r.body.text ?? "")),
    ...s.fake.callsTo("chat.postEphemeral").map((c) => String(c.args.text ?? "")),
  ].join("\n");
}

describe.each([
  {
    lang: "en",
    title: "Record an invoice",
    client: "Client",
    badAmount: "is not an amount",
    badDue: "before the issue date",
  },
  {
    lang: "fr",
    title: "Enregistrer une facture",
    client: "Client",
    badAmount: "n'est pas un montant",
    badDue: "avant la date d'émission",
  },
])("/client invoice's form on Slack ($lang)", (c) => {
  it("opens with a client type-ahead, the default currency chosen and date pickers (recording: test/contract)", async () => {
    await s.command("add acme ACME Corp");
    await manyClients(s);
    if (c.lang === "fr") await s.command("config lang fr");
    await s.command("config currency EUR");
    s.fake.reset();

    const { responseUrl } = await s.command("invoice");
    expect(s.fake.responses.filter((r) => responseUrl.endsWith(r.id))).toEqual([]);
    const { view, blocks } = lastModal(s);
    expect((view.title as Json).text).toBe(c.title);
    expect([...blocks.keys()]).toEqual(["client~invoice", "number", "amount", "currency", "issued", "due"]);
    expect(blocks.get("client~invoice")).toMatchObject({
      optional: false,
      label: { text: c.client },
      element: { type: "external_select" },
    });
    expect(blocks.get("currency")).toMatchObject({
      element: { type: "static_select", initial_option: { value: "EUR" } },
    });
    expect(blocks.get("issued")).toMatchObject({ optional: true, element: { type: "datepicker" } });
    expect(blocks.get("due")).toMatchObject({ optional: true, element: { type: "datepicker" } });

    // The type-ahead asks Tact's options load URL as the person types.
    const options = await s.suggest("client~invoice", "ac");
    expect(options).toEqual({ options: [{ text: { type: "plain_text", text: "ACME Corp (acme)" }, value: "acme" }] });
  });

  it("keeps the form open with the message under the refused field, and writes nothing", async () => {
    await s.command("add acme ACME Corp");
    await manyClients(s);
    if (c.lang === "fr") await s.command("config lang fr");
    await s.command("invoice");
    const { view } = lastModal(s);
    s.fake.reset();

    const base = {
      "client~invoice": picked("acme"),
      number: "INV-9",
      amount: "500",
      currency: currency("GBP"),
      issued: day(null),
      due: day(null),
    };
    await s.submit(String(view.private_metadata), { ...base, amount: "lots" });
    expect(s.viewAck).toMatchObject({ response_action: "errors" });
    const errors = (s.viewAck?.errors ?? {}) as Record<string, string>;
    expect(Object.keys(errors)).toEqual(["amount"]);
    expect(errors.amount).toContain(c.badAmount);

    await s.submit(String(view.private_metadata), { ...base, issued: day("2026-11-20"), due: day("2026-11-10") });
    expect(Object.keys((s.viewAck?.errors ?? {}) as Json)).toEqual(["due"]);
    expect(String(((s.viewAck?.errors ?? {}) as Json).due)).toContain(c.badDue);

    await s.submit(String(view.private_metadata), { ...base, number: "not a number!" });
    expect(Object.keys((s.viewAck?.errors ?? {}) as Json)).toEqual(["number"]);

    // An unknown client (typed elsewhere, or since removed): under the type-ahead.
    await s.submit(String(view.private_metadata), { ...base, "client~invoice": picked("globex") });
    expect(Object.keys((s.viewAck?.errors ?? {}) as Json)).toEqual(["client~invoice"]);

    expect(await invoices()).toEqual([]);
    expect(privately()).toBe("");

    // Corrected, it goes through; submitting the same number again is refused under the number.
    await s.submit(String(view.private_metadata), base);
    expect(s.viewAck).toBeUndefined();
    await s.submit(String(view.private_metadata), base);
    expect(Object.keys((s.viewAck?.errors ?? {}) as Json)).toEqual(["number"]);
    expect(await invoices()).toHaveLength(1);
  });
});

describe("other Slack forms", () => {
  it("keep the reminder form open with a future day under the date field", async () => {
    await s.command("add acme ACME Corp");
    await manyClients(s);
    await s.command("invoice acme INV-7 100 EUR issued 2026-10-01 due 2026-10-31");
    const { responseUrl } = await s.command("remind INV-7", { user: MEMBER });
    const draft = s.fake.responses.filter((r) => responseUrl.endsWith(r.id)).at(-1)?.body as Json;
    const sent = ((draft.blocks as Json[]) ?? [])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .map((e) => String(e.value))
      .find((v) => v.startsWith("reminded:"));
    expect(sent).toBeDefined();
    await s.press(String(sent), { user: MEMBER, ephemeral: true });
    const { view } = lastModal(s);
    await s.submit(String(view.private_metadata), { date: "2030-01-01", channel: currency("email") }, { user: MEMBER });
    expect(s.viewAck).toMatchObject({ response_action: "errors", errors: { date: expect.stringContaining("2030") } });
  });
});

describe("/client invoice's form on Slack with a few clients", () => {
  it("lists them in a plain select, which needs no options load URL", async () => {
    await s.command("add acme ACME Corp");
    await s.command("add globex Globex");
    await s.command("config currency EUR");
    s.fake.reset();
    await s.command("invoice");
    const { blocks } = lastModal(s);
    expect([...blocks.keys()]).toEqual(["client", "number", "amount", "currency", "issued", "due"]);
    expect(blocks.get("client")).toMatchObject({
      element: {
        type: "static_select",
        options: [
          { text: { type: "plain_text", text: "ACME Corp (acme)" }, value: "acme" },
          { text: { type: "plain_text", text: "Globex (globex)" }, value: "globex" },
        ],
      },
    });
  });
});
