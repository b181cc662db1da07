import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChargeInput, type ContractFee, computeCharges, type Law } from "../../src/domain/charges/index.ts";
import { addDays } from "../../src/domain/dates.ts";
import { loadReferenceRates, parseRateTable } from "../../src/domain/reference-rates.ts";

const rates = loadReferenceRates(undefined);

interface Case {
  law?: Law;
  amount?: number;
  currency?: string;
  due: string;
  asOf: string;
  payments?: ChargeInput["payments"];
  rate?: ChargeInput["terms"]["rate"];
  fee?: ContractFee | null;
  pauses?: { from: string; to: string }[];
  disputedSince?: string | null;
  status?: "open" | "paid" | "void";
}

function charges(c: Case) {
  return computeCharges({
    invoice: {
      amountMinor: c.amount ?? 200_000,
      currency: c.currency ?? "EUR",
      dueOn: c.due,
      status: c.status ?? "open",
      pauses: c.pauses ?? [],
      disputedSince: c.disputedSince ?? null,
    },
    payments: c.payments ?? [],
    terms: { law: c.law ?? "fr", rate: c.rate ?? null, fee: c.fee ?? null },
    asOf: c.asOf,
    rates,
  });
}

const paid = (amountMinor: number, paidOn: string, kind: "payment" | "credit" | "charges" = "payment") => ({
  kind,
  amountMinor,
  paidOn,
});

