import { addDays } from "./dates.ts";
import { inWindow, TREND_DAYS, windowStart, YEAR_DAYS } from "./windows.ts";

/**
 * Late payments (issue #21): one per invoice, however it became known. An invoice that went
 * overdue or was paid after its due date, a `late` incident that names it, and several
 * incidents about it are one late payment; only an incident that names no invoice is a late
 * payment on its own. A late payment happened on the day it fell due (the invoice's due date);
 * when the record knows no due date, on the day it was logged. Every window uses that day.
 */
export interface LatePayment {
  /** What makes it one: `invoice:<id>`, `ref:<number>` (an invoice not recorded), `log:<id>`. */
  key: string;
  /** The day it happened (see above). */
  on: string;
  /** How `on` is known: the invoice's due date, or only the day it was logged. */
  dated: "due" | "logged";
  /** The invoice's number (or the reference typed in the incident), if any. */
  invoice: string | null;
  /** Days late to the payment, or to today while unpaid; null when only an incident says it was late. */
  days: number | null;
  /** Still unpaid past its due date. */
  unpaid: boolean;
  /** How many incidents were logged about it (notes count per incident). */
  logs: number;
  /** Written off or voided while unpaid: the day, and `days` counts to it. Kept in the record (DESIGN.md §7). */
  closed?: Closed;
}

/** An invoice closed while unpaid: written off (the debt given up) or voided. */
export interface Closed {
  kind: "write-off" | "void";
  on: string;
}

/** An invoice as lateness reads it. */
export interface InvoiceLateness {
  id: number;
  number: string;
  dueOn: string;
  /** Overdue now, or paid (or credited) after its due date. */
  late: boolean;
  /** Overdue now. */
  unpaid: boolean;
  /** Days late to the full payment, or to today while unpaid (to the day it was closed, if it was). */
  days: number;
  /** Written off or voided while unpaid. */
  closed?: Closed;
}

/** A `late` incident, with the invoice it names when that invoice is recorded. */
export interface LateLog {
  id: number;
  /** The local day it was logged. */
  loggedOn: string;
  invoiceId: number | null;
  /** The named invoice's number and due date, when recorded (found by id or by number). */
  invoiceNumber: string | null;
  invoiceDueOn: string | null;
  /** The invoice reference as typed. */
  invoiceRef: string | null;
}

/** The late payments of one client: its late invoices and its `late` incidents, one per invoice. Oldest first. */
export function latePaymentsOf(invoices: readonly InvoiceLateness[], logs: readonly LateLog[]): LatePayment[] {
  const byKey = new Map<string, LatePayment>();
  for (const inv of invoices) {
    if (!inv.late) continue;
    byKey.set(`invoice:${inv.id}`, {
      key: `invoice:${inv.id}`,
      on: inv.dueOn,
      dated: "due",
      invoice: inv.number,
      days: inv.days,
      unpaid: inv.unpaid,
      logs: 0,
      ...(inv.closed ? { closed: inv.closed } : {}),
    });
  }
  for (const log of logs) {
    const key = latePaymentKey(log);
    const ref = log.invoiceRef?.trim() ?? "";
    const known = byKey.get(key);
    // The earliest of the due date and the logs: a log never dates a late payment after itself.
    const on = log.invoiceDueOn && log.invoiceDueOn < log.loggedOn ? log.invoiceDueOn : log.loggedOn;
    if (known) {
      known.logs += 1;
      if (on < known.on) known.on = on;
      continue;
    }
    byKey.set(key, {
      key,
      on,
      dated: log.invoiceDueOn !== null && on === log.invoiceDueOn ? "due" : "logged",
      invoice: log.invoiceNumber ?? (ref || null),
      days: null,
      unpaid: false,
      logs: 1,
    });
  }
  return [...byKey.values()].sort((a, b) => a.on.localeCompare(b.on) || a.key.localeCompare(b.key));
}

/**
 * Which late payment an incident is about: its invoice (recorded, or only typed), else the
 * incident alone. Two incidents with one key are one late payment.
 */
export function latePaymentKey(log: { id: number; invoiceId: number | null; invoiceRef: string | null }): string {
  if (log.invoiceId !== null) return `invoice:${log.invoiceId}`;
  const ref = (log.invoiceRef ?? "").trim().replace(/^#/, "").toLowerCase();
  return ref ? `ref:${ref}` : `log:${log.id}`;
}

/** The late payments that happened in the window of `days` days ending today. */
export function lateIn(payments: readonly LatePayment[], today: string, days: number): LatePayment[] {
  return payments.filter((p) => inWindow(p.on, today, days));
}

/** A pattern needs several distinct invoices, spread over time (PLAYBOOK.md §1: "often"). */
export const PATTERN_MIN = 3;
export const PATTERN_SPAN_DAYS = 60;

/** Whether these late payments (one window's) make a pattern: at least 3, spread over at least 60 days. */
export function isPattern(payments: readonly LatePayment[]): boolean {
  const first = payments[0];
  const last = payments.at(-1);
  if (!first || !last || payments.length < PATTERN_MIN) return false;
  return addDays(first.on, PATTERN_SPAN_DAYS) <= last.on;
}

/** At least this many late payments with known days in each period before a trend is said. */
export const TREND_MIN = 3;

export interface Trend {
  /** Average days late in the earlier part of the last 12 months, and in the last 180 days. */
  before: number;
  after: number;
}

/**
 * Days late on average in the last 180 days against the rest of the last 12 months, only when
 * each period has at least 3 late payments whose days are known: fewer say nothing about a trend.
 */
export function lateTrend(payments: readonly LatePayment[], today: string): Trend | null {
  const lately = windowStart(today, TREND_DAYS);
  const known = lateIn(payments, today, YEAR_DAYS).flatMap((p) =>
    p.days === null ? [] : [{ on: p.on, days: p.days }],
  );
  const before = known.filter((p) => p.on < lately).map((p) => p.days);
  const after = known.filter((p) => p.on >= lately).map((p) => p.days);
  if (before.length < TREND_MIN || after.length < TREND_MIN) return null;
  return { before: average(before), after: average(after) };
}

export function average(values: readonly number[]): number {
  return Math.round(values.reduce((n, v) => n + v, 0) / values.length);
}
