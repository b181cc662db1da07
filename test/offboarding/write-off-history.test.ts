import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { useHarness } from "../support/harness.ts";
import { markdownRecord } from "../support/markdown-record.ts";
import {
  audits,
  buttonIds,
  confirmButton,
  invoiceState,
  lateAcme,
  offboardTo,
  text,
  writeOff,
} from "./offboarding-support.ts";

/**
 * Issue 13 §4: a write-off at step 5 asks first, naming the amounts, and erases nothing: the
 * late payments, the charges that were owed and the risk stay on the card and in the record,
 * marked as written off. On PostgreSQL (TEST_DATABASE_URL) the races truly overlap.
 *
 * ACME (French law, ECB 2.15% + 10 points = 12.15% in the first half of 2026), on 29 June 2026:
 * - INV-1 €1,000 due 31 Jan, paid 20 Feb: 20 days late, interest €6.66 + €40 fee still owed;
 * - INV-3 €1,800 due 15 Apr, unpaid: 75 days late, interest €44.94 + €40;
 * - INV-4 €1,200 due 15 May, unpaid: 45 days late, interest €17.98 + €40.
 * Three late payments, two of them in the last 90 days: "late payment: 2 / 3".
 */
const h = useHarness("2026-06-29T10:00:00Z");

interface HistoryRow {
  number: string;
  kind: string;
  on_day: string;
  principal_minor: number;
  interest_minor: number;
  fee_minor: number;
  charges_minor: number;
  days_late: number;
}

async function history(): Promise<HistoryRow[]> {
  const rows = await queryRows<HistoryRow>(
    h.db.db,
    sql`select i.number, e.kind, e.on_day::text as on_day, e.principal_minor::int as principal_minor,
          e.interest_minor::int as interest_minor, e.fee_minor::int as fee_minor,
          e.charges_minor::int as charges_minor, e.days_late
        from invoice_history e join invoices i on i.id = e.invoice_id order by e.id`,
  );
  return rows.map((r) => ({ ...r, on_day: String(r.on_day).slice(0, 10) }));
}

const toStepFive = () => offboardTo(h, 5);

function lineWith(card: string, part: string): string {
  return card.split("\n").find((l) => l.includes(part)) ?? "";
}