describe("charges under French law (L441-10)", () => {
  it("matches the worked example: €2,000 due 31 Jan 2025 paid 2 Mar 2025 → €21.62 + €40", () => {
    const r = charges({ due: "2025-01-31", asOf: "2025-06-01", payments: [paid(200_000, "2025-03-02")] });
    expect(r.daysLate).toBe(30);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({
      from: "2025-02-01",
      to: "2025-03-02",
      days: 30,
      principalMinor: 200_000,
      rateE4: 131_500,
      basis: { kind: "ecb", referenceOn: "2025-01-01", referenceE4: 31_500, plusPoints: 10 },
      reference: "fr-interest",
    });
    expect(r.interestMinor).toBe(2_162);
    expect(r.fee).toEqual({ minor: 4_000, reference: "fr-fee" });
    expect(r.totalMinor).toBe(6_162);
    expect(r.complete).toBe(true);
    expect(r.paidInFullOn).toBe("2025-03-02");
  });

  it("keeps accruing while unpaid, to today", () => {
    const r = charges({ due: "2025-01-31", asOf: "2025-03-02" });
    expect(r.interestMinor).toBe(2_162);
    expect(r.paidInFullOn).toBeNull();
  });

  it("changes rate at the half-year (1 July) and rounds once over the segments", () => {
    const r = charges({ amount: 100_000, due: "2025-06-15", asOf: "2025-07-15" });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.rateE4])).toEqual([
      ["2025-06-16", "2025-06-30", 15, 131_500],
      ["2025-07-01", "2025-07-15", 15, 121_500],
    ]);
    // 540.41 + 499.32 = 1039.73 → 1040: the cent rounded away goes to the larger remainder (.41).
    expect(r.segments.map((s) => s.interestMinor)).toEqual([541, 499]);
    expect(r.interestMinor).toBe(1_040);
  });

  it("shows lines that add up to the total: €6.49 + €11.98 = €18.47, not €6.48 + €11.98", () => {
    // Each segment rounded on its own gave 648.49… → 648 and 1197.78… → 1198 under a total of 1847.
    const r = charges({ amount: 180_000, due: "2025-06-20", asOf: "2025-07-20" });
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.rateE4, s.interestMinor])).toEqual([
      ["2025-06-21", "2025-06-30", 10, 131_500, 649],
      ["2025-07-01", "2025-07-20", 20, 121_500, 1_198],
    ]);
    expect(r.interestMinor).toBe(1_847);
  });

  it("crosses the new year into the next half-year's rate", () => {
    const r = charges({ amount: 100_000, due: "2024-12-20", asOf: "2025-01-10" });
    expect(r.segments.map((s) => [s.days, s.rateE4, s.basis.kind === "ecb" && s.basis.referenceOn])).toEqual([
      [11, 142_500, "2024-07-01"],
      [10, 131_500, "2025-01-01"],
    ]);
  });

  it("splits at partial payments: interest only on what is still unpaid", () => {
    const r = charges({
      due: "2025-01-31",
      asOf: "2025-06-01",
      payments: [paid(100_000, "2025-02-10"), paid(100_000, "2025-03-02")],
    });
    expect(r.segments.map((s) => [s.from, s.to, s.principalMinor])).toEqual([
      ["2025-02-01", "2025-02-10", 200_000],
      ["2025-02-11", "2025-03-02", 100_000],
    ]);
    expect(r.interestMinor).toBe(1_441);
    expect(r.fee?.minor).toBe(4_000);
  });

  it("treats a credit note like a payment from its day, and never charges interest on earlier charges", () => {
    const r = charges({
      due: "2025-01-31",
      asOf: "2025-03-02",
      payments: [paid(100_000, "2025-02-10", "credit"), paid(5_000, "2025-02-20", "charges")],
    });
    expect(r.segments.map((s) => s.principalMinor)).toEqual([200_000, 100_000]);
    expect(r.interestMinor).toBe(1_441);
  });

  it("pauses interest during a dispute, and stops it for an ongoing one", () => {
    const closed = charges({
      due: "2025-01-31",
      asOf: "2025-06-01",
      payments: [paid(200_000, "2025-03-02")],
      pauses: [{ from: "2025-02-11", to: "2025-02-21" }],
    });
    expect(closed.pausedDays).toBe(10);
    expect(closed.segments.map((s) => [s.from, s.to])).toEqual([
      ["2025-02-01", "2025-02-10"],
      ["2025-02-21", "2025-03-02"],
    ]);
    expect(closed.interestMinor).toBe(1_441);
    const ongoing = charges({ due: "2025-01-31", asOf: "2025-03-02", disputedSince: "2025-02-11" });
    expect(ongoing.segments.map((s) => s.days)).toEqual([10]);
    expect(ongoing.pausedDays).toBe(20);
  });

  it("owes no fee when every late day was in dispute", () => {
    const r = charges({ due: "2025-01-31", asOf: "2025-02-20", disputedSince: "2025-01-20" });
    expect(r.totalMinor).toBe(0);
    expect(r.fee).toBeNull();
  });

  it("charges nothing when paid on the due date, and nothing on a void invoice", () => {
    const onTime = charges({ due: "2025-01-31", asOf: "2025-06-01", payments: [paid(200_000, "2025-01-31")] });
    expect(onTime).toMatchObject({ daysLate: 0, interestMinor: 0, fee: null, totalMinor: 0 });
    const void_ = charges({ due: "2025-01-31", asOf: "2025-06-01", status: "void" });
    expect(void_).toMatchObject({ daysLate: 0, totalMinor: 0 });
  });

  it("applies an agreed rate and warns when it is below 3 × the taux d'intérêt légal", () => {
    const low = charges({ due: "2025-01-31", asOf: "2025-03-02", rate: { percentE4: 100_000, per: "year" } });
    expect(low.segments[0]?.basis).toEqual({ kind: "contract", per: "year", percentE4: 100_000 });
    expect(low.notes).toContainEqual({
      kind: "belowLegalMinimum",
      rateE4: 100_000,
      minimumE4: 111_300,
      legalOn: "2025-01-01",
    });
    const fine = charges({ due: "2025-01-31", asOf: "2025-03-02", rate: { percentE4: 120_000, per: "year" } });
    expect(fine.notes).toEqual([]);
  });

  it("notes the €40 fee instead of adding it to an invoice in another currency", () => {
    const r = charges({ currency: "USD", due: "2025-01-31", asOf: "2025-03-02" });
    expect(r.interestMinor).toBe(2_162);
    expect(r.fee).toBeNull();
    expect(r.notes).toContainEqual({ kind: "feeOtherCurrency", law: "fr", currency: "EUR", minor: 4_000 });
  });

  it("says when the half-year's reference rate is missing instead of guessing", () => {
    const r = charges({ amount: 100_000, due: "2026-06-15", asOf: "2026-07-10" });
    expect(r.complete).toBe(false);
    expect(r.segments.map((s) => s.days)).toEqual([15]);
    expect(r.notes).toContainEqual({
      kind: "missingRate",
      series: "ecb-mro",
      on: "2026-07-01",
      from: "2026-07-01",
      to: "2026-07-10",
      days: 10,
    });
  });

  it("uses an operator's added rate once it is in the table", () => {
    const withRate = parseRateTable({ series: { "ecb-mro": { rates: [{ on: "2026-07-01", percent: 2 }] } } });
    const merged = { ...rates, "ecb-mro": new Map([...rates["ecb-mro"], ...withRate["ecb-mro"]]) };
    const r = computeCharges({
      invoice: {
        amountMinor: 100_000,
        currency: "EUR",
        dueOn: "2026-06-15",
        status: "open",
        pauses: [],
        disputedSince: null,
      },
      payments: [],
      terms: { law: "fr", rate: null, fee: null },
      asOf: "2026-07-10",
      rates: merged,
    });
    expect(r.complete).toBe(true);
    expect(r.segments.map((s) => s.rateE4)).toEqual([121_500, 120_000]);
  });
});

