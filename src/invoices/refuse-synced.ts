import type { InvoiceRow } from "../../db/queries/invoices.ts";
import { sourceLabel } from "../connectors/source-label.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";

/**
 * A synced invoice's payments, credits and void come from its source: changed by hand here,
 * the next sync would contradict them (a payment typed here and then reported by Stripe would
 * count twice). So the change is refused, saying where to make it. Late-payment charges,
 * disputes and reminders are Tact's own and stay open to everyone.
 */
export function refuseSynced(ctx: Context, invoice: InvoiceRow): void {
  if (!invoice.source || ctx.user.id === invoice.source) return;
  const source = sourceLabel(invoice.source);
  throw userError("follows-source", (t) => t.invoices.errors.followsSource({ number: invoice.number, source }));
}
