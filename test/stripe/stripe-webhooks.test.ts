import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useStripeHarness, WEBHOOK_SECRET } from "./stripe-harness.ts";

const h = useStripeHarness();
const day = (iso: string) => Math.floor(Date.parse(`${iso}T12:00:00Z`) / 1000);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(h.db.db, query);
}
const counts = async () =>
  (
    await rows<{ invoices: number; payments: number; audit: number; objects: number }>(sql`select
      (select count(*)::int from invoices) as invoices,
      (select count(*)::int from payments) as payments,
      (select count(*)::int from audit_log) as audit,
      (select count(*)::int from source_objects) as objects`)
  )[0];

/** ACME as a client, a Stripe customer named like it, and one open invoice of 1,200.00 EUR. */
async function acmeInvoice(overrides: Record<string, unknown> = {}) {
  await h.run("/client add acme ACME Corp");
  const customer = h.fake.customer({ name: "ACME Corp" });
  const invoice = h.fake.invoice({
    customer: customer.id,
    customer_name: "ACME Corp",
    number: "STR-0001",
    total: 120000,
    created: day("2026-11-01"),
    due_date: day("2026-11-20"),
    ...overrides,
  });
  return { customer, invoice };
}

describe(`Stripe webhooks (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("records a finalized invoice for the client whose name matches, once however often it is delivered", async () => {
    const { invoice } = await acmeInvoice();
    const event = h.fake.event("invoice.finalized", invoice, day("2026-11-01"));
    expect((await h.deliver(event)).status).toBe(200);
    const after = await counts();
    expect(await h.say("/client invoices")).toMatch(/STR-0001 · ACME Corp · €1,200.00 due 20 Nov 2026/);
    // Redelivered, and delivered as a different event with the same object: nothing changes.
    expect((await h.deliver(event)).status).toBe(200);
    expect((await h.deliver(h.fake.event("invoice.updated", invoice, day("2026-11-01")))).status).toBe(200);
    expect(await counts()).toEqual(after);
    const [audit] = await rows<{ details: Record<string, unknown>; actor_id: string }>(
      sql`select details, actor_id from audit_log where action = 'invoice.recorded'`,
    );
    expect(audit).toMatchObject({ actor_id: "stripe", details: { source: "stripe", externalId: invoice.id } });
  });

  it("refuses a bad or stale signature with 400 and writes nothing", async () => {
    const { invoice } = await acmeInvoice();
    const before = await counts();
    const event = h.fake.event("invoice.finalized", invoice, day("2026-11-01"));
    expect((await h.deliver(event, { secret: "whsec_someoneelse123" })).status).toBe(400);
    expect((await h.deliver(event, { timestamp: h.nowS() - 301 })).status).toBe(400);
    expect((await h.deliver(event, { timestamp: h.nowS() + 301 })).status).toBe(400);
    expect((await h.deliver(event, { signature: "t=1,v1=00" })).status).toBe(400);
    expect(await counts()).toEqual(before);
    // Inside the 5 minutes, it is accepted.
    expect((await h.deliver(event, { timestamp: h.nowS() - 290 })).status).toBe(200);
  });

  it("answers 404 for an unknown connection, 200 for an unknown event type, and 200 without writing for a malformed object", async () => {
    const { invoice } = await acmeInvoice();
    const before = await counts();
    const event = h.fake.event("invoice.finalized", invoice, day("2026-11-01"));
    expect((await h.deliver(event, { path: "/stripe/webhooks/0123456789abcdef01234567" })).status).toBe(404);
    expect((await h.deliver(event, { path: "/stripe/webhooks/not-an-id" })).status).toBe(404);
    expect((await h.deliver(h.fake.event("charge.refunded", invoice, day("2026-11-01")))).status).toBe(200);
    const broken = h.fake.event("invoice.finalized", { ...invoice, currency: 42, total: -5 }, day("2026-11-01"));
    const res = await h.deliver(broken);
    expect(res).toEqual({ status: 200, text: "malformed object skipped" });
    expect(await counts()).toEqual(before);
  });

  it("applies a payment that arrives before the finalization, once, and the late finalization changes nothing", async () => {
    const { invoice } = await acmeInvoice();
    const paid = h.fake.update(invoice.id, {
      status: "paid",
      amount_paid: 120000,
      amount_remaining: 0,
      status_transitions: { finalized_at: day("2026-11-01"), paid_at: day("2026-11-25") },
    });
    expect((await h.deliver(h.fake.event("invoice.paid", paid, day("2026-11-25")))).status).toBe(200);
    expect((await h.deliver(h.fake.event("invoice.finalized", invoice, day("2026-11-01")))).status).toBe(200);
    expect((await h.deliver(h.fake.event("invoice.payment_succeeded", paid, day("2026-11-25")))).status).toBe(200);
    const lines = await rows<{ kind: string; amount_minor: number; paid_on: string; source: string }>(
      sql`select kind, amount_minor::int, paid_on::text, source from payments`,
    );
    expect(lines).toEqual([{ kind: "payment", amount_minor: 120000, paid_on: "2026-11-25", source: "stripe" }]);
    const [state] = await rows<{ status: string }>(sql`select status from invoices`);
    expect(state?.status).toBe("paid");
    expect(await h.say("/client show acme")).toContain("No open invoices.");
  });

  it("records partial payments through amount_paid, a credit note, a due date moved later, and a void", async () => {
    const { invoice } = await acmeInvoice();
    await h.deliver(h.fake.event("invoice.finalized", invoice, day("2026-11-01")));
    const part = h.fake.update(invoice.id, { amount_paid: 50000, amount_remaining: 70000 });
    await h.deliver(h.fake.event("invoice.payment_succeeded", part, day("2026-11-21")));
    const note = h.fake.creditNote({ invoice: invoice.id, amount: 20000, created: day("2026-11-22") });
    await h.deliver(h.fake.event("credit_note.created", note, day("2026-11-22")));
    await h.deliver(h.fake.event("credit_note.created", note, day("2026-11-22")));
    const moved = h.fake.update(invoice.id, { due_date: day("2026-12-15") });
    await h.deliver(h.fake.event("invoice.updated", moved, day("2026-11-23")));
    // An older update arriving late does not move it back.
    await h.deliver(h.fake.event("invoice.updated", part, day("2026-11-21")));
    expect(await h.say("/client invoices")).toMatch(
      /STR-0001 · ACME Corp · €1,200.00 due 15 Dec 2026 · due in 18 days · unpaid €500.00/,
    );
    const lines = await rows<{ kind: string; amount_minor: number }>(
      sql`select kind, amount_minor::int from payments order by id`,
    );
    expect(lines).toEqual([
      { kind: "payment", amount_minor: 50000 },
      { kind: "credit", amount_minor: 20000 },
    ]);
    const voided = h.fake.update(invoice.id, { status: "void" });
    await h.deliver(h.fake.event("invoice.voided", voided, day("2026-11-24")));
    const [status] = await rows<{ status: string }>(sql`select status from invoices`);
    expect(status?.status).toBe("void");
  });

  it("keeps an unknown customer's invoices waiting until the owner links it, and never creates a client", async () => {
    await h.run("/client add acme ACME Corp");
    const customer = h.fake.customer({ name: "Globex Corporation" });
    const invoice = h.fake.invoiceOf(customer, "STR-0042", 9900, day("2026-11-01"), day("2026-11-10"));
    expect((await h.deliver(h.fake.event("invoice.finalized", invoice, day("2026-11-01")))).status).toBe(200);
    const [before] = await rows<{ clients: number; invoices: number }>(
      sql`select (select count(*)::int from clients) as clients, (select count(*)::int from invoices) as invoices`,
    );
    expect(before).toEqual({ clients: 1, invoices: 0 });
    const listed = await h.say("/client unlinked", { user: "sam" });
    expect(listed).toContain(`Stripe customer ${customer.id} (Globex Corporation)`);
    expect(listed).toContain("STR-0042 · €99.00 due 10 Nov 2026 · open");
    expect(await h.say(`/client link acme stripe ${customer.id}`, { user: "sam" })).toMatch(/Only the workspace owner/);
    expect(await h.say(`/client link acme stripe ${customer.id}`)).toMatch(
      /is now ACME Corp\. 1 waiting invoice was recorded\./,
    );
    expect(await h.say("/client invoices acme")).toContain("STR-0042");
    expect(await h.say("/client unlinked")).toContain("Every synced invoice is recorded");
    expect(await h.say("/client link acme stripe cus!42")).toMatch(/"cus!42" is not a customer id/);
  });

  it("matches a customer renamed to a client's alias (customer.updated), and refuses hand-made payments on a synced invoice", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client alias acme acme-europe");
    const customer = h.fake.customer({ name: "Acme SARL" });
    const invoice = h.fake.invoiceOf(customer, "STR-0007", 5000, day("2026-11-01"), day("2026-11-30"));
    await h.deliver(h.fake.event("invoice.finalized", invoice, day("2026-11-01")));
    expect(await h.say("/client invoices")).not.toContain("STR-0007");
    const renamed = h.fake.update(customer.id, { name: "ACME-Europe" });
    await h.deliver(h.fake.event("customer.updated", renamed, day("2026-11-02")));
    expect(await h.say("/client invoices")).toContain("STR-0007");
    const refused = await h.say("/client paid STR-0007");
    expect(refused).toMatch(/STR-0007 follows Stripe/);
    expect(await h.say("/client void STR-0007")).toMatch(/follows Stripe/);
    expect(await h.say("/client credit STR-0007 10")).toMatch(/follows Stripe/);
    const [n] = await rows<{ n: number }>(sql`select count(*)::int as n from payments`);
    expect(n?.n).toBe(0);
    expect(WEBHOOK_SECRET).toMatch(/^whsec_/);
  });

  it("takes over an invoice typed in before Stripe was connected, and leaves one whose number another invoice holds waiting", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme STR-0100 1200.00 EUR due 2026-11-20 issued 2026-11-01");
    await h.run("/client invoice acme STR-0200 50.00 EUR due 2026-11-20 issued 2026-11-01");
    const customer = h.fake.customer({ name: "ACME Corp" });
    const same = h.fake.invoiceOf(customer, "STR-0100", 120000, day("2026-11-01"), day("2026-11-20"));
    const clash = h.fake.invoiceOf(customer, "STR-0200", 99900, day("2026-11-01"), day("2026-11-20"));
    await h.deliver(h.fake.event("invoice.finalized", same, day("2026-11-01")));
    await h.deliver(h.fake.event("invoice.finalized", clash, day("2026-11-01")));
    const invoices = await rows<{ number: string; source: string | null; amount_minor: number }>(
      sql`select number, source, amount_minor::int from invoices order by number`,
    );
    expect(invoices).toEqual([
      { number: "STR-0100", source: "stripe", amount_minor: 120000 },
      { number: "STR-0200", source: null, amount_minor: 5000 },
    ]);
    expect(await h.say("/client unlinked")).toContain(
      "STR-0200 · €999.00 due 20 Nov 2026 · open (another invoice already has this number)",
    );
    expect(await h.say("/client paid STR-0100")).toMatch(/follows Stripe/);
  });
});
