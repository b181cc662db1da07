import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { confirmButton, offboardTo } from "../offboarding/offboarding-support.ts";
import { rowCount } from "../support/db-counts.ts";
import { useHarness } from "../support/harness.ts";

/**
 * Money changes sent at the same moment. On PostgreSQL (TEST_DATABASE_URL) the requests run
 * truly at once, each on its own pooled connection: without the invoice lock, two payments
 * both see €100 unpaid and both record it. On PGlite the same tests check the outcome of
 * requests interleaved by one connection.
 */
const h = useHarness("2026-11-29T10:00:00Z");

interface Ledger {
  status: string;
  charges_status: string;
  payments: number;
  paid: number;
  credited: number;
  charges: number;
}

async function ledger(number: string): Promise<Ledger> {
  const [row] = await queryRows<Ledger>(
    h.db.db,
    sql`select i.status, i.charges_status,
          (select count(*)::int from payments p where p.invoice_id = i.id) as payments,
          (select coalesce(sum(amount_minor), 0)::int from payments p where p.invoice_id = i.id and kind = 'payment') as paid,
          (select coalesce(sum(amount_minor), 0)::int from payments p where p.invoice_id = i.id and kind = 'credit') as credited,
          (select coalesce(sum(amount_minor), 0)::int from payments p where p.invoice_id = i.id and kind = 'charges') as charges
        from invoices i where i.number = ${number}`,
  );
  if (!row) throw new Error(`no invoice ${number}`);
  return row;
}

const auditCount = (action: string) => rowCount(h.db.db, "audit_log", `action = '${action}'`);

const count = (answers: readonly string[], text: string) => answers.filter((a) => a.includes(text)).length;

describe.each(["en", "fr"] as const)("money changes at the same moment (%s)", (lang) => {
  const t = catalogFor(lang).invoices;
  const eur = (minor: number) => createFormatter(lang, "UTC").money(minor, "EUR");

  beforeEach(async () => {
    if (lang === "fr") await h.run("/client config lang fr");
    await h.run("/client add acme ACME Corp");
  });

  it("ten payments of a €100 invoice at once: one pays it in full, nine are refused", async () => {
    await h.run("/client invoice acme INV-1 100 EUR issued 2026-11-20 due 2026-12-20");
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.say("/client paid INV-1", { user: `member-${i}` })),
    );
    expect(count(answers, t.paidInFull)).toBe(1);
    expect(count(answers, t.errors.alreadyPaid({ number: "INV-1" }))).toBe(9);
    expect(await ledger("INV-1")).toMatchObject({ status: "paid", payments: 1, paid: 10_000 });
    expect(await auditCount("invoice.paid")).toBe(1);
  });

  it("ten partial payments of €30 at once on €100: three are recorded, seven refused, never more than owed", async () => {
    await h.run("/client invoice acme INV-1 100 EUR issued 2026-11-20 due 2026-12-20");
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.say("/client paid INV-1 30", { user: `member-${i}` })),
    );
    for (const left of [7_000, 4_000, 1_000]) expect(count(answers, t.stillUnpaid({ amount: eur(left) }))).toBe(1);
    const refused = t.errors.overpaid({ amount: eur(3_000), number: "INV-1", owed: eur(1_000) });
    expect(count(answers, refused)).toBe(7);
    expect(await ledger("INV-1")).toMatchObject({ status: "open", payments: 3, paid: 9_000 });
  });

  it("a payment racing a void: each invoice ends paid or void, never both", async () => {
    const numbers = ["INV-1", "INV-2", "INV-3", "INV-4"];
    for (const n of numbers) await h.run(`/client invoice acme ${n} 100 EUR issued 2026-11-20 due 2026-12-20`);
    // Half the races send the void first, half the payment.
    const races = await Promise.all(
      numbers.map(async (n, i) => {
        const pay = () => h.say(`/client paid ${n}`, { user: "sam" });
        const cancel = () => h.say(`/client void ${n} sent twice`);
        const [paid, voided] =
          i % 2 === 0 ? await Promise.all([pay(), cancel()]) : reverse(await Promise.all([cancel(), pay()]));
        return { n, paid, voided };
      }),
    );
    for (const { n, paid, voided } of races) {
      const state = await ledger(n);
      if (state.status === "void") {
        expect(voided).toContain(t.voided({ number: n, client: "ACME Corp" }));
        expect(paid).toContain(t.errors.isVoid({ number: n }));
        expect(state.payments).toBe(0);
      } else {
        expect(paid).toContain(t.paidInFull);
        expect(voided).toContain(t.errors.voidWithPayments({ number: n }));
        expect(state).toMatchObject({ status: "paid", payments: 1, paid: 10_000 });
      }
    }
    expect((await auditCount("invoice.paid")) + (await auditCount("invoice.voided"))).toBe(numbers.length);
  });

  it("a credit note racing a payment: one of them is recorded, and never more than the invoice", async () => {
    await h.run("/client invoice acme INV-1 100 EUR issued 2026-11-20 due 2026-12-20");
    const [paid, credited] = await Promise.all([
      h.say("/client paid INV-1 100", { user: "sam" }),
      h.say("/client credit INV-1 60"),
    ]);
    const state = await ledger("INV-1");
    expect(state.payments).toBe(1);
    if (state.credited > 0) {
      // The credit note came first: €40 were left, so a payment of €100 is too much.
      expect(credited).toContain(t.stillUnpaid({ amount: eur(4_000) }));
      expect(paid).toContain(t.errors.overpaid({ amount: eur(10_000), number: "INV-1", owed: eur(4_000) }));
      expect(state).toMatchObject({ status: "open", credited: 6_000, paid: 0 });
    } else {
      expect(paid).toContain(t.paidInFull);
      expect(credited).toContain(t.errors.alreadyPaid({ number: "INV-1" }));
      expect(state).toMatchObject({ status: "paid", paid: 10_000, credited: 0 });
    }
  });

  it("a digest's Mark paid pressed while someone types /client paid: one payment", async () => {
    await h.run("/client invoice acme INV-1 100 EUR issued 2026-10-01 due 2026-11-01");
    // The press asks first, naming the invoice and the amount; the confirmation races the command.
    expect(await h.say("press digest-paid:1", { user: "sam" })).toContain("[press digest-paid-ok:1:10000]");
    const [pressed, typed] = await Promise.all([
      h.say("press digest-paid-ok:1:10000", { user: "sam" }),
      h.say("/client paid INV-1", { user: "kim" }),
    ]);
    const paidLate = t.paidInFullLate({ days: 28 });
    expect(count([pressed, typed], paidLate)).toBe(1);
    // The loser hears that it is paid: the button, that the invoice is no longer open; the command, that it is paid.
    const refusals = [catalogFor(lang).digest.actions.notFound, t.errors.alreadyPaid({ number: "INV-1" })];
    const loser = pressed.includes(paidLate) ? typed : pressed;
    expect(refusals.some((r) => loser.includes(r))).toBe(true);
    expect(await ledger("INV-1")).toMatchObject({ status: "paid", payments: 1, paid: 10_000 });
  });

  it("late-payment charges paid twice at once, and waived while being paid: recorded once", async () => {
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-1 1000 EUR issued 2026-05-01 due 2026-06-01");
    await h.run("/client invoice acme INV-2 1000 EUR issued 2026-05-01 due 2026-06-01");
    await h.run("/client paid INV-1 on 2026-06-11");
    await h.run("/client paid INV-2 on 2026-06-11");
    const twice = await Promise.all([h.say("/client paid INV-1 charges"), h.say("/client paid INV-1 charges")]);
    expect(count(twice, t.chargesSettled)).toBe(1);
    expect(count(twice, t.errors.noCharges({ number: "INV-1" }))).toBe(1);
    const one = await ledger("INV-1");
    expect(one).toMatchObject({ charges_status: "settled" });
    expect(one.charges).toBeGreaterThan(4_000);

    const [paid, waived] = await Promise.all([h.say("/client paid INV-2 charges"), h.say("/client waive INV-2")]);
    const two = await ledger("INV-2");
    if (two.charges_status === "waived") {
      expect(paid).toContain(t.errors.chargesWaived({ number: "INV-2" }));
      expect(two.charges).toBe(0);
    } else {
      expect(waived).toContain(t.errors.noCharges({ number: "INV-2" }));
      expect(two).toMatchObject({ charges_status: "settled", charges: one.charges });
    }
  });
});

