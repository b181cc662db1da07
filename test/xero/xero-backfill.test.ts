import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useXeroHarness } from "./xero-harness.ts";

// Xero's own page size (100): a 1,000-invoice organisation is ten pages of open invoices.
const h = useXeroHarness("2026-11-27T10:00:00Z", { pageSize: 100 });

const acme = { id: "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7", name: "ACME Corp" };

describe(`Xero backfill of a large organisation (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("records all 1,000 open invoices, every page, once; a second sync changes nothing", async () => {
    await h.run("/client add acme ACME Corp");
    const org = h.fake.tenant("Big Agency Ltd");
    const created = [];
    for (let i = 1; i <= 1000; i += 1) {
      const invoice = h.fake.approved(org, `INV-${String(i).padStart(4, "0")}`, acme, i, "2026-10-01", "2026-12-31");
      created.push(invoice);
    }
    h.clock.advance(60 * 60_000);
    await h.connected();

    const pages = h.fake
      .callsTo("/api.xro/2.0/Invoices")
      .filter((r) => r.query.get("Statuses") === "AUTHORISED")
      .map((r) => r.query.get("page"));
    expect(pages).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
    const count = async () =>
      queryRows<{ n: number; total: string }>(
        h.db.db,
        sql`select count(*)::int as n, sum(amount_minor)::text as total from invoices`,
      );
    // 1 + 2 + … + 1000 pounds, in pence.
    expect(await count()).toEqual([{ n: 1000, total: String(500500 * 100) }]);
    const listed = await h.say("/client invoices acme");
    expect(listed).toContain("Open invoices: ACME Corp (1000)");
    expect(listed).toContain("…and 960 more, not shown here: /client export acme sends the full record.");

    // A day later the daily catch-up reads what changed (one invoice paid): nothing doubled.
    const first = created[0];
    h.clock.advance(24 * 60 * 60_000 + 60_000);
    if (first) h.fake.pay(org, first.InvoiceID, 1, "2026-11-28");
    const before = h.fake.callsTo("/api.xro/2.0/Invoices").length;
    await h.sources.worker.runDue();
    await h.sources.worker.idle();
    // One listing, If-Modified-Since the last sync: only the invoice that changed comes back.
    const catchUp = h.fake.callsTo("/api.xro/2.0/Invoices").slice(before);
    expect(catchUp.map((r) => r.headers["if-modified-since"] !== undefined)).toEqual([true]);
    expect(await count()).toEqual([{ n: 1000, total: String(500500 * 100) }]);
    expect(
      await queryRows(h.db.db, sql`select number, status from invoices where status <> 'open' order by number`),
    ).toEqual([{ number: "INV-0001", status: "paid" }]);
  }, 240_000);
});
