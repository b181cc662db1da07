import type { ClientRecord } from "../clients/client-records.ts";
import type { Context } from "../core/context.ts";
import type { MessageBuilder } from "../messages/message.ts";
import { describeHistory } from "./describe-history.ts";
import { describeInvoice } from "./describe-invoice.ts";
import { totalsLine } from "./list-invoices.ts";
import { today } from "./today.ts";

/** Open invoices shown on a card; the rest are counted. */
export const CARD_INVOICES = 5;

/**
 * The card's invoices: what is unpaid, overdue and owed in charges, each open invoice with
 * how its charges were computed, then what was written off, waived, voided or decided about
 * a dispute, with the amounts of that day (DESIGN.md §7). Nothing when the client has no invoices.
 */
export function addInvoiceSection(ctx: Context, card: MessageBuilder, record: ClientRecord | undefined): void {
  const { t, fmt } = ctx;
  if (!record || (record.assessments.length === 0 && record.history.length === 0)) return;
  const open = record.assessments.filter((a) => a.outstandingMinor > 0 || a.chargesOwedMinor > 0);
  card.divider();
  const lines = [t.invoices.card.title, open.length > 0 ? totalsLine(ctx, open) : t.invoices.card.none];
  const day = today(ctx);
  for (const a of open.slice(0, CARD_INVOICES)) {
    const { line, details } = describeInvoice(a, t, fmt, day);
    lines.push(`• ${line}`, ...details.map((d) => `   ${d}`));
  }
  if (open.length > CARD_INVOICES) lines.push(t.invoices.card.more({ count: open.length - CARD_INVOICES }));
  card.text(lines.join("\n"));
  if (record.history.length > 0) {
    const h = t.invoices.history;
    card.text(
      [
        h.title,
        ...record.history.slice(0, CARD_INVOICES).map((x) => `• ${describeHistory(x.number, x.entry, t, fmt)}`),
        ...(record.history.length > CARD_INVOICES ? [h.more({ count: record.history.length - CARD_INVOICES })] : []),
      ].join("\n"),
    );
  }
}
