import type { RateSeries } from "../reference-rates.ts";
import type { Law } from "./terms.ts";

/** What the charge engine needs of an invoice. Amounts in minor units, days ISO. */
export interface ChargeInvoice {
  amountMinor: number;
  currency: string;
  dueOn: string;
  status: "open" | "paid" | "void";
  /** Closed dispute pauses, each `[from, to)`: no interest on those days. */
  pauses: readonly Pause[];
  /** An ongoing dispute since this day (inclusive): no interest from then on. */
  disputedSince: string | null;
}

export interface Pause {
  from: string;
  /** Exclusive: charges run again from this day. */
  to: string;
}

/** A payment, credit note or settlement of charges, on a day. */
export interface ChargePayment {
  kind: "payment" | "credit" | "charges";
  amountMinor: number;
  paidOn: string;
}

/** A legal (or contractual) basis, rendered by the catalogs. */
export type LegalReference = `${Exclude<Law, "none">}-${"interest" | "fee"}`;

/** How the annual rate of a segment was set. */
export type RateBasis =
  /** ECB main refinancing rate in force on `referenceOn` + `plusPoints` (France, EU). */
  | { kind: "ecb"; referenceOn: string; referenceE4: number; plusPoints: number }
  /** Bank of England base rate in force on `referenceOn` + 8, fixed when interest starts (UK). */
  | { kind: "boe"; referenceOn: string; referenceE4: number; plusPoints: number }
  /** An agreed rate, per year or per month (a monthly rate counts 12 times a year). */
  | { kind: "contract"; per: "year" | "month"; percentE4: number };

/** Days charged at one outstanding principal and one annual rate. */
export interface InterestSegment {
  /** First and last day charged, inclusive. */
  from: string;
  to: string;
  days: number;
  principalMinor: number;
  /** Annual rate in ten-thousandths of a percent (13.15% → 131 500). */
  rateE4: number;
  basis: RateBasis;
  reference: LegalReference;
  /**
   * This segment's share of the total interest: its exact amount rounded down, plus a cent
   * for the segments with the largest remainders, so the segments add up to `interestMinor`.
   */
  interestMinor: number;
}

/** The fixed recovery fee, in the invoice's currency. */
export interface RecoveryFee {
  minor: number;
  reference: LegalReference;
}

/** Something the result cannot show as a plain amount, said instead of guessed. */
export type ChargeNote =
  /** No reference rate for a reference date: those days are not charged until it is added. */
  | { kind: "missingRate"; series: RateSeries; on: string; from: string; to: string; days: number }
  /** France: an agreed rate below 3 × the taux d'intérêt légal (L441-10). */
  | { kind: "belowLegalMinimum"; rateE4: number; minimumE4: number; legalOn: string }
  /** A contract law with no rate set: no interest. */
  | { kind: "noContractRate" }
  /**
   * The fee is in another currency than the invoice's (the statutory €40 or £40–£100, or the
   * contract's own): it is due but not added, since Tact keeps each invoice's charges in the
   * invoice's currency. `minor` is null for the UK's sum, which depends on the debt in pounds.
   */
  | { kind: "feeOtherCurrency"; law: "fr" | "eu" | "uk" | "contract"; currency: string; minor: number | null }
  /** A contract fee stored before fees had a currency: shown, not charged. */
  | { kind: "feeNoCurrency"; major: string };

export interface ChargeResult {
  law: Law;
  /** The invoice's currency: interest is in it. */
  currency: string;
  /** Calendar days after the due date, up to the full payment or `asOf`. 0 when not late. */
  daysLate: number;
  /** Days in dispute (no interest). */
  pausedDays: number;
  segments: InterestSegment[];
  /** Sum of the exact segment interest, rounded half-up once; the segments add up to it. */
  interestMinor: number;
  fee: RecoveryFee | null;
  /** Interest + fee, in the invoice's currency. */
  totalMinor: number;
  notes: ChargeNote[];
  /** False when a rate was missing: the interest shown is less than owed. */
  complete: boolean;
  /** The day the principal was fully paid or credited, if it was. */
  paidInFullOn: string | null;
}
