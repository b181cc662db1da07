import type { Context } from "../core/context.ts";
import type { MessageBuilder } from "../messages/message.ts";
import type { ClientRecord } from "./client-records.ts";
import { describeInvoice } from "./describe-invoice.ts";
import { totalsLine } from "./list-invoices.ts";
import { today } from "./today.ts";

/** Open invoices shown on a card; the rest are counted. */
export const CARD_INVOICES = 5;

/**
 * The card's invoices: what is unpaid, overdue and owed in charges, each open invoice with
 * how its charges were computed. Nothing when the client has no invoices.
 */
export function addInvoiceSection(ctx: Context, card: MessageBuilder, record: ClientRecord | undefined): void {
  const { t, fmt } = ctx;
  const open = (record?.assessments ?? []).filter((a) => a.outstandingMinor > 0 || a.chargesOwedMinor > 0);
  if (!record || record.assessments.length === 0) return;
  {
    card.divider();
    const lines = [t.invoices.card.title, open.length > 0 ? totalsLine(ctx, open) : t.invoices.card.none];
    const day = today(ctx);
    for (const a of open.slice(0, CARD_INVOICES)) {
      const { line, details } = describeInvoice(a, t, fmt, day);
      lines.push(`• ${line}`, ...details.map((d) => `   ${d}`));
    }
    if (open.length > CARD_INVOICES) lines.push(t.invoices.card.more({ count: open.length - CARD_INVOICES }));
    card.text(lines.join("\n"));
  }
}
