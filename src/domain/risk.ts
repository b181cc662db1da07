import type { KindSummary } from "./advice.ts";
import { addDays } from "./dates.ts";

/**
 * A transparent risk level per client (ok, watch, at risk, consider ending), from its
 * payment behaviour and its incidents. Every level comes with the facts that set it; the
 * level is the highest any reason calls for. Pure.
 */
export const riskLevels = ["ok", "watch", "at-risk", "consider-ending"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** A late payment: an invoice paid late or still unpaid, or a `late` incident logged by hand. */
export interface LateEvent {
  /** The first late day (due date + 1), or the day the incident was logged. */
  on: string;
  /** Days late to the payment (or today while unpaid); null for an incident without an invoice. */
  days: number | null;
  /** Still unpaid: the lateness goes on, so it stays recent however long ago it began. */
  ongoing?: boolean;
}

export interface OverdueInvoice {
  number: string;
  days: number;
  amountMinor: number;
  currency: string;
  /** The last reminder stage recorded as sent, if any. */
  stageKind: "first" | "second" | "final" | "suspension" | null;
}

export interface RiskInput {
  today: string;
  /** Incident counts by kind (recent = last 90 days); `late` is ignored here (see lateEvents). */
  incidents: readonly KindSummary[];
  lateEvents: readonly LateEvent[];
  overdue: readonly OverdueInvoice[];
  hosted: boolean;
}

export type RiskReason = { level: RiskLevel } & (
  | { id: "none" }
  | { id: "overdue"; number: string; days: number; amountMinor: number; currency: string }
  | { id: "lateOnce"; on: string; days: number | null }
  | { id: "lateMany"; count: number; averageDays: number | null; last: string }
  | { id: "worsening"; before: number; after: number }
  | { id: "conduct" | "ethics" | "advice" | "scope" | "flags"; count: number }
  | { id: "many"; count: number; kinds: number }
  | { id: "hostedUnpaid" }
);

export interface RiskAssessment {
  level: RiskLevel;
  /** Highest level first. */
  reasons: RiskReason[];
}

const YEAR_DAYS = 365;

/** The risk level of one client on `today`, with every reason that sets it (highest first). */
export function assessRisk(input: RiskInput): RiskAssessment {
  const reasons: RiskReason[] = [];
  for (const o of input.overdue) {
    const level: RiskLevel = o.days > 60 ? "consider-ending" : o.days > 30 ? "at-risk" : "watch";
    reasons.push({
      level,
      id: "overdue",
      number: o.number,
      days: o.days,
      amountMinor: o.amountMinor,
      currency: o.currency,
    });
  }
  if (input.hosted && input.overdue.some((o) => o.stageKind === "final" || o.stageKind === "suspension")) {
    reasons.push({ level: "at-risk", id: "hostedUnpaid" });
  }

  const since = addDays(input.today, -YEAR_DAYS);
  const events = input.lateEvents
    .filter((e) => (e.on > since || e.ongoing) && e.on <= input.today)
    .toSorted((a, b) => a.on.localeCompare(b.on));
  const last = events.at(-1);
  if (events.length === 1 && last) {
    reasons.push({ level: "watch", id: "lateOnce", on: last.on, days: last.days });
  } else if (events.length > 1 && last) {
    const known = events.flatMap((e) => (e.days === null ? [] : [e.days]));
    reasons.push({
      level: events.length >= 4 ? "consider-ending" : "at-risk",
      id: "lateMany",
      count: events.length,
      averageDays: known.length > 0 ? average(known) : null,
      last: last.on,
    });
    if (known.length >= 3) {
      const half = Math.floor(known.length / 2);
      const before = average(known.slice(0, half));
      const after = average(known.slice(half));
      if (after >= 10 && after > before + 7) reasons.push({ level: "at-risk", id: "worsening", before, after });
    }
  }

  const recent = (kind: KindSummary["kind"]) => input.incidents.find((s) => s.kind === kind)?.recent ?? 0;
  const conduct = recent("conduct");
  if (conduct > 0) {
    reasons.push({
      level: conduct >= 3 ? "consider-ending" : conduct === 2 ? "at-risk" : "watch",
      id: "conduct",
      count: conduct,
    });
  }
  const ethics = recent("ethics");
  if (ethics > 0) reasons.push({ level: ethics >= 2 ? "at-risk" : "watch", id: "ethics", count: ethics });
  if (recent("advice") >= 2) reasons.push({ level: "watch", id: "advice", count: recent("advice") });
  if (recent("scope") >= 3) reasons.push({ level: "watch", id: "scope", count: recent("scope") });
  const flags = input.incidents.find((s) => s.kind === "flag")?.total ?? 0;
  if (flags >= 2) reasons.push({ level: "watch", id: "flags", count: flags });
  const recentTotal = input.incidents.reduce((n, s) => n + s.recent, 0);
  const recentKinds = input.incidents.filter((s) => s.recent > 0 && s.kind !== "note").length;
  if (recentTotal >= 5 && recentKinds >= 3)
    reasons.push({ level: "at-risk", id: "many", count: recentTotal, kinds: recentKinds });

  if (reasons.length === 0) return { level: "ok", reasons: [{ level: "ok", id: "none" }] };
  reasons.sort((a, b) => rank(b.level) - rank(a.level));
  return { level: reasons[0]?.level ?? "ok", reasons };
}

/** Orders levels: ok 0 … consider-ending 3 (e.g. to tell that a client's risk rose). */
export function rank(level: RiskLevel): number {
  return riskLevels.indexOf(level);
}

function average(values: readonly number[]): number {
  return Math.round(values.reduce((n, v) => n + v, 0) / values.length);
}