describe.each(["en", "fr"] as const)("a write-off at the same moment as a payment (%s)", (lang) => {
  const t = catalogFor(lang);

  it("either the payment lands and the write-off is refused, or the write-off lands and the payment is refused", async () => {
    if (lang === "fr") await h.run("/client config lang fr");
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-1 100 EUR issued 2026-10-01 due 2026-11-01");
    await h.run("/client invoice acme INV-2 250 EUR issued 2026-10-01 due 2026-11-01");
    await offboardTo(h, 5);
    const confirmId = confirmButton(await h.run("press wizard:1:5:writeoff"));
    const [wrote, paid] = await Promise.all([h.say(`press ${confirmId}`), h.say("/client paid INV-1")]);
    const one = await ledger("INV-1");
    const two = await ledger("INV-2");
    if (one.payments > 0) {
      expect(paid).toContain(t.invoices.paidInFullLate({ days: 28 }));
      expect(wrote).toContain(t.offboarding.owedChanged);
      expect(two.status).toBe("open");
      expect(await auditCount("invoice.written-off")).toBe(0);
    } else {
      expect(wrote).toContain(t.offboarding.wroteOff({ total: eur(35_000, lang), count: 2 }));
      expect(paid).toContain(t.invoices.errors.isVoid({ number: "INV-1" }));
      expect([one.status, two.status]).toEqual(["void", "void"]);
      expect(await auditCount("invoice.written-off")).toBe(2);
    }
  });
});

function eur(minor: number, lang: "en" | "fr"): string {
  return createFormatter(lang, "UTC").money(minor, "EUR");
}

function reverse<T>(pair: [T, T]): [T, T] {
  return [pair[1], pair[0]];
}