describe.each(["en", "fr"] as const)("a write-off keeps the history (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = createFormatter(lang, "UTC");
  const eur = (minor: number) => fmt.money(minor, "EUR");
  const charges = (amount: number, interest: number) =>
    t.invoices.history.charges({ amount: eur(amount), interest: eur(interest), fee: eur(4_000), settled: null });
  // The card's risk line is the headline on its own, its level first ("Consider ending: …").
  const riskPrefix = t.clients.card.risk({ headline: t.risk.levels["consider-ending"] });
  const written = { kind: "write-off" as const, date: fmt.date("2026-06-29") };

  beforeEach(() => lateAcme(h, lang));

  it("asks first, naming every amount; nothing is written off until it is confirmed", async () => {
    await toStepFive();
    const asked = await h.run("press wizard:1:5:writeoff");
    const question = text(asked);
    expect(question).toContain(t.offboarding.writeOff.ask({ client: "ACME Corp", total: eur(318_958), count: 3 }));
    expect(question).toContain(
      t.offboarding.writeOff.item({ invoice: "INV-1", principal: null, days: 20, charges: charges(4_666, 666) }),
    );
    expect(question).toContain(
      t.offboarding.writeOff.item({
        invoice: "INV-3",
        principal: eur(180_000),
        days: 75,
        charges: charges(8_494, 4_494),
      }),
    );
    expect(question).toContain(
      t.offboarding.writeOff.item({
        invoice: "INV-4",
        principal: eur(120_000),
        days: 45,
        charges: charges(5_798, 1_798),
      }),
    );
    if (lang === "en") {
      expect(question).toContain(
        "INV-3: €1,800.00 unpaid, 75 days late, and €84.94 of late-payment charges (interest €44.94, recovery fee €40.00)",
      );
    }
    expect(asked[0]?.type).toBe("update");
    expect(buttonIds(asked)).toEqual([confirmButton(asked), "wizard:1:5:choose"]);
    expect(await history()).toEqual([]);
    expect(await invoiceState(h.db.db, "INV-3")).toEqual({ status: "open", chargesStatus: "open" });

    // "Back to the choice" shows step 5 again, with both choices.
    const back = await h.run("press wizard:1:5:choose");
    expect(buttonIds(back)).toEqual(expect.arrayContaining(["wizard:1:5:chase", "wizard:1:5:writeoff"]));
    expect(await history()).toEqual([]);
  });

  it("keeps the late payments, the charges that were owed and the risk on the card and in the record, marked", async () => {
    await toStepFive();
    const before = text(await h.run("/client show acme"));
    const late = t.incidents.kinds.late;
    expect(lineWith(before, late)).toContain("2 / 3");
    const riskBefore = lineWith(before, riskPrefix);
    expect(riskBefore.startsWith(riskPrefix)).toBe(true);

    const { effects } = await writeOff(h);
    expect(text(effects)).toContain(t.offboarding.wroteOff({ total: eur(318_958), count: 3 }));
    expect(text(effects)).toContain(t.invoices.history.kept({ kind: "write-off" }));

    // Recorded as events with the amounts of the day, and audited.
    expect(await history()).toEqual([
      {
        number: "INV-1",
        kind: "write-off",
        on_day: "2026-06-29",
        principal_minor: 0,
        interest_minor: 666,
        fee_minor: 4_000,
        charges_minor: 4_666,
        days_late: 20,
      },
      {
        number: "INV-3",
        kind: "write-off",
        on_day: "2026-06-29",
        principal_minor: 180_000,
        interest_minor: 4_494,
        fee_minor: 4_000,
        charges_minor: 8_494,
        days_late: 75,
      },
      {
        number: "INV-4",
        kind: "write-off",
        on_day: "2026-06-29",
        principal_minor: 120_000,
        interest_minor: 1_798,
        fee_minor: 4_000,
        charges_minor: 5_798,
        days_late: 45,
      },
    ]);
    const audited = await audits(h.db.db, "invoice.written-off");
    expect(audited.map((a) => [a.details.number, a.details.principalMinor, a.details.chargesMinor])).toEqual([
      ["INV-1", 0, 4_666],
      ["INV-3", 180_000, 8_494],
      ["INV-4", 120_000, 5_798],
    ]);
    // The paid invoice stays paid; the unpaid ones are closed.
    expect(await invoiceState(h.db.db, "INV-1")).toEqual({ status: "paid", chargesStatus: "waived" });
    expect(await invoiceState(h.db.db, "INV-3")).toEqual({ status: "void", chargesStatus: "waived" });

    // A month later the card still counts the late payments and shows the same risk, marked.
    h.clock.set("2026-07-29T10:00:00Z");
    const after = text(await h.run("/client show acme"));
    expect(lineWith(after, late)).toContain("1 / 3");
    h.clock.set("2026-06-29T10:00:00Z");
    const card = text(await h.run("/client show acme"));
    expect(lineWith(card, late)).toContain("2 / 3");
    expect(card).toContain(
      t.advice.latePayment({
        invoice: "INV-3",
        date: fmt.date("2026-04-15"),
        dated: "due",
        days: 75,
        unpaid: false,
        closed: written,
      }),
    );
    const riskAfter = lineWith(card, riskPrefix);
    expect(riskAfter.startsWith(riskPrefix)).toBe(true);
    expect(riskAfter).toContain(
      t.risk.reasons.overdue({ number: "INV-3", days: 75, amount: eur(180_000), closed: written }),
    );
    expect(card).toContain(t.invoices.history.title);
    expect(card).toContain(
      t.invoices.history.closed({
        kind: "write-off",
        number: "INV-3",
        date: written.date,
        principal: eur(180_000),
        days: 75,
        charges: charges(8_494, 4_494),
      }),
    );
    if (lang === "en") {
      expect(card).toContain("• INV-3, due 15 Apr 2026, unpaid for 75 days, written off on 29 Jun 2026");
      expect(riskAfter).toContain(
        "Consider ending: INV-3 unpaid 75 days after its due date (€1,800.00), written off on 29 Jun 2026",
      );
      expect(card).toContain(
        "INV-1 · written off on 29 Jun 2026: €46.66 of late-payment charges (interest €6.66, recovery fee €40.00)",
      );
    }

    // The record: the charges that were owed, marked, never "none".
    const md = markdownRecord(await h.run("/client export acme"));
    const section = md.slice(
      md.indexOf(`## ${t.offboarding.record.charges}`),
      md.indexOf(`## ${t.offboarding.record.letters}`),
    );
    expect(section).not.toContain(t.offboarding.record.nothing.charges);
    for (const [number, total, interest, days] of [
      ["INV-1", 4_666, 666, 20],
      ["INV-3", 8_494, 4_494, 75],
      ["INV-4", 5_798, 1_798, 45],
    ] as const) {
      expect(section).toContain(
        t.offboarding.record.chargesLine({
          invoice: number,
          total: eur(total),
          interest: eur(interest),
          fee: eur(4_000),
          days,
          status: t.offboarding.record.givenUpStatus(written),
        }),
      );
    }
  });

  it("pressed twice at once, the confirmation writes off once", async () => {
    await toStepFive();
    const confirmId = confirmButton(await h.run("press wizard:1:5:writeoff"));
    const answers = await Promise.all([h.say(`press ${confirmId}`), h.say(`press ${confirmId}`)]);
    const wrote = t.offboarding.wroteOff({ total: eur(318_958), count: 3 });
    expect(answers.filter((a) => a.includes(wrote))).toHaveLength(1);
    expect(answers.filter((a) => a.includes(t.offboarding.refused.stale({ step: 6, total: 8 })))).toHaveLength(1);
    expect(await history()).toHaveLength(3);
    expect(await audits(h.db.db, "invoice.written-off")).toHaveLength(3);
  });

  it("racing a payment: either the payment or the write-off, never both, and the totals add up", async () => {
    await toStepFive();
    const confirmId = confirmButton(await h.run("press wizard:1:5:writeoff"));
    const [wrote, paid] = await Promise.all([h.say(`press ${confirmId}`), h.say("/client paid INV-3")]);
    const [row] = await queryRows<{ status: string; payments: number }>(
      h.db.db,
      sql`select i.status, (select count(*)::int from payments p where p.invoice_id = i.id) as payments
          from invoices i where i.number = 'INV-3'`,
    );
    if (row?.payments === 1) {
      expect(paid).toContain(t.invoices.paidInFullLate({ days: 75 }));
      expect(wrote).toContain(t.offboarding.owedChanged);
      expect(row.status).toBe("paid");
      expect(await history()).toEqual([]);
      expect(await invoiceState(h.db.db, "INV-4")).toEqual({ status: "open", chargesStatus: "open" });
    } else {
      expect(wrote).toContain(t.offboarding.wroteOff({ total: eur(318_958), count: 3 }));
      expect(paid).toContain(t.invoices.errors.isVoid({ number: "INV-3" }));
      expect(row?.status).toBe("void");
      expect((await history()).map((e) => e.principal_minor)).toEqual([0, 180_000, 120_000]);
    }
  });

  it("refuses a confirmation whose amounts changed since it was shown, and writes nothing off", async () => {
    await toStepFive();
    const confirmId = confirmButton(await h.run("press wizard:1:5:writeoff"));
    await h.run("/client paid INV-4 300");
    expect(await h.say(`press ${confirmId}`)).toContain(t.offboarding.owedChanged);
    expect(await history()).toEqual([]);
    // Asked again, it names the new amounts: €300 less on INV-4.
    const again = text(await h.run("press wizard:1:5:writeoff"));
    expect(again).toContain(t.offboarding.writeOff.ask({ client: "ACME Corp", total: eur(288_958), count: 3 }));
  });
});