describe("charges under the EU directive, UK act, contract and none", () => {
  it("EU: reference rate + 8 points; a leap day counts, the year still has 365 days", () => {
    // 2024 H1: 4.50% + 8 = 12.50%; 28 Feb, 29 Feb, 1 Mar = 3 days on €3,650.00 → €3.75
    const r = charges({ law: "eu", amount: 365_000, due: "2024-02-27", asOf: "2024-03-01" });
    expect(r.segments[0]).toMatchObject({ days: 3, rateE4: 125_000, reference: "eu-interest" });
    expect(r.interestMinor).toBe(375);
    expect(r.fee).toEqual({ minor: 4_000, reference: "eu-fee" });
  });

  it("UK: Bank of England rate + 8, fixed when interest starts, across 1 July", () => {
    const r = charges({
      law: "uk",
      currency: "GBP",
      amount: 500_000,
      due: "2025-06-20",
      asOf: "2025-09-01",
      payments: [paid(500_000, "2025-07-20")],
    });
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]).toMatchObject({
      days: 30,
      rateE4: 127_500,
      basis: { kind: "boe", referenceOn: "2024-12-31", referenceE4: 47_500, plusPoints: 8 },
    });
    expect(r.interestMinor).toBe(5_240);
  });

  it.each([
    [99_999, 4_000],
    [100_000, 7_000],
    [999_999, 7_000],
    [1_000_000, 10_000],
  ])("UK: a debt of %i pence carries a fixed sum of %i pence", (amount, fee) => {
    const r = charges({ law: "uk", currency: "GBP", amount, due: "2025-08-01", asOf: "2025-08-10" });
    expect(r.fee).toEqual({ minor: fee, reference: "uk-fee" });
    expect(r.segments[0]?.basis).toMatchObject({ referenceOn: "2025-06-30", referenceE4: 42_500 });
  });

  it("contract: a monthly rate counts 12 times a year, plus the agreed flat fee", () => {
    // 1.5%/month = 18%/year on €2,000.00 for 30 days = €29.59
    const r = charges({
      law: "contract",
      due: "2025-01-31",
      asOf: "2025-03-02",
      rate: { percentE4: 15_000, per: "month" },
      fee: { minor: 2_550, currency: "EUR" },
    });
    expect(r.segments[0]?.rateE4).toBe(180_000);
    expect(r.interestMinor).toBe(2_959);
    expect(r.fee).toEqual({ minor: 2_550, reference: "contract-fee" });
  });

  it("contract with no rate charges no interest and says why", () => {
    const r = charges({ law: "contract", due: "2025-01-31", asOf: "2025-03-02" });
    expect(r.interestMinor).toBe(0);
    expect(r.notes).toContainEqual({ kind: "noContractRate" });
  });

  it("none: days late are counted, nothing is charged", () => {
    const r = charges({ law: "none", due: "2025-01-31", asOf: "2025-03-02" });
    expect(r).toMatchObject({ daysLate: 30, interestMinor: 0, fee: null, totalMinor: 0, segments: [] });
  });

  const yen = (fee: ContractFee) =>
    charges({
      law: "contract",
      currency: "JPY",
      amount: 100_000,
      due: "2025-01-31",
      asOf: "2025-03-02",
      rate: { percentE4: 146_000, per: "year" },
      fee,
    });

  it("a zero-decimal currency (JPY) stays in whole yen", () => {
    // ¥100,000 at 14.6%/year for 30 days = ¥1,200; flat fee ¥1,000
    const r = yen({ minor: 1_000, currency: "JPY" });
    expect(r.interestMinor).toBe(1_200);
    expect(r.fee?.minor).toBe(1_000);
    expect(r.totalMinor).toBe(2_200);
  });

  it("contract: a flat fee in another currency is noted, never relabelled in the invoice's", () => {
    const r = yen({ minor: 5_000, currency: "EUR" });
    expect(r.fee).toBeNull();
    expect(r.totalMinor).toBe(1_200);
    expect(r.notes).toContainEqual({ kind: "feeOtherCurrency", law: "contract", currency: "EUR", minor: 5_000 });
  });

  it("contract: a flat fee stored without a currency is noted, not charged", () => {
    const r = charges({ law: "contract", due: "2025-01-31", asOf: "2025-03-02", fee: { major: "40", currency: null } });
    expect(r.fee).toBeNull();
    expect(r.notes).toContainEqual({ kind: "feeNoCurrency", major: "40" });
  });
});

describe("rounding", () => {
  it.each([
    [500, 1],
    [1_500, 2],
    [499, 0],
    [2_499, 2],
    [2_500, 3],
  ])("rounds half-up: %i minor for one day at 36.5%% → %i", (amount, expected) => {
    // 36.5%/year for one day is exactly amount / 1000.
    const r = charges({
      law: "contract",
      amount,
      due: "2025-01-31",
      asOf: "2025-02-01",
      rate: { percentE4: 365_000, per: "year" },
    });
    expect(r.interestMinor).toBe(expected);
  });
});

describe("interest lines add up", () => {
  it("the segments always add up to the total, each within a cent of its exact amount", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Law>("fr", "eu", "uk"),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 1_000_000 })), {
          maxLength: 4,
        }),
        (law, amount, start, late, partial) => {
          const due = addDays("2024-01-01", start);
          const r = charges({
            law,
            currency: law === "uk" ? "GBP" : "EUR",
            amount,
            due,
            asOf: addDays(due, late),
            payments: partial.map(([day, minor]) => paid(minor, addDays(due, day))),
          });
          expect(r.segments.reduce((n, s) => n + s.interestMinor, 0)).toBe(r.interestMinor);
          for (const s of r.segments) {
            const exact = (s.principalMinor * (s.rateE4 / 1_000_000) * s.days) / 365;
            expect(Math.abs(s.interestMinor - exact)).toBeLessThan(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
