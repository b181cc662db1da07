import type { Advice } from "../domain/advice.ts";
import type { SentReminder } from "../domain/unpaid-invoice.ts";
import type { Catalog } from "./catalog.ts";
import type { Formatter } from "./format.ts";
import { describeLatePayment } from "./render-risk.ts";

/** One piece of advice in words. `slug` names the client in the commands it suggests. */
export function renderAdvice(a: Advice, t: Catalog, fmt: Formatter, slug: string): string {
  const d = (day: string) => fmt.date(day);
  const ta = t.advice;
  const reminders = (last: SentReminder | null) =>
    last ? ta.reminders.last({ kind: last.kind, date: last.on ? d(last.on) : null }) : ta.reminders.none;
  switch (a.id) {
    case "noPattern":
      return ta.noPattern;
    case "suspend":
    case "finalSent":
      return ta[a.id]({ number: a.number, days: a.days, final: reminders({ kind: "final", on: a.finalOn }) });
    case "chaseOrWriteOff":
    case "remindPastFinal":
      return ta[a.id]({ number: a.number, days: a.days, reminders: reminders(a.last) });
    case "latePattern":
    case "lateRepeat":
      return ta[a.id]({ count: a.count, since: d(a.since), last: d(a.last) });
    case "lateOnce":
      return ta.lateOnce({
        payment: describeLatePayment(a.payment, t, fmt),
        unpaid: a.payment.unpaid || a.payment.days === null,
      });
    case "conductOnce":
    case "adviceOnce":
      return ta[a.id]({ date: d(a.on) });
    case "conductRepeat":
    case "conductPersistent":
    case "advicePattern":
    case "scope":
    case "ethics":
    case "flags":
      return ta[a.id]({ count: a.count, since: d(a.since), last: d(a.last) });
    case "manyTroubles":
      return ta.manyTroubles({ count: a.count, kinds: a.kinds });
    case "formerOwed":
      return ta.formerOwed({
        invoices: fmt.list(a.invoices),
        amounts: fmt.list(a.amounts.map((m) => fmt.money(m.minor, m.currency))),
        slug,
      });
    case "formerSettled":
      return ta.formerSettled({ slug });
  }
}
