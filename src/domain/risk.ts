import { average, type Closed, isPattern, type LatePayment, lateIn, lateTrend } from "./late-payments.ts";
import { countOf, type KindCount, recentTotals } from "./record-counts.ts";
import { longPastFinal, pastFinal, sentOf, type UnpaidInvoice } from "./unpaid-invoice.ts";
import { YEAR_DAYS } from "./windows.ts";

/**
 * A transparent risk level per client (ok, watch, at risk, consider ending), from its payment
 * behaviour and its incidents. Every level comes with the facts that set it: the level is
 * the highest any reason calls for, and its headline names the one or two facts at that
 * level. The card, the list, App Home, the digest and the wizard all show this. Pure.
 */
export const riskLevels = ["ok", "watch", "at-risk", "consider-ending"] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** What a client's record shows today: what the risk level and the advice read. */
export interface ClientFacts {
  today: string;
  /** The record's counts (record-counts.ts): incidents per incident, late payments per invoice. */
  counts: readonly KindCount[];
  /** One per invoice (late-payments.ts), oldest first. */
  latePayments: readonly LatePayment[];
  /** Invoices unpaid past their due date. */
  unpaid: readonly UnpaidInvoice[];
  /**
   * Invoices written off or voided while unpaid past their due date, in the last 12 months,
   * as they stood that day: giving a debt up does not make the client less of a risk.
   */
  closedUnpaid?: readonly UnpaidInvoice[];
  /** The agency hosts the client's site. */
  hosted: boolean;
}

export type RiskReason = { level: RiskLevel } & (
  | { id: "none" }
  | { id: "overdue"; number: string; days: number; amountMinor: number; currency: string; closed?: Closed }
  | { id: "hostedUnpaid"; number: string; finalOn: string | null }
  | { id: "lateOnce"; payment: LatePayment }
  | { id: "lateRepeat" | "latePattern"; count: number; since: string; last: string; averageDays: number | null }
  | { id: "worsening" | "improving"; before: number; after: number }
  | { id: "conduct" | "ethics" | "advice" | "scope"; count: number }
  | { id: "flags"; count: number }
  | { id: "many"; count: number; kinds: number }
);

export interface RiskAssessment {
  level: RiskLevel;
  /** The one or two facts that set the level: what every view shows on one line. */
  headline: RiskReason[];
  /** Every reason, highest level first; the ones after the headline are the details. */
  reasons: RiskReason[];
}

/** The risk of a client whose record shows nothing: "ok", and why. */
export const quietRisk: RiskAssessment = {
  level: "ok",
  headline: [{ level: "ok", id: "none" }],
  reasons: [{ level: "ok", id: "none" }],
};

/** At this many late payments in 12 months, a pattern is a decision point. */
const PATTERN_ENDING = 5;
/** A trend is said when the averages differ by more than this many days. */
const TREND_DAYS_APART = 7;

/** Within one level, the order reasons are named in. */
const priority: RiskReason["id"][] = [
  "overdue",
  "hostedUnpaid",
  "latePattern",
  "worsening",
  "conduct",
  "ethics",
  "many",
  "lateRepeat",
  "lateOnce",
  "advice",
  "scope",
  "flags",
  "improving",
  "none",
];

/** The risk level of one client on `facts.today`, with every reason that sets it. */
export function assessRisk(facts: ClientFacts): RiskAssessment {
  const reasons: RiskReason[] = [...paymentReasons(facts), ...incidentReasons(facts.counts)];
  if (reasons.length === 0) return quietRisk;
  reasons.sort(
    (a, b) =>
      rank(b.level) - rank(a.level) ||
      priority.indexOf(a.id) - priority.indexOf(b.id) ||
      // What is still owed comes before what was given up, then the longest unpaid.
      (a.id === "overdue" && b.id === "overdue" ? Number(!!a.closed) - Number(!!b.closed) || b.days - a.days : 0),
  );
  const level = reasons[0]?.level ?? "ok";
  return { level, headline: reasons.filter((r) => r.level === level).slice(0, 2), reasons };
}

