import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import { type Message, message } from "../messages/message.ts";
import { invoiceButtons, isSnoozed } from "./build-digest.ts";
import type { OverdueInvoice, StageRef } from "./digest-data.ts";
import { stageLabel } from "./labels.ts";

/**
 * The overdue invoices that call for an alert today: the stage planner's due stage (reached,
 * not recorded as sent by a person, not disputed, not snoozed). It is only ever the highest
 * stage reached, so after a gap an invoice is alerted once, at its current stage.
 */
export function dueAlerts(overdue: readonly OverdueInvoice[], today: string): (OverdueInvoice & { due: StageRef })[] {
  return overdue.filter(
    (i): i is OverdueInvoice & { due: StageRef } => i.due !== null && !i.disputed && !isSnoozed(i, today),
  );
}

/** The unique key of an alert: once per invoice and stage. */
export function alertKey(inv: OverdueInvoice & { due: StageRef }): string {
  return `${inv.invoiceId}:${inv.due.number}`;
}

/** One overdue alert: what happened, what to do, and the draft a button away. */
export function buildAlert(inv: OverdueInvoice & { due: StageRef }, t: Catalog, fmt: Formatter): Message {
  const stage = stageLabel(t, inv.due.kind);
  const text = t.digest.alert.text({
    number: inv.number,
    client: inv.clientName,
    days: inv.daysLate,
    stage,
    amount: fmt.money(inv.outstandingMinor, inv.currency),
    charges: inv.chargesMinor > 0 ? fmt.money(inv.chargesMinor, inv.currency) : null,
  });
  const missing = inv.missingRates.map((r) =>
    t.invoices.charges.notes.missingRateShort({
      series: t.invoices.charges.series[r.series],
      date: fmt.date(r.on),
      from: fmt.date(r.from),
    }),
  );
  return message(text)
    .header(t.digest.alert.title({ number: inv.number, client: inv.clientName }))
    .text([text, ...missing].join(" "))
    .context(t.digest.alert.hint)
    .buttons(invoiceButtons(inv, t))
    .build();
}
