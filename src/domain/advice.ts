import { isPattern, type LatePayment, lateIn } from "./late-payments.ts";
import type { Money } from "./money.ts";
import { countOf, recentTotals } from "./record-counts.ts";
import type { ClientFacts } from "./risk.ts";
import { lastSent, longPastFinal, pastFinal, type SentReminder, sentOf, worstUnpaid } from "./unpaid-invoice.ts";
import { inWindow, RECENT_DAYS, YEAR_DAYS } from "./windows.ts";

/** What the advice reads: the client's facts, and whether it is a former client. */
export interface AdviceFacts extends ClientFacts {
  /** A former client: only what still applies is advised (settle what is owed, keep the record). */
  former: boolean;
  /** What is still owed, principal and charges: the invoices and the amounts per currency. */
  owed: { invoices: string[]; amounts: Money[] };
}

/** One piece of the playbook's advice, with the facts (counts, dates, invoices) that call for it. */
export type Advice =
  | { id: "noPattern" }
  | { id: "suspend"; number: string; days: number; finalOn: string | null }
  | { id: "chaseOrWriteOff"; number: string; days: number; last: SentReminder | null }
  | { id: "remindPastFinal"; number: string; days: number; last: SentReminder | null }
  | { id: "finalSent"; number: string; days: number; finalOn: string | null }
  | { id: "latePattern" | "lateRepeat"; count: number; since: string; last: string }
  | { id: "lateOnce"; payment: LatePayment }
  | { id: "conductOnce" | "adviceOnce"; on: string }
  | {
      id: "conductRepeat" | "conductPersistent" | "advicePattern" | "scope" | "ethics" | "flags";
      count: number;
      since: string;
      last: string;
    }
  | { id: "manyTroubles"; count: number; kinds: number }
  | { id: "formerOwed"; invoices: string[]; amounts: Money[] }
  | { id: "formerSettled" };

export type AdviceId = Advice["id"];

/** A row of the table: within a topic, the first row whose rule gives advice is the one said. */
export interface AdviceRule {
  topic: "money" | "payments" | "conduct" | "advice" | "scope" | "ethics" | "flags" | "many" | "former";
  id: AdviceId;
  /** The facts this row needs, in words (the table read as the playbook). */
  when: string;
  advise: (f: AdviceFacts) => Advice | null;
}

const unpaidOf = (f: AdviceFacts) => worstUnpaid(f.unpaid);
const lateYear = (f: AdviceFacts) => lateIn(f.latePayments, f.today, YEAR_DAYS);
const span = (payments: readonly LatePayment[]) => ({
  count: payments.length,
  since: payments[0]?.on ?? "",
  last: payments.at(-1)?.on ?? "",
});
const kindSpan = (f: AdviceFacts, kind: "conduct" | "advice" | "scope" | "ethics" | "flag") => {
  const c = countOf(f.counts, kind);
  return c ? { count: c.total, since: c.first, last: c.last } : undefined;
};
const within = (f: AdviceFacts, day: string, days: number) => inWindow(day, f.today, days);

/**
 * PLAYBOOK.md §1–2 as a table (issue #21): advice proportionate to the facts. Once and
 * recently is likely an accounting slip; unpaid long past the final stage is chased or
 * written off, whatever the count; a pattern needs several distinct invoices over time.
 * Each row states only what the record shows (a final notice is named only when recorded
 * as sent). Every row has its own test, in English and French.
 */
