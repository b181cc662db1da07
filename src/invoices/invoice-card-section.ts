import type { Context } from "../core/context.ts";
import type { RiskReason } from "../domain/risk.ts";
import type { MessageBuilder } from "../messages/message.ts";
import type { ClientRecord } from "./client-records.ts";
import { describeInvoice } from "./describe-invoice.ts";
import { totalsLine } from "./list-invoices.ts";
import { today } from "./today.ts";

/** Open invoices shown on a card; the rest are counted. */
export const CARD_INVOICES = 5;

/**
 * The card's invoices: what is unpaid, overdue and owed in charges, each open invoice with
 * how its charges were computed; then the risk level with its reasons. Nothing when the
 * client has no invoices and no risk worth a line.
 */
export function addInvoiceSection(ctx: Context, card: MessageBuilder, record: ClientRecord | undefined): void {
  const { t, fmt } = ctx;
  const open = (record?.assessments ?? []).filter((a) => a.outstandingMinor > 0 || a.chargesOwedMinor > 0);
  if (record && record.assessments.length > 0) {
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
  if (!record) return;
  card.divider();
  const risk = record.risk;
  card.text(
    [t.risk.line({ level: t.risk.levels[risk.level] }), ...risk.reasons.map((r) => `• ${describeReason(ctx, r)}`)].join(
      "\n",
    ),
  );
}

/** One risk reason in words, with its facts (counts, days, amounts, dates). */
export function describeReason(ctx: Context, r: RiskReason): string {
  const { t, fmt } = ctx;
  const rr = t.risk.reasons;
  switch (r.id) {
    case "none":
      return rr.none;
    case "overdue":
      return rr.overdue({ number: r.number, days: r.days, amount: fmt.money(r.amountMinor, r.currency) });
    case "lateOnce":
      return rr.lateOnce({ date: fmt.date(r.on), days: r.days });
    case "lateMany":
      return rr.lateMany({ count: r.count, average: r.averageDays, last: fmt.date(r.last) });
    case "worsening":
      return rr.worsening({ before: r.before, after: r.after });
    case "conduct":
    case "ethics":
    case "advice":
    case "scope":
    case "flags":
      return rr[r.id]({ count: r.count });
    case "many":
      return rr.many({ count: r.count, kinds: r.kinds });
    case "hostedUnpaid":
      return rr.hostedUnpaid;
  }
}
