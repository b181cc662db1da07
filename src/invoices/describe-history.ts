import type { HistoryLine } from "../../db/queries/open-invoices.ts";
import type { Context } from "../core/context.ts";
import { addDays } from "../domain/dates.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { GivenUp } from "./record-history.ts";

type Amounts = Pick<
  GivenUp,
  "currency" | "principalMinor" | "interestMinor" | "feeMinor" | "settledMinor" | "chargesMinor" | "daysLate"
>;

/** "€133.92 of late-payment charges (interest €93.92, recovery fee €40.00)", or null when none were owed. */
export function describeChargesGivenUp(a: Amounts, t: Catalog, fmt: Formatter): string | null {
  if (a.chargesMinor <= 0) return null;
  const money = (minor: number) => fmt.money(minor, a.currency);
  return t.invoices.history.charges({
    amount: money(a.chargesMinor),
    interest: a.interestMinor > 0 ? money(a.interestMinor) : null,
    fee: a.feeMinor > 0 ? money(a.feeMinor) : null,
    settled: a.settledMinor > 0 ? money(a.settledMinor) : null,
  });
}

/** One entry of an invoice's history in words, with the amounts of its day. */
export function describeHistory(number: string, e: HistoryLine, t: Catalog, fmt: Formatter): string {
  const h = t.invoices.history;
  const date = fmt.date(e.onDay);
  const money = (minor: number) => fmt.money(minor, e.currency);
  let line: string;
  switch (e.kind) {
    case "write-off":
    case "void":
      line = h.closed({
        kind: e.kind,
        number,
        date,
        principal: e.principalMinor > 0 ? money(e.principalMinor) : null,
        days: e.daysLate,
        charges: describeChargesGivenUp(e, t, fmt),
      });
      break;
    case "waiver":
      line = h.waiver({ number, date, charges: describeChargesGivenUp(e, t, fmt) ?? money(0) });
      break;
    case "dispute-upheld":
    case "dispute-not-upheld": {
      const period = disputePeriod(e);
      const p = {
        number,
        from: fmt.date(period.from),
        to: fmt.date(period.to),
        days: period.days,
        interest: money(e.interestMinor),
      };
      line = e.kind === "dispute-upheld" ? h.disputeUpheld(p) : h.disputeNotUpheld(p);
      break;
    }
  }
  return e.note ? `${line} (${h.note({ note: e.note })})` : line;
}

/** A dispute's days as its history keeps them: first and last day, inclusive. */
export function disputePeriod(e: HistoryLine): { from: string; to: string; days: number } {
  const from = typeof e.details.from === "string" ? e.details.from : e.onDay;
  const until = typeof e.details.until === "string" ? e.details.until : e.onDay;
  const days = typeof e.details.days === "number" ? e.details.days : 0;
  return { from, to: addDays(until, -1), days };
}

/** What was just given up, in the words the card uses later. */
export function describeGivenUp(ctx: Context, g: GivenUp, number: string): string {
  return describeHistory(
    number,
    { ...g, id: 0, onDay: g.on, details: {}, note: null, recordedBy: ctx.user.id },
    ctx.t,
    ctx.fmt,
  );
}
