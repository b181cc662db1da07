import { daysBetween } from "../domain/dates.ts";
import type { StageKind } from "../domain/stages.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";
import { explainCharges } from "./explain-charges.ts";

/**
 * One open invoice in words: `INV-7 · ACME Corp · €1,200.00 due 15 Jan 2026 · 12 days overdue
 * · charges so far €45.20 · next: …`, then a line per charge saying how it was computed.
 */
export function describeInvoice(
  a: InvoiceAssessment,
  t: Catalog,
  fmt: Formatter,
  today: string,
): { line: string; details: string[] } {
  const { invoice, client } = a.source;
  const money = (minor: number) => fmt.money(minor, invoice.currency);
  const l = t.invoices.list;
  const state: string[] = [];
  if (a.outstandingMinor === 0) state.push(l.paidLate);
  else {
    const days = daysBetween(invoice.dueOn, today);
    state.push(days > 0 ? l.overdue({ days }) : days === 0 ? l.dueToday : l.notDue({ days: -days }));
    if (a.outstandingMinor !== invoice.amountMinor) state.push(l.unpaid({ amount: money(a.outstandingMinor) }));
  }
  if (invoice.disputedSince) state.push(l.disputed({ date: fmt.date(invoice.disputedSince) }));
  if (a.chargesOwedMinor > 0) {
    state.push(
      a.outstandingMinor > 0
        ? l.charges({ amount: money(a.chargesOwedMinor) })
        : l.chargesOwed({ amount: money(a.chargesOwedMinor) }),
    );
  }
  const stage = a.stage;
  const kind = (k: StageKind) => t.invoices.stageKinds[k];
  if (stage.due) state.push(l.dueStage({ stage: kind(stage.due.kind), number: invoice.number }));
  else if (stage.next && a.outstandingMinor > 0)
    state.push(l.next({ stage: kind(stage.next.stage.kind), date: fmt.date(stage.next.on) }));
  const line = l.line({
    number: invoice.number,
    client: client.displayName,
    amount: money(invoice.amountMinor),
    due: fmt.date(invoice.dueOn),
    state: state.join(" · "),
  });
  const details = a.chargesWaived ? [] : explainCharges(a.charges, a.chargesSettledMinor, t, fmt, client.slug);
  return { line, details };
}
