import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import { type Message, message } from "../messages/message.ts";
import { invoiceButtons, isSnoozed } from "./build-digest.ts";
import type { OverdueInvoice } from "./digest-data.ts";
import { stageLabel } from "./labels.ts";

/**
 * The overdue invoices that call for an alert today: a reminder stage reached that nobody has
 * recorded as sent, not disputed, not snoozed. Only the highest stage due is ever named (the
 * stage planner gives that), so after a gap an invoice is alerted once, at its current stage.
 */
export function dueAlerts(overdue: readonly OverdueInvoice[], today: string): OverdueInvoice[] {
  return overdue.filter(
    (i) => i.stage > 0 && i.stageName !== null && !i.disputed && !isSnoozed(i, today) && i.remindedStage < i.stage,
  );
}

/** The unique key of an alert: once per invoice and stage. */
export function alertKey(inv: OverdueInvoice): string {
  return `${inv.invoiceId}:${inv.stage}`;
}

/** One overdue alert: what happened, what to do, and the draft a button away. */
export function buildAlert(inv: OverdueInvoice, t: Catalog, fmt: Formatter): Message {
  const stage = stageLabel(t, inv.stageName ?? "");
  const text = t.digest.alert.text({
    number: inv.number,
    client: inv.clientName,
    days: inv.daysLate,
    stage,
    amount: fmt.money(inv.outstandingMinor, inv.currency),
    charges: inv.chargesMinor > 0 ? fmt.money(inv.chargesMinor, inv.currency) : null,
  });
  return message(text)
    .header(t.digest.alert.title({ number: inv.number, client: inv.clientName }))
    .text(text)
    .context(t.digest.alert.hint)
    .buttons(invoiceButtons(inv, t))
    .build();
}
