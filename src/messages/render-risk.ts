import type { LatePayment } from "../domain/late-payments.ts";
import type { RiskAssessment, RiskReason } from "../domain/risk.ts";
import type { Catalog } from "./catalog.ts";
import type { Formatter } from "./format.ts";

/**
 * The risk level and the one or two facts that set it, in one line: what the card, the list,
 * App Home, the digest and the wizard all show ("at risk: INV-9 unpaid 43 days…").
 */
export function riskHeadline(risk: RiskAssessment, t: Catalog, fmt: Formatter): string {
  return t.risk.headline({
    level: t.risk.levels[risk.level],
    facts: risk.headline.map((r) => describeReason(r, t, fmt)),
  });
}

/** The reasons beyond the headline: the details under it. */
export function riskDetails(risk: RiskAssessment, t: Catalog, fmt: Formatter): string[] {
  return risk.reasons.filter((r) => !risk.headline.includes(r)).map((r) => describeReason(r, t, fmt));
}

/** One late payment as the record knows it: its invoice, when it fell due (or was logged), how late. */
export function describeLatePayment(p: LatePayment, t: Catalog, fmt: Formatter): string {
  return t.advice.latePayment({
    invoice: p.invoice,
    date: fmt.date(p.on),
    dated: p.dated,
    days: p.days,
    unpaid: p.unpaid,
    closed: p.closed ? { kind: p.closed.kind, date: fmt.date(p.closed.on) } : null,
  });
}

/** One risk reason in words, with its facts (counts, days, amounts, dates) and its window. */
export function describeReason(r: RiskReason, t: Catalog, fmt: Formatter): string {
  const rr = t.risk.reasons;
  switch (r.id) {
    case "none":
      return rr.none;
    case "overdue":
      return rr.overdue({
        number: r.number,
        days: r.days,
        amount: fmt.money(r.amountMinor, r.currency),
        closed: r.closed ? { kind: r.closed.kind, date: fmt.date(r.closed.on) } : null,
      });
    case "hostedUnpaid":
      return rr.hostedUnpaid({ number: r.number, date: r.finalOn ? fmt.date(r.finalOn) : null });
    case "lateOnce":
      return rr.lateOnce({ payment: describeLatePayment(r.payment, t, fmt) });
    case "lateRepeat":
    case "latePattern":
      return rr[r.id]({ count: r.count, average: r.averageDays, since: fmt.date(r.since), last: fmt.date(r.last) });
    case "worsening":
    case "improving":
      return rr[r.id]({ before: r.before, after: r.after });
    case "conduct":
    case "ethics":
    case "advice":
    case "scope":
    case "flags":
      return rr[r.id]({ count: r.count });
    case "many":
      return rr.many({ count: r.count, kinds: r.kinds });
  }
}
