import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";

const h = useHarness("2025-01-01T10:00:00Z");

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(h.db.db, query);
}

describe("recording invoices", () => {
  it("records an invoice with its amount, currency and dates", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client invoice acme INV-7 1200.00 EUR due 2025-01-15 issued 2024-12-15");
    expect(text).toContain("Recorded invoice INV-7 for ACME Corp: €1,200.00, issued 15 Dec 2024, due 15 Jan 2025.");
    const [row] = await rows<{ amount_minor: number; currency: string; due_on: string }>(
      sql`select amount_minor::int, currency, due_on::text from invoices`,
    );
    expect(row).toEqual({ amount_minor: 120_000, currency: "EUR", due_on: "2025-01-15" });
  });

  it("takes a comma, a symbol, a relative due date and the client's payment term", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client invoice acme INV-1 950,50 € issued 2025-01-01 due +45d")).toContain(
      "€950.50, issued 1 Jan 2025, due 15 Feb 2025",
    );
    expect(await h.say("/client invoice acme INV-2 £300")).toContain("£300.00, issued 1 Jan 2025, due 31 Jan 2025");
    await h.run("/client terms acme term 60");
    expect(await h.say("/client invoice acme INV-3 300000 JPY")).toContain(
      "¥300,000, issued 1 Jan 2025, due 2 Mar 2025",
    );
    const amounts = await rows<{ number: string; amount_minor: number }>(
      sql`select number, amount_minor from invoices order by id`,
    );
    expect(amounts.map((r) => Number(r.amount_minor))).toEqual([95_050, 30_000, 300_000]);
  });

  it.each([
    ["a normal space", " "],
    ["a non-breaking space", "\u00a0"],
    ["a narrow non-breaking space", "\u202f"],
  ])("takes a French amount typed without quotes, thousands grouped with %s", async (_name, space) => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME SARL");
    const text = await h.say(`/client invoice acme F-1 1${space}200,50${space}€ due 2025-12-01`);
    expect(text).toContain("F-1");
    expect(text).toContain("1\u202f200,50\u00a0€");
    expect(await h.say(`/client paid F-1 1${space}000`)).toContain("1\u202f000,00\u00a0€");
    const [row] = await rows<{ amount_minor: number; currency: string; paid: number }>(
      sql`select amount_minor::int, currency, (select sum(amount_minor)::int from payments) as paid from invoices`,
    );
    expect(row).toEqual({ amount_minor: 120_050, currency: "EUR", paid: 100_000 });
  });

  it("takes a French amount typed in the console as the README shows it", async () => {
    const { adapter, output } = h.console();
    await adapter.handleLine("/client add acme ACME Corp");
    await adapter.handleLine("/client invoice acme F-1 1 200,50 € due 2026-12-01");
    expect(output.join("\n")).toContain(
      "Recorded invoice F-1 for ACME Corp: €1,200.50, issued 1 Jan 2025, due 1 Dec 2026.",
    );
  });

  it("says when an invoice recorded late is already overdue", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client invoice acme INV-7 100 EUR issued 2024-11-01 due 2024-12-01")).toContain(
      "already 31 days overdue",
    );
  });
});

