import { addDays, daysBetween } from "../dates.ts";
import { PERCENT_SCALE, type RateTable, rateOn } from "../reference-rates.ts";
import type {
  ChargeInvoice,
  ChargeNote,
  ChargePayment,
  ChargeResult,
  InterestSegment,
  LegalReference,
  RateBasis,
  RecoveryFee,
} from "./charge-types.ts";
import { halfYearStart, nextHalfYearStart, ukReferenceDate } from "./half-years.ts";
import { annualRateE4, type Terms } from "./terms.ts";

export interface ChargeInput {
  invoice: ChargeInvoice;
  payments: readonly ChargePayment[];
  terms: Pick<Terms, "law" | "rate" | "fee">;
  /** Today in the workspace's time zone: interest runs to this day while unpaid. */
  asOf: string;
  rates: RateTable;
}

/** Points added to the reference rate by each statute. */
const PLUS_POINTS = { fr: 10, eu: 8, uk: 8 } as const;
const EUR_FEE_MINOR = 4_000;
const DAYS_PER_YEAR = 365n;

/**
 * Late-payment charges of one invoice on `asOf` (DESIGN.md §4): simple interest on the
 * outstanding principal only, calendar days, actual/365, from the day after the due date to
 * the full payment (or `asOf`), in segments wherever the principal, the rate or a dispute
 * pause changes; rounded half-up once. Plus the fixed recovery fee of the law. Pure.
 */
export function computeCharges(input: ChargeInput): ChargeResult {
  const { invoice, terms, asOf } = input;
  const principalPayments = input.payments
    .filter((p) => p.kind !== "charges")
    .toSorted((a, b) => a.paidOn.localeCompare(b.paidOn));
  const paidInFullOn = fullPaymentDay(invoice.amountMinor, principalPayments);
  const result: ChargeResult = {
    law: terms.law,
    currency: invoice.currency,
    daysLate: 0,
    pausedDays: 0,
    segments: [],
    interestMinor: 0,
    fee: null,
    totalMinor: 0,
    notes: [],
    complete: true,
    paidInFullOn,
  };
  const firstDay = addDays(invoice.dueOn, 1);
  const lastDay = paidInFullOn && paidInFullOn < asOf ? paidInFullOn : asOf;
  if (invoice.status === "void" || lastDay < firstDay) return result;
  result.daysLate = daysBetween(invoice.dueOn, lastDay);
  if (terms.law === "none") return result;

  const pauses = [...invoice.pauses];
  if (invoice.disputedSince) pauses.push({ from: invoice.disputedSince, to: addDays(lastDay, 1) });
  const rateFor = rateRule(input, firstDay, result.notes);

  // Every day on which the principal, the rate or a pause may change starts a new segment.
  const end = addDays(lastDay, 1);
  const cuts = new Set<string>([firstDay, end]);
  for (const p of principalPayments) cuts.add(addDays(p.paidOn, 1));
  for (const p of pauses) {
    cuts.add(p.from);
    cuts.add(p.to);
  }
  for (let h = nextHalfYearStart(firstDay); h < end; h = nextHalfYearStart(h)) cuts.add(h);
  const days = [...cuts].filter((d) => d >= firstDay && d <= end).sort();

  // Each segment's exact interest, as a numerator over DENOMINATOR, for the rounding below.
  const exact: bigint[] = [];
  const missing = new Map<string, Extract<ChargeNote, { kind: "missingRate" }>>();
  for (let i = 0; i + 1 < days.length; i++) {
    const from = days[i] as string;
    const next = days[i + 1] as string;
    const count = daysBetween(from, next);
    if (pauses.some((p) => p.from <= from && from < p.to)) {
      result.pausedDays += count;
      continue;
    }
    const principal = invoice.amountMinor - paidBefore(principalPayments, from);
    if (principal <= 0) continue;
    const rate = rateFor(from);
    if ("missing" in rate) {
      const key = `${rate.missing.series}:${rate.missing.on}`;
      const note = missing.get(key) ?? { kind: "missingRate", ...rate.missing, from, to: from, days: 0 };
      note.to = addDays(next, -1);
      note.days += count;
      missing.set(key, note);
      continue;
    }
    const last = result.segments.at(-1);
    if (
      last &&
      last.to === addDays(from, -1) &&
      last.principalMinor === principal &&
      last.rateE4 === rate.rateE4 &&
      sameBasis(last.basis, rate.basis)
    ) {
      last.to = addDays(next, -1);
      last.days += count;
      exact[exact.length - 1] = BigInt(principal) * BigInt(rate.rateE4) * BigInt(last.days);
      continue;
    }
    exact.push(BigInt(principal) * BigInt(rate.rateE4) * BigInt(count));
    result.segments.push({
      from,
      to: addDays(next, -1),
      days: count,
      principalMinor: principal,
      rateE4: rate.rateE4,
      basis: rate.basis,
      reference: `${terms.law}-interest` as LegalReference,
      interestMinor: 0,
    });
  }
  result.interestMinor = allocateInterest(result.segments, exact);
  if (missing.size > 0) {
    result.notes.push(...missing.values());
    result.complete = false;
  }
  // The fee is due once the invoice is late on a day not in dispute, whatever is paid later.
  if (result.pausedDays < result.daysLate) result.fee = recoveryFee(input, result.notes);
  result.totalMinor = result.interestMinor + (result.fee?.minor ?? 0);
  return result;
}

type RateAnswer = { rateE4: number; basis: RateBasis } | { missing: { series: "ecb-mro" | "boe-base"; on: string } };

