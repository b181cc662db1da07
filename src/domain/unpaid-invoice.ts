import type { Closed } from "./late-payments.ts";
import type { StageKind } from "./stages.ts";

/** A reminder the record shows as sent: its stage, and the day it was recorded, when known. */
export interface SentReminder {
  kind: StageKind;
  /** The local day it was recorded as sent; null when the record keeps no date for it. */
  on: string | null;
}

/** An invoice unpaid past its due date, with what the record shows of the reminders sent for it. */
export interface UnpaidInvoice {
  number: string;
  /** Calendar days since the due date. */
  days: number;
  /** Days that count for reminder stages (days in dispute left out). */
  stageDays: number;
  amountMinor: number;
  currency: string;
  disputed: boolean;
  /** Days after the due date of the client's final stage (its final notice, or its last stage). */
  finalDay: number;
  /** Days after the due date of the suspension notice, for a client whose site the agency hosts. */
  suspensionDay: number | null;
  /** Reminders recorded as sent, in stage order. */
  sent: SentReminder[];
  /** Written off or voided while unpaid: the facts are those of that day (risk keeps them a year). */
  closed?: Closed;
}

/** "Long past the final stage": this many days after it, the reminders have had their chance. */
export const LONG_PAST_FINAL_DAYS = 30;

export function pastFinal(u: UnpaidInvoice): boolean {
  return u.stageDays >= u.finalDay;
}

export function longPastFinal(u: UnpaidInvoice): boolean {
  return u.stageDays >= u.finalDay + LONG_PAST_FINAL_DAYS;
}

export function sentOf(u: UnpaidInvoice, kind: StageKind): SentReminder | undefined {
  return u.sent.find((s) => s.kind === kind);
}

/** The last reminder recorded as sent, or null: what a card may say ("no reminder recorded yet"). */
export function lastSent(u: UnpaidInvoice): SentReminder | null {
  return u.sent.at(-1) ?? null;
}

/** The invoice the advice is about: the longest unpaid that is not in dispute. */
export function worstUnpaid(unpaid: readonly UnpaidInvoice[]): UnpaidInvoice | undefined {
  return unpaid
    .filter((u) => !u.disputed)
    .toSorted((a, b) => b.stageDays - a.stageDays || b.days - a.days || a.number.localeCompare(b.number))[0];
}