function paymentReasons(facts: ClientFacts): RiskReason[] {
  const out: RiskReason[] = [];
  for (const u of [...facts.unpaid, ...(facts.closedUnpaid ?? [])]) {
    // The reminders' own calendar: before the final stage it may still be a slip.
    const level: RiskLevel = longPastFinal(u) ? "consider-ending" : pastFinal(u) ? "at-risk" : "watch";
    out.push({
      level,
      id: "overdue",
      number: u.number,
      days: u.days,
      amountMinor: u.amountMinor,
      currency: u.currency,
      ...(u.closed ? { closed: u.closed } : {}),
    });
    const final = sentOf(u, "final");
    // Hosting goes on costing the agency; only a final notice recorded as sent makes it a fact.
    if (facts.hosted && final && pastFinal(u) && !u.closed) {
      out.push({ level: "at-risk", id: "hostedUnpaid", number: u.number, finalOn: final.on });
    }
  }
  const year = lateIn(facts.latePayments, facts.today, YEAR_DAYS);
  const first = year[0];
  const last = year.at(-1);
  // One late payment that is the unpaid (or closed unpaid) invoice already named says nothing more.
  const named =
    (first?.unpaid && facts.unpaid.some((u) => u.number === first.invoice)) ||
    (first?.closed && (facts.closedUnpaid ?? []).some((u) => u.number === first.invoice));
  if (year.length === 1 && first && !named) out.push({ level: "watch", id: "lateOnce", payment: first });
  if (year.length > 1 && first && last) {
    const known = year.flatMap((p) => (p.days === null ? [] : [p.days]));
    const pattern = isPattern(year);
    out.push({
      level: !pattern ? "watch" : year.length >= PATTERN_ENDING ? "consider-ending" : "at-risk",
      id: pattern ? "latePattern" : "lateRepeat",
      count: year.length,
      since: first.on,
      last: last.on,
      averageDays: known.length > 0 ? average(known) : null,
    });
  }
  const trend = lateTrend(facts.latePayments, facts.today);
  if (trend && trend.after > trend.before + TREND_DAYS_APART) out.push({ level: "at-risk", id: "worsening", ...trend });
  if (trend && trend.after < trend.before - TREND_DAYS_APART) out.push({ level: "ok", id: "improving", ...trend });
  return out;
}

function incidentReasons(counts: readonly KindCount[]): RiskReason[] {
  const out: RiskReason[] = [];
  const recent = (kind: KindCount["kind"]) => countOf(counts, kind)?.recent ?? 0;
  const conduct = recent("conduct");
  if (conduct > 0) {
    const level: RiskLevel = conduct >= 3 ? "consider-ending" : conduct === 2 ? "at-risk" : "watch";
    out.push({ level, id: "conduct", count: conduct });
  }
  const ethics = recent("ethics");
  if (ethics > 0) out.push({ level: ethics >= 2 ? "at-risk" : "watch", id: "ethics", count: ethics });
  if (recent("advice") >= 2) out.push({ level: "watch", id: "advice", count: recent("advice") });
  if (recent("scope") >= 3) out.push({ level: "watch", id: "scope", count: recent("scope") });
  const flags = countOf(counts, "flag")?.total ?? 0;
  if (flags >= 2) out.push({ level: "watch", id: "flags", count: flags });
  const totals = recentTotals(counts);
  if (totals.count >= 5 && totals.kinds >= 3) out.push({ level: "at-risk", id: "many", ...totals });
  return out;
}

/** Orders levels: ok 0 … consider-ending 3 (e.g. to tell that a client's risk rose). */
export function rank(level: RiskLevel): number {
  return riskLevels.indexOf(level);
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === "string" && (riskLevels as readonly string[]).includes(value);
}