export const adviceRules: readonly AdviceRule[] = [
  {
    topic: "money",
    id: "suspend",
    when: "hosted; unpaid past the suspension stage; the final notice recorded as sent, the suspension notice not",
    advise: (f) => {
      const u = unpaidOf(f);
      const final = u && sentOf(u, "final");
      if (!u || !final || !f.hosted || u.suspensionDay === null || u.stageDays < u.suspensionDay) return null;
      if (sentOf(u, "suspension")) return null;
      return { id: "suspend", number: u.number, days: u.days, finalOn: final.on };
    },
  },
  {
    topic: "money",
    id: "chaseOrWriteOff",
    when: "unpaid 30 days or more past the final stage, whatever the count of late payments",
    advise: (f) => {
      const u = unpaidOf(f);
      return u && longPastFinal(u)
        ? { id: "chaseOrWriteOff", number: u.number, days: u.days, last: lastSent(u) }
        : null;
    },
  },
  {
    topic: "money",
    id: "finalSent",
    when: "unpaid past the final stage, the final notice recorded as sent",
    advise: (f) => {
      const u = unpaidOf(f);
      const final = u && sentOf(u, "final");
      return u && final && pastFinal(u) ? { id: "finalSent", number: u.number, days: u.days, finalOn: final.on } : null;
    },
  },
  {
    topic: "money",
    id: "remindPastFinal",
    when: "unpaid past the final stage, no final notice recorded as sent",
    advise: (f) => {
      const u = unpaidOf(f);
      return u && pastFinal(u) ? { id: "remindPastFinal", number: u.number, days: u.days, last: lastSent(u) } : null;
    },
  },
  {
    topic: "payments",
    id: "latePattern",
    when: "3 or more late payments (distinct invoices) in 12 months, spread over 60 days or more",
    advise: (f) => {
      const year = lateYear(f);
      return isPattern(year) ? { id: "latePattern", ...span(year) } : null;
    },
  },
  {
    topic: "payments",
    id: "lateRepeat",
    when: "2 or more late payments in 12 months that are not (yet) a pattern",
    advise: (f) => {
      const year = lateYear(f);
      return year.length >= 2 ? { id: "lateRepeat", ...span(year) } : null;
    },
  },
  {
    topic: "payments",
    id: "lateOnce",
    when: "one late payment in 12 months, in the last 90 days, not unpaid past the final stage",
    advise: (f) => {
      const year = lateYear(f);
      const only = year.length === 1 ? year[0] : undefined;
      if (!only || !within(f, only.on, RECENT_DAYS)) return null;
      const u = f.unpaid.find((x) => x.number === only.invoice);
      return u && pastFinal(u) ? null : { id: "lateOnce", payment: only };
    },
  },
  {
    topic: "conduct",
    id: "conductPersistent",
    when: "3 or more reports of tension, the last in the last 12 months",
    advise: (f) => {
      const s = kindSpan(f, "conduct");
      return s && s.count >= 3 && within(f, s.last, YEAR_DAYS) ? { id: "conductPersistent", ...s } : null;
    },
  },
  {
    topic: "conduct",
    id: "conductRepeat",
    when: "2 reports of tension, the last in the last 12 months",
    advise: (f) => {
      const s = kindSpan(f, "conduct");
      return s && s.count === 2 && within(f, s.last, YEAR_DAYS) ? { id: "conductRepeat", ...s } : null;
    },
  },
  {
    topic: "conduct",
    id: "conductOnce",
    when: "one report of tension, in the last 90 days",
    advise: (f) => {
      const s = kindSpan(f, "conduct");
      return s && s.count === 1 && within(f, s.last, RECENT_DAYS) ? { id: "conductOnce", on: s.last } : null;
    },
  },
  {
    topic: "advice",
    id: "advicePattern",
    when: "advice ignored twice or more",
    advise: (f) => {
      const s = kindSpan(f, "advice");
      return s && s.count >= 2 ? { id: "advicePattern", ...s } : null;
    },
  },
  {
    topic: "advice",
    id: "adviceOnce",
    when: "advice ignored once",
    advise: (f) => {
      const s = kindSpan(f, "advice");
      return s?.count === 1 ? { id: "adviceOnce", on: s.last } : null;
    },
  },
  {
    topic: "scope",
    id: "scope",
    when: "scope creep logged",
    advise: (f) => {
      const s = kindSpan(f, "scope");
      return s ? { id: "scope", ...s } : null;
    },
  },
  {
    topic: "ethics",
    id: "ethics",
    when: "an unethical request logged",
    advise: (f) => {
      const s = kindSpan(f, "ethics");
      return s ? { id: "ethics", ...s } : null;
    },
  },
  {
    topic: "flags",
    id: "flags",
    when: "a warning sign logged",
    advise: (f) => {
      const s = kindSpan(f, "flag");
      return s ? { id: "flags", ...s } : null;
    },
  },
  {
    topic: "many",
    id: "manyTroubles",
    when: "5 or more incidents of 3 or more kinds in the last 90 days",
    advise: (f) => {
      const totals = recentTotals(f.counts);
      return totals.count >= 5 && totals.kinds >= 3 ? { id: "manyTroubles", ...totals } : null;
    },
  },
];

/**
 * A former client (issue #14): only what still applies. No talk with the client, no
 * suspension notice (the handover letter gave the hosting's end date): settle what is owed,
 * keep the record.
 */
export const formerClientRules: readonly AdviceRule[] = [
  {
    topic: "former",
    id: "formerOwed",
    when: "a former client that still owes principal or charges",
    advise: (f) =>
      f.owed.amounts.length > 0 ? { id: "formerOwed", invoices: f.owed.invoices, amounts: f.owed.amounts } : null,
  },
  {
    topic: "former",
    id: "formerSettled",
    when: "a former client that owes nothing",
    advise: () => ({ id: "formerSettled" }),
  },
];

/** The advice for a client: in each topic, the first row of the table that applies. */
export function adviseFor(f: AdviceFacts): Advice[] {
  const out: Advice[] = [];
  const said = new Set<AdviceRule["topic"]>();
  for (const rule of f.former ? formerClientRules : adviceRules) {
    if (said.has(rule.topic)) continue;
    const advice = rule.advise(f);
    if (!advice) continue;
    said.add(rule.topic);
    out.push(advice);
  }
  if (out.length === 0) out.push({ id: "noPattern" });
  return out;
}
