import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useStripeHarness } from "./stripe-harness.ts";

const h = useStripeHarness();
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(h.db.db, query);
  return row as T;
}

describe(`Stripe backfill and catch-up (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("backfills 12 months of 1,000 invoices page by page, records those of matched customers, and keeps the others waiting", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    const names = ["ACME Corp", "Globex", "Initech", "Umbrella"];
    const customers = names.map((name) => h.fake.customer({ name }));
    for (let i = 0; i < 1000; i += 1) {
      const customer = customers[i % customers.length];
      if (!customer) throw new Error("no customer");
      const created = at("2026-01-05T10:00:00Z") + i * 3600 * 7;
      h.fake.invoiceOf(customer, `BK-${String(i).padStart(4, "0")}`, 10000 + i, created, created + 30 * 86400);
    }
    // Older than 12 months: not read.
    h.fake.invoice({
      customer: customers[0]?.id ?? "",
      total: 500,
      number: "OLD-1",
      created: at("2025-10-01T00:00:00Z"),
    });
    const report = await h.sources.worker.runDue();
    expect(report).toMatchObject({ synced: 1, failed: 0 });
    expect(h.fake.callsTo("/v1/invoices").length).toBe(10);
    expect(
      h.fake.callsTo("/v1/invoices").every((r) => r.query.get("created[gte]") === String(at("2025-11-27T10:00:00Z"))),
    ).toBe(true);
    const counts = await one<{
      mirrored: number;
      invoices: number;
      acme: number;
      waiting: number;
      clients: number;
    }>(sql`select
      (select count(*)::int from source_objects where kind = 'invoice') as mirrored,
      (select count(*)::int from invoices) as invoices,
      (select count(*)::int from invoices i join clients c on c.id = i.client_id where c.slug = 'acme') as acme,
      (select count(*)::int from source_objects where kind = 'invoice' and invoice_id is null) as waiting,
      (select count(*)::int from clients) as clients`);
    expect(counts).toEqual({ mirrored: 1000, invoices: 500, acme: 250, waiting: 500, clients: 2 });
    const status = await h.say("/client sync");
    expect(status).toContain("Stripe (from the deployment's settings)");
    expect(status).toContain("(backfill of 12 months)");
    expect(status).toContain("Invoices: 1000 seen, 500 recorded, 500 waiting. Customers: 4, 2 not linked.");
    // Run again (a replica, a restart): nothing more.
    await h.sources.worker.runDue({ only: (await one<{ id: string }>(sql`select id from connections`)).id });
    expect(await one<{ n: number }>(sql`select count(*)::int as n from invoices`)).toEqual({ n: 500 });
  }, 300_000);

  it("catches up from the events since the last sync, and a sync that fails is retried with backoff and shown in the digest", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client config channel #billing");
    const customer = h.fake.customer({ name: "ACME Corp" });
    const invoice = h.fake.invoiceOf(customer, "CU-1", 80000, at("2026-11-02T09:00:00Z"), at("2026-11-30T09:00:00Z"));
    await h.sources.worker.runDue();
    expect(await h.say("/client invoices")).toContain("CU-1");

    // A day later Stripe is down: the catch-up fails, is put off 5 minutes, and says so.
    h.clock.set("2026-11-28T10:00:00Z");
    const paid = h.fake.update(invoice.id, {
      status: "paid",
      amount_paid: 80000,
      status_transitions: { finalized_at: at("2026-11-02T09:00:00Z"), paid_at: at("2026-11-27T15:00:00Z") },
    });
    h.fake.event("invoice.paid", paid, at("2026-11-27T15:00:00Z"));
    h.fake.failWith = 500;
    expect(await h.sources.worker.runDue()).toMatchObject({ synced: 0, failed: 1 });
    const failing = await one<{ failing_since: Date; last_error: string; next: string }>(
      sql`select failing_since, last_error, to_char(next_sync_at at time zone 'UTC', 'HH24:MI') as next from connections`,
    );
    expect(failing.last_error).toBe("Stripe answered with an error 500 (StripeAPIError)");
    expect(failing.next).toBe("10:05");
    expect(await h.say("/client sync")).toMatch(/Failing since 28 Nov 2026, 10:00: Stripe answered with an error 500/);
    expect(await h.say("/client digest")).toMatch(/Stripe sync failing since 28 Nov 2026, 10:00/);
    // Not before its time; then again, 10 minutes later this time.
    h.clock.set("2026-11-28T10:04:00Z");
    expect(await h.sources.worker.runDue()).toMatchObject({ synced: 0, failed: 0 });
    h.clock.set("2026-11-28T10:05:00Z");
    expect(await h.sources.worker.runDue()).toMatchObject({ failed: 1 });
    expect(
      await one<{ next: string }>(
        sql`select to_char(next_sync_at at time zone 'UTC', 'HH24:MI') as next from connections`,
      ),
    ).toEqual({ next: "10:15" });

    // Stripe is back: /client sync now runs the catch-up from the events, and the failure is over.
    h.fake.failWith = undefined;
    expect(await h.say("/client sync now")).toContain("Catch-up started for Stripe");
    await h.sources.worker.idle();
    const events = h.fake.callsTo("/v1/events");
    expect(events.at(-1)?.query.get("created[gt]")).toBe(String(at("2026-11-27T09:50:00Z")));
    expect(await one<{ status: string }>(sql`select status from invoices`)).toEqual({ status: "paid" });
    expect(await one<{ failing_since: Date | null }>(sql`select failing_since from connections`)).toEqual({
      failing_since: null,
    });
    expect(await h.say("/client digest")).not.toContain("failing");
  });

  it("tells the owner once, in the digest, that customers without a client have overdue invoices", async () => {
    await h.run("/client add acme ACME Corp");
    const customer = h.fake.customer({ name: "Initech" });
    h.fake.invoiceOf(customer, "IN-9", 5000, at("2026-10-01T09:00:00Z"), at("2026-10-31T09:00:00Z"));
    await h.sources.worker.runDue();
    const preview = await h.say("/client digest");
    expect(preview).toContain(
      `Stripe customers not linked to a client have overdue invoices: Initech (${customer.id})`,
    );
  });
});
