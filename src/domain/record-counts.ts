import { type IncidentKind, incidentKinds } from "./incident-kinds.ts";
import { type LatePayment, lateIn } from "./late-payments.ts";
import { RECENT_DAYS } from "./windows.ts";

/** How many of one kind the record shows, in the last 90 days and in all, with first and last days. */
export interface KindCount {
  kind: IncidentKind;
  /** In the last 90 days (windows.ts). */
  recent: number;
  total: number;
  /** Local days: the first and the last, and the first in the last 90 days (null when none). */
  first: string;
  last: string;
  firstRecent: string | null;
  /** Incidents logged: for late payments, the notes about them (counted per incident, not per payment). */
  logs: number;
}

/** Incidents of one kind other than late payments, as the database tallies them per local day window. */
export interface IncidentTally {
  kind: IncidentKind;
  total: number;
  recent: number;
  first: string;
  last: string;
  firstRecent: string | null;
}

/**
 * THE count of a client's record, which every view shows (card, list, App Home, digest,
 * wizard): incidents per incident, late payments per late payment (one per invoice, see
 * late-payments.ts), lessons never. In the order of `incidentKinds`; kinds with nothing left out.
 */
export function countRecord(
  today: string,
  tallies: readonly IncidentTally[],
  latePayments: readonly LatePayment[],
): KindCount[] {
  const byKind = new Map<IncidentKind, KindCount>();
  for (const t of tallies) {
    if (t.kind === "late" || t.total === 0) continue;
    byKind.set(t.kind, { ...t, logs: t.total });
  }
  const first = latePayments[0];
  const last = latePayments.at(-1);
  if (first && last) {
    const recent = lateIn(latePayments, today, RECENT_DAYS);
    byKind.set("late", {
      kind: "late",
      recent: recent.length,
      total: latePayments.length,
      first: first.on,
      last: last.on,
      firstRecent: recent[0]?.on ?? null,
      logs: latePayments.reduce((n, p) => n + p.logs, 0),
    });
  }
  return incidentKinds.flatMap((k) => {
    const c = byKind.get(k);
    return c ? [c] : [];
  });
}

/** Incidents in the last 90 days, all kinds (what the list says), and how many kinds of trouble (notes aside). */
export function recentTotals(counts: readonly KindCount[]): { count: number; kinds: number } {
  return {
    count: counts.reduce((n, c) => n + c.recent, 0),
    kinds: counts.filter((c) => c.recent > 0 && c.kind !== "note").length,
  };
}

export function countOf(counts: readonly KindCount[], kind: IncidentKind): KindCount | undefined {
  return counts.find((c) => c.kind === kind);
}