/** The annual rate for a day under the client's terms, or which reference rate is missing. */
function rateRule(input: ChargeInput, firstDay: string, notes: ChargeNote[]): (day: string) => RateAnswer {
  const { terms, rates } = input;
  if (terms.rate) {
    const rate = terms.rate;
    const basis: RateBasis = { kind: "contract", per: rate.per, percentE4: rate.percentE4 };
    const rateE4 = annualRateE4(rate);
    if (terms.law === "fr") {
      const legalOn = halfYearStart(firstDay);
      const legal = rateOn(rates, "fr-legal", legalOn);
      if (legal !== undefined && rateE4 < 3 * legal) {
        notes.push({ kind: "belowLegalMinimum", rateE4, minimumE4: 3 * legal, legalOn });
      }
    }
    return () => ({ rateE4, basis });
  }
  switch (terms.law) {
    case "fr":
    case "eu": {
      const plusPoints = PLUS_POINTS[terms.law];
      return (day) => {
        const on = halfYearStart(day);
        const reference = rateOn(rates, "ecb-mro", on);
        if (reference === undefined) return { missing: { series: "ecb-mro", on } };
        return {
          rateE4: Math.max(0, reference + plusPoints * PERCENT_SCALE),
          basis: { kind: "ecb", referenceOn: on, referenceE4: reference, plusPoints },
        };
      };
    }
    case "uk": {
      // Fixed when interest starts: the same rate for every later day.
      const on = ukReferenceDate(firstDay);
      const reference = rateOn(rates, "boe-base", on);
      const plusPoints = PLUS_POINTS.uk;
      if (reference === undefined) return () => ({ missing: { series: "boe-base", on } });
      const answer: RateAnswer = {
        rateE4: Math.max(0, reference + plusPoints * PERCENT_SCALE),
        basis: { kind: "boe", referenceOn: on, referenceE4: reference, plusPoints },
      };
      return () => answer;
    }
    default:
      notes.push({ kind: "noContractRate" });
      return () => ({ rateE4: 0, basis: { kind: "contract", per: "year", percentE4: 0 } });
  }
}

/**
 * The fixed recovery fee: €40 (France, EU), £40/£70/£100 for debts under £1,000, under
 * £10,000 and above (UK), or the contract's flat fee. A fee in another currency than the
 * invoice's is noted, never converted nor relabelled.
 */
function recoveryFee(input: ChargeInput, notes: ChargeNote[]): RecoveryFee | null {
  const { terms, invoice } = input;
  switch (terms.law) {
    case "fr":
    case "eu":
      if (invoice.currency !== "EUR") {
        notes.push({ kind: "feeOtherCurrency", law: terms.law, currency: "EUR", minor: EUR_FEE_MINOR });
        return null;
      }
      return { minor: EUR_FEE_MINOR, reference: `${terms.law}-fee` };
    case "uk": {
      if (invoice.currency !== "GBP") {
        notes.push({ kind: "feeOtherCurrency", law: "uk", currency: "GBP", minor: null });
        return null;
      }
      const pence = invoice.amountMinor;
      return { minor: pence < 100_000 ? 4_000 : pence < 1_000_000 ? 7_000 : 10_000, reference: "uk-fee" };
    }
    case "contract": {
      const fee = terms.fee;
      if (!fee) return null;
      if (fee.currency === null) {
        notes.push({ kind: "feeNoCurrency", major: fee.major });
        return null;
      }
      if (fee.currency !== invoice.currency) {
        notes.push({ kind: "feeOtherCurrency", law: "contract", currency: fee.currency, minor: fee.minor });
        return null;
      }
      return { minor: fee.minor, reference: "contract-fee" };
    }
    default:
      return null;
  }
}

/** The day payments and credits reached the invoice amount, if they did. */
function fullPaymentDay(amountMinor: number, sorted: readonly ChargePayment[]): string | null {
  let paid = 0;
  for (const p of sorted) {
    paid += p.amountMinor;
    if (paid >= amountMinor) return p.paidOn;
  }
  return null;
}

/** Paid or credited before `day`: a payment counts from the day after it is made. */
function paidBefore(sorted: readonly ChargePayment[], day: string): number {
  let paid = 0;
  for (const p of sorted) if (p.paidOn < day) paid += p.amountMinor;
  return paid;
}

/** Interest = principal × rate(1e-4 %) × days / DENOMINATOR. */
const DENOMINATOR = 100n * BigInt(PERCENT_SCALE) * DAYS_PER_YEAR;

/**
 * The total interest, rounded half-up once over the exact sum, shared among the segments by
 * largest remainder: each segment gets its exact amount rounded down, and the cents left go
 * one each to the segments whose dropped fractions were largest (the earlier on a tie). So the
 * lines shown always add up to the total shown (€6.48 + €11.98 is never shown under €18.47).
 */
function allocateInterest(segments: InterestSegment[], exact: readonly bigint[]): number {
  const sum = exact.reduce((a, b) => a + b, 0n);
  const total = Number((2n * sum + DENOMINATOR) / (2n * DENOMINATOR));
  let left = total;
  for (const [i, s] of segments.entries()) {
    s.interestMinor = Number((exact[i] ?? 0n) / DENOMINATOR);
    left -= s.interestMinor;
  }
  const byRemainder = segments
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = (exact[a] ?? 0n) % DENOMINATOR;
      const rb = (exact[b] ?? 0n) % DENOMINATOR;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  for (const i of byRemainder.slice(0, left)) (segments[i] as InterestSegment).interestMinor += 1;
  return total;
}

function sameBasis(a: RateBasis, b: RateBasis): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
