import type { Advice } from "../domain/advice.ts";
import type { Catalog } from "./catalog.ts";
import type { Formatter } from "./format.ts";

export function renderAdvice(a: Advice, t: Catalog, fmt: Formatter): string {
  const d = (date: Date) => fmt.date(date);
  switch (a.id) {
    case "noPattern":
      return t.advice.noPattern;
    case "lateOnce":
      return t.advice.lateOnce({ date: d(a.date) });
    case "latePattern":
      return t.advice.latePattern({ count: a.count, since: d(a.since), last: d(a.last) });
    case "conductOnce":
      return t.advice.conductOnce({ date: d(a.date) });
    case "conductRepeat":
      return t.advice.conductRepeat({ count: a.count, last: d(a.last) });
    case "conductPersistent":
      return t.advice.conductPersistent({ count: a.count, last: d(a.last) });
    case "adviceOnce":
      return t.advice.adviceOnce;
    case "advicePattern":
      return t.advice.advicePattern({ count: a.count, last: d(a.last) });
    case "scope":
    case "ethics":
    case "flags":
      return t.advice[a.id]({ count: a.count, last: d(a.last) });
    case "manyTroubles":
      return t.advice.manyTroubles({ count: a.count, kinds: a.kinds });
    case "hostedUnpaid":
    case "overdueFinal":
      return t.advice[a.id]({ number: a.number, days: a.days });
  }
}