describe("payments, credits and charges", () => {
  it("follows the worked example: paid 30 days late under French law, €61.62 owed, then settled", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-7 2000.00 EUR due 2025-01-31");
    h.clock.set("2025-03-05T10:00:00Z");
    const paid = await h.say("/client paid INV-7 on 2025-03-02");
    expect(paid).toContain("Paid in full, 30 days late.");
    expect(paid).toContain("Late-payment charges still owed: €61.62");
    expect(paid).toContain("interest €21.62 = €2,000.00 × 13.15% × 30 days / 365");
    expect(paid).toContain("ECB rate 3.15% on 1 Jan 2025 + 10 points; Code de commerce, art. L441-10");
    expect(paid).toContain("recovery fee €40.00 (Code de commerce, art. L441-10 and D441-5)");
    h.clock.set("2025-06-01T10:00:00Z");
    // The charges do not grow once the principal is paid.
    expect(await h.say("/client invoices")).toContain("charges owed €61.62");
    const settled = await h.say("/client paid INV-7 charges");
    expect(settled).toContain("Recorded €61.62 of late-payment charges paid on INV-7");
    expect(settled).toContain("The charges are settled.");
    expect(await h.say("/client invoices")).toContain("No open invoices");
    const [inv] = await rows<{ status: string; charges_status: string }>(
      sql`select status, charges_status from invoices`,
    );
    expect(inv).toEqual({ status: "paid", charges_status: "settled" });
  });

  it("splits a payment above the principal between the invoice and the charges", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-7 2000.00 EUR due 2025-01-31");
    h.clock.set("2025-03-02T10:00:00Z");
    const text = await h.say("/client paid INV-7 2061.62");
    expect(text).toContain("€2,000.00 goes to the invoice and €61.62 to the late-payment charges");
    expect(text).toContain("The charges are settled.");
    expect(await h.say("/client paid INV-7 0.01")).toContain("already paid in full");
  });

  it("records partial payments and credit notes; interest runs only on what is unpaid", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-7 2000.00 EUR due 2025-01-31");
    h.clock.set("2025-02-10T10:00:00Z");
    expect(await h.say("/client paid INV-7 500")).toContain("Still unpaid: €1,500.00.");
    expect(await h.say("/client credit INV-7 500")).toContain("Still unpaid: €1,000.00.");
    h.clock.set("2025-03-02T10:00:00Z");
    const list = await h.say("/client invoices");
    expect(list).toContain("unpaid €1,000.00");
    expect(list).toContain("interest €7.21 = €2,000.00 × 13.15% × 10 days / 365 (1 Feb 2025 – 10 Feb 2025");
    // Both are 7.2054… exactly; the total 14.41 gives the spare cent to the first: the lines add up.
    expect(list).toContain("interest €7.20 = €1,000.00 × 13.15% × 20 days / 365 (11 Feb 2025 – 2 Mar 2025");
    expect(list).toContain("charges so far €54.41");
    const done = await h.say("/client paid INV-7");
    expect(done).toContain("Recorded a payment of €1,000.00");
    expect(done).toContain("Paid in full, 30 days late.");
  });

  it("waives the charges, recording the amount and how it was computed in the audit log", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-7 2000.00 EUR due 2025-01-31");
    h.clock.set("2025-03-02T10:00:00Z");
    await h.run("/client paid INV-7");
    const text = await h.say("/client waive INV-7 good client, first time", { user: "sam" });
    expect(text).toContain("Waived the late-payment charges on INV-7 (ACME Corp): €61.62");
    expect(await h.say("/client invoices")).toContain("No open invoices");
    const [audit] = await rows<{ actor_id: string; details: Record<string, unknown> }>(
      sql`select actor_id, details from audit_log where action = 'invoice.charges-waived'`,
    );
    expect(audit?.actor_id).toBe("sam");
    expect(audit?.details).toMatchObject({ waivedMinor: 6162, interestMinor: 2162, feeMinor: 4000, currency: "EUR" });
    expect(await h.say("/client waive INV-7")).toContain("were waived");
  });

  it("voids an invoice: no reminders, no charges, kept in the record", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 100 EUR due 2025-01-15");
    expect(await h.say("/client void INV-7 recorded twice")).toContain("INV-7 (ACME Corp) is void");
    h.clock.set("2025-03-01T10:00:00Z");
    expect(await h.say("/client invoices")).toContain("No open invoices");
    expect(await h.say("/client remind INV-7")).toContain("INV-7 is void");
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from invoices`))[0]?.n).toBe(1);
  });

  it("refuses to void an invoice that has payments", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 100 EUR due 2025-01-15");
    await h.run("/client paid INV-7 10");
    expect(await h.say("/client void INV-7")).toContain("can't be voided");
  });
});

describe("disputes", () => {
  it("pauses charges and reminders while disputed; the days in dispute are not charged", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-7 2000.00 EUR due 2025-01-31");
    h.clock.set("2025-02-11T10:00:00Z");
    expect(await h.say("/client dispute INV-7 says page 2 is missing")).toContain(
      "INV-7 (ACME Corp) is disputed from 11 Feb 2025: reminders and charges are paused.",
    );
    h.clock.set("2025-02-21T10:00:00Z");
    expect(await h.say("/client remind INV-7")).toContain("INV-7 is disputed");
    expect(await h.say("/client invoices")).toContain("disputed since 11 Feb 2025");
    expect(await h.say("/client resume INV-7 upheld")).toContain(
      "INV-7 (ACME Corp): the dispute was upheld. Its 10 days stay free of interest",
    );
    h.clock.set("2025-03-02T10:00:00Z");
    const list = await h.say("/client invoices");
    expect(list).toContain("× 10 days / 365 (1 Feb 2025 – 10 Feb 2025");
    expect(list).toContain("× 10 days / 365 (21 Feb 2025 – 2 Mar 2025");
    expect(list).toContain("charges so far €54.41");
  });
});

describe("the list of open invoices", () => {
  it("lists open invoices with days overdue, the next step, and totals per currency", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    await h.run("/client invoice acme INV-1 1000 EUR due 2025-01-10");
    await h.run("/client invoice globex G-1 500 GBP due 2025-02-01");
    await h.run("/client invoice globex G-2 200 GBP due 2025-01-05");
    h.clock.set("2025-01-20T10:00:00Z");
    const text = await h.say("/client invoices");
    expect(text).toContain("Open invoices (3)");
    // Nothing was sent yet: the first reminder, however late.
    expect(text).toContain("G-2 · Globex · £200.00 due 5 Jan 2025 · 15 days overdue · first reminder due now");
    expect(text).toContain("INV-1 · ACME Corp · €1,000.00 due 10 Jan 2025 · 10 days overdue · first reminder due now");
    expect(text).toContain(
      "G-1 · Globex · £500.00 due 1 Feb 2025 · due in 12 days · next: first reminder on 2 Feb 2025",
    );
    expect(text).toContain("Unpaid €1,000.00 + £700.00 · overdue €1,000.00 + £200.00 · charges owed —");
    const globex = await h.say("/client invoices globex");
    expect(globex).toContain("Open invoices: Globex (2)");
    expect(globex).not.toContain("INV-1");
  });

  it("keeps a client being let go usable by the whole team: its invoices are listed and can be paid", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-1 1000 EUR due 2025-01-10");
    await h.db.db.execute(sql`update clients set status = 'offboarding'`);
    expect(await h.say("/client invoices", { user: "sam" })).toContain("INV-1 · ACME Corp · €1,000.00");
    expect(await h.say("/client paid INV-1", { user: "sam" })).toContain("INV-1");
    expect(await h.say("/client invoices")).toContain("No open invoices");
  });

  it("says when the half-year's reference rate is missing instead of guessing", async () => {
    h.clock.set("2026-06-01T10:00:00Z");
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-1 1000 EUR due 2026-06-15");
    h.clock.set("2026-07-10T10:00:00Z");
    const text = await h.say("/client invoices");
    expect(text).toContain("interest €4.99 = €1,000.00 × 12.15% × 15 days / 365");
    expect(text).toContain(
      "The ECB main refinancing rate for 1 Jul 2026 is not known yet, so interest from 1 Jul 2026 (10 days) is not included.",
    );
  });
});

describe("late payments in the client's record", () => {
  it("counts an overdue invoice as a late payment without anyone typing it, and says the risk", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 1200 EUR due 2025-01-15");
    expect(await h.say("/client show acme")).toContain("No incidents recorded.");
    h.clock.set("2025-01-20T10:00:00Z");
    const card = await h.say("/client show acme");
    expect(card).toContain("late payment: 1 / 1");
    expect(card).toContain("• INV-7, due 15 Jan 2025, unpaid for 5 days");
    expect(card).toContain(
      "One late payment in the last 12 months (INV-7, due 15 Jan 2025, unpaid for 5 days): likely an accounting slip. A polite reminder is enough.",
    );
    expect(card).toContain("INV-7 · ACME Corp · €1,200.00 due 15 Jan 2025 · 5 days overdue");
    expect(card).toContain("Watch: INV-7 unpaid 5 days after its due date (€1,200.00)\n");
  });

  it("dates a late payment on its due date in every window, and calls an invoice unpaid for months no slip", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 1200 EUR due 2025-01-15");
    h.clock.set("2025-06-15T10:00:00Z");
    const card = await h.say("/client show acme");
    // It fell due on 15 Jan: not in the last 90 days, in the last 12 months, unpaid still.
    expect(card).toContain("late payment: 0 / 1");
    expect(card).toContain("Consider ending: INV-7 unpaid 151 days after its due date (€1,200.00)");
    expect(card).toContain(
      "INV-7 is still unpaid 151 days after its due date, long past the final stage (no reminder recorded yet). Make sure the money actually arrives",
    );
    expect(card).not.toContain("accounting slip");
    expect(card).not.toContain("pattern");
  });

  it("counts a late payment once when someone also logs it against the invoice", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 1200 EUR due 2025-01-15");
    h.clock.set("2025-01-20T10:00:00Z");
    await h.run("/client late acme INV-7 second reminder ignored");
    const [incident] = await rows<{ invoice_id: number | null }>(sql`select invoice_id from incidents`);
    expect(incident?.invoice_id).toBe(1);
    expect(await h.say("/client show acme")).toContain("late payment: 1 / 1");
    await h.run("/client late acme");
    expect(await h.say("/client show acme")).toContain("late payment: 2 / 2");
  });

  it("sees a pattern of late payments; names a final notice only once it is recorded as sent", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme hosted yes");
    for (const [n, due, paid] of [
      ["A-1", "2025-01-10", "2025-01-15"],
      ["A-2", "2025-02-10", "2025-02-20"],
      ["A-3", "2025-03-10", "2025-04-05"],
    ] as const) {
      await h.run(`/client invoice acme ${n} 100 EUR issued 2025-01-01 due ${due}`);
      h.clock.set(`${paid}T10:00:00Z`);
      await h.run(`/client paid ${n}`);
    }
    await h.run("/client invoice acme A-4 900 EUR issued 2025-04-01 due 2025-04-10");
    h.clock.set("2025-05-20T10:00:00Z");
    let card = await h.say("/client show acme");
    expect(card).toContain("late payment: 2 / 4");
    expect(card).toContain(
      "At risk: A-4 unpaid 40 days after its due date (€900.00); 4 separate late payments in the last 12 months, 20 days late on average (from 10 Jan 2025 to 10 Apr 2025)",
    );
    expect(card).toContain("Renegotiate");
    // Nothing was recorded as sent: the card says so, and claims no final notice.
    expect(card).toContain("past the day for the final notice (no reminder recorded yet). Send the next reminder");
    expect(card).not.toContain("suspension notice");
    expect(card).not.toMatch(/final notice (sent|recorded)/);

    // The owner records the final notice, saying when the two reminders before it went out.
    await h.run("/client reminded A-4 3 earlier 2025-04-11,2025-04-25");
    card = await h.say("/client show acme");
    expect(card).toContain("A-4 is unpaid 40 days after its due date (final notice sent on 20 May 2025)");
    expect(card).toContain("the agency hosts the site and A-4 is unpaid past the final notice (sent on 20 May 2025)");

    h.clock.set("2025-05-26T10:00:00Z");
    card = await h.say("/client show acme");
    expect(card).toContain(
      "A-4 is unpaid 46 days after its due date and the agency hosts this client's site (final notice sent on 20 May 2025). Send a suspension notice",
    );
  });
});
