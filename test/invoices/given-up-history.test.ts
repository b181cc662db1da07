import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { useHarness } from "../support/harness.ts";
import { markdownRecord } from "../support/markdown-record.ts";

/**
 * Issue 13 §4 for waivers and voids (DESIGN.md §7), typed in the console: each is recorded
 * with its amounts, and the card and the record keep the lateness and the charges that were
 * owed, marked. ACME is under French law (12.15% in the first half of 2026), on 29 June 2026.
 */
const h = useHarness("2026-06-29T10:00:00Z");

/** Types lines into the console adapter as the console's owner; returns what it printed. */
async function type(...lines: string[]): Promise<string> {
  const { adapter, output } = h.console();
  for (const line of lines) await adapter.handleLine(line);
  return output.join("\n");
}

async function history(): Promise<
  { number: string; kind: string; principal: number; charges: number; days: number }[]
> {
  return queryRows(
    h.db.db,
    sql`select i.number, e.kind, e.principal_minor::int as principal, e.charges_minor::int as charges,
          e.days_late as days
        from invoice_history e join invoices i on i.id = e.invoice_id order by e.id`,
  );
}

describe.each(["en", "fr"] as const)("waivers and voids keep the history (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = createFormatter(lang, "UTC");
  const eur = (minor: number) => fmt.money(minor, "EUR");
  const today = fmt.date("2026-06-29");
  const charges = (amount: number, interest: number) =>
    t.invoices.history.charges({ amount: eur(amount), interest: eur(interest), fee: eur(4_000), settled: null });

  beforeEach(async () => {
    await type(
      ...(lang === "fr" ? ["/client config lang fr"] : []),
      "/client add acme ACME Corp",
      "/client terms acme law fr",
      // Paid 20 days late: €6.66 of interest and the €40 fee owed.
      "/client invoice acme INV-1 1000 EUR issued 2026-01-01 due 2026-01-31",
      "/client paid INV-1 on 2026-02-20",
      // Unpaid 75 days: €44.94 of interest and the €40 fee.
      "/client invoice acme INV-3 1800 EUR issued 2026-03-15 due 2026-04-15",
    );
  });

  it("a waiver names what it gives up, and the card and the record keep it, marked as waived", async () => {
    const waived = await type("@sam /client waive INV-1 long-standing client");
    expect(waived).toContain(t.invoices.waived({ number: "INV-1", client: "ACME Corp", amount: eur(4_666) }));
    expect(waived).toContain(t.invoices.history.kept({ kind: "waiver" }));
    expect(await history()).toEqual([{ number: "INV-1", kind: "waiver", principal: 0, charges: 4_666, days: 20 }]);

    const card = await type("/client show acme");
    const line = t.invoices.history.waiver({ number: "INV-1", date: today, charges: charges(4_666, 666) });
    expect(card).toContain(`${line} (${t.invoices.history.note({ note: "long-standing client" })})`);
    // The late payment itself is still there.
    expect(card).toContain(
      t.advice.latePayment({
        invoice: "INV-1",
        date: fmt.date("2026-01-31"),
        dated: "due",
        days: 20,
        unpaid: false,
        closed: null,
      }),
    );
    if (lang === "en") {
      expect(card).toContain(
        "• INV-1 · late-payment charges waived on 29 Jun 2026: €46.66 of late-payment charges (interest €6.66, recovery fee €40.00) (note: long-standing client)",
      );
    }
    const md = markdownRecord(await h.run("/client export acme"));
    expect(md).toContain(
      t.offboarding.record.chargesLine({
        invoice: "INV-1",
        total: eur(4_666),
        interest: eur(666),
        fee: eur(4_000),
        days: 20,
        status: t.offboarding.record.givenUpStatus({ kind: "waiver", date: today }),
      }),
    );
    // The timeline says who waived what.
    expect(md).toMatch(
      new RegExp(
        `\\| sam \\| ${escapeRegExp(t.offboarding.record.entries.chargesWaived({ invoice: "INV-1", amount: eur(4_666) }))}`,
      ),
    );
  });

  it("a void of an overdue invoice names its amounts; its lateness and risk stay, marked as voided", async () => {
    const before = await type("/client show acme");
    expect(before).toContain(t.clients.card.risk({ headline: t.risk.levels["consider-ending"] }));
    const voided = await type("/client void INV-3 sent to the wrong company");
    expect(voided).toContain(t.invoices.voided({ number: "INV-3", client: "ACME Corp" }));
    const line = t.invoices.history.closed({
      kind: "void",
      number: "INV-3",
      date: today,
      principal: eur(180_000),
      days: 75,
      charges: charges(8_494, 4_494),
    });
    expect(voided).toContain(line);
    expect(voided).toContain(t.invoices.history.kept({ kind: "void" }));
    expect(await history()).toEqual([{ number: "INV-3", kind: "void", principal: 180_000, charges: 8_494, days: 75 }]);

    const card = await type("/client show acme");
    const closed = { kind: "void" as const, date: today };
    expect(card).toContain(
      t.advice.latePayment({
        invoice: "INV-3",
        date: fmt.date("2026-04-15"),
        dated: "due",
        days: 75,
        unpaid: false,
        closed,
      }),
    );
    expect(card).toContain(t.risk.reasons.overdue({ number: "INV-3", days: 75, amount: eur(180_000), closed }));
    expect(card).toContain(t.clients.card.risk({ headline: t.risk.levels["consider-ending"] }));
    expect(card).toContain(line);
    if (lang === "en") {
      expect(card).toContain("• INV-3, due 15 Apr 2026, unpaid for 75 days, voided on 29 Jun 2026");
    }
    const md = markdownRecord(await h.run("/client export acme"));
    expect(md).toContain(
      t.offboarding.record.chargesLine({
        invoice: "INV-3",
        total: eur(8_494),
        interest: eur(4_494),
        fee: eur(4_000),
        days: 75,
        status: t.offboarding.record.givenUpStatus(closed),
      }),
    );
  });

  it("a void before the due date is no late payment, and two voids at once record one", async () => {
    await type("/client invoice acme INV-9 500 EUR issued 2026-06-20 due 2026-07-20");
    const answers = await Promise.all([h.say("/client void INV-9"), h.say("/client void INV-9", { user: "sam" })]);
    expect(answers.filter((a) => a.includes(t.invoices.voided({ number: "INV-9", client: "ACME Corp" })))).toHaveLength(
      1,
    );
    expect(answers.filter((a) => a.includes(t.invoices.errors.alreadyVoid({ number: "INV-9" })))).toHaveLength(1);
    expect(await history()).toEqual([{ number: "INV-9", kind: "void", principal: 50_000, charges: 0, days: 0 }]);
    const card = await type("/client show acme");
    expect(card).toContain(
      t.invoices.history.closed({
        kind: "void",
        number: "INV-9",
        date: today,
        principal: eur(50_000),
        days: 0,
        charges: null,
      }),
    );
    // INV-1 and INV-3 are the late payments; INV-9 never was one.
    expect(card).not.toContain(`INV-9, ${lang === "en" ? "due" : "échue"}`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
