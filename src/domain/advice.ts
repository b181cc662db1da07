import type { IncidentKind } from "../../db/schema/incidents.ts";

/** What the client's record shows, per incident kind. */
export interface KindSummary {
  kind: IncidentKind;
  total: number;
  /** In the last 90 days. */
  recent: number;
  first: Date;
  firstRecent: Date | null;
  last: Date;
}

/** One piece of the playbook's advice, with the facts (counts, dates) that call for it. */
export type Advice =
  | { id: "noPattern" }
  | { id: "lateOnce"; date: Date }
  | { id: "latePattern"; count: number; since: Date; last: Date }
  | { id: "conductOnce"; date: Date }
  | { id: "conductRepeat" | "conductPersistent"; count: number; last: Date }
  | { id: "adviceOnce" }
  | { id: "advicePattern"; count: number; last: Date }
  | { id: "scope" | "ethics" | "flags"; count: number; last: Date }
  | { id: "manyTroubles"; count: number; kinds: number }
  | { id: "hostedUnpaid" | "overdueFinal"; number: string; days: number };

/** Payment facts beyond incident counts (from the client's invoices). */
export interface PaymentFacts {
  /** The agency hosts the client's site and this invoice is unpaid past its final notice. */
  hostedUnpaid?: { number: string; days: number } | undefined;
  /** An invoice unpaid past its final notice (the agency does not host the site). */
  overdueFinal?: { number: string; days: number } | undefined;
}

/**
 * PLAYBOOK.md §1 as rules: one occurrence is a nudge, a pattern is a decision point.
 * Proportionate, and always with its reasons.
 */
export function adviseFor(summaries: readonly KindSummary[], payment: PaymentFacts = {}): Advice[] {
  const by = new Map(summaries.map((s) => [s.kind, s]));
  const out: Advice[] = [];
  // PLAYBOOK.md §2: hosted and unpaid calls for a clear, polite suspension notice, in advance.
  if (payment.hostedUnpaid) out.push({ id: "hostedUnpaid", ...payment.hostedUnpaid });
  // Unpaid past the final notice is no accounting slip: the money must actually arrive.
  else if (payment.overdueFinal) out.push({ id: "overdueFinal", ...payment.overdueFinal });
  const longUnpaid = Boolean(payment.hostedUnpaid ?? payment.overdueFinal);

  const recentTotal = summaries.reduce((n, s) => n + s.recent, 0);
  const recentKinds = summaries.filter((s) => s.recent > 0 && s.kind !== "note").length;
  if (recentTotal >= 5 && recentKinds >= 3) out.push({ id: "manyTroubles", count: recentTotal, kinds: recentKinds });

  const late = by.get("late");
  if (late) {
    if (late.recent >= 2) {
      out.push({ id: "latePattern", count: late.recent, since: late.firstRecent ?? late.first, last: late.last });
    } else if (late.total >= 3) {
      out.push({ id: "latePattern", count: late.total, since: late.first, last: late.last });
    } else {
      if (!longUnpaid) out.push({ id: "lateOnce", date: late.last });
    }
  }

  const conduct = by.get("conduct");
  if (conduct) {
    if (conduct.total >= 3) out.push({ id: "conductPersistent", count: conduct.total, last: conduct.last });
    else if (conduct.total === 2) out.push({ id: "conductRepeat", count: 2, last: conduct.last });
    else out.push({ id: "conductOnce", date: conduct.last });
  }

  const advice = by.get("advice");
  if (advice) {
    out.push(
      advice.total >= 2 ? { id: "advicePattern", count: advice.total, last: advice.last } : { id: "adviceOnce" },
    );
  }

  for (const [kind, id] of [
    ["scope", "scope"],
    ["ethics", "ethics"],
    ["flag", "flags"],
  ] as const) {
    const s = by.get(kind);
    if (s) out.push({ id, count: s.total, last: s.last });
  }

  if (out.length === 0) out.push({ id: "noPattern" });
  return out;
}
