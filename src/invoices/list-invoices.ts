import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { type Money, sumByCurrency } from "../domain/money.ts";
import { message, textMessage } from "../messages/message.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";
import { describeInvoice } from "./describe-invoice.ts";
import { loadAssessments } from "./load-assessments.ts";
import { today } from "./today.ts";

/** Most invoices a reply lists; the rest are counted (a chat message has limits). */
export const LIST_MAX = 40;

/** `/client invoices [client]`: open invoices, days overdue, charges so far and how each was computed. */
export async function listInvoices(ctx: Context, clientQuery: string | undefined): Promise<Effect[]> {
  const { t, fmt } = ctx;
  const client = clientQuery ? await requireClient(ctx, clientQuery) : undefined;
  const all = await loadAssessments(ctx, { which: "open", ...(client ? { clientIds: [client.id] } : {}) });
  const open = all.filter((a) => a.outstandingMinor > 0 || a.chargesOwedMinor > 0);
  if (open.length === 0) {
    return [
      reply(textMessage(client ? t.invoices.list.noneFor({ client: client.displayName }) : t.invoices.list.none)),
    ];
  }
  const title = client
    ? t.invoices.list.titleFor({ client: client.displayName, count: open.length })
    : t.invoices.list.title({ count: open.length });
  const m = message(title).header(title);
  const day = today(ctx);
  for (const a of open.slice(0, LIST_MAX)) {
    const { line, details } = describeInvoice(a, t, fmt, day);
    m.text([line, ...details.map((d) => `   ${d}`)].join("\n"));
  }
  if (open.length > LIST_MAX) m.context(t.invoices.list.more({ count: open.length - LIST_MAX, slug: client?.slug }));
  m.context(totalsLine(ctx, open));
  return [reply(m.build())];
}

/** Unpaid · overdue · charges owed, each per currency. */
export function totalsLine(ctx: Context, list: readonly InvoiceAssessment[]): string {
  const { t, fmt } = ctx;
  const show = (items: Money[]) =>
    items.length === 0 ? t.invoices.card.nothing : items.map((m) => fmt.money(m.minor, m.currency)).join(" + ");
  const of = (pick: (a: InvoiceAssessment) => number) =>
    sumByCurrency(list.map((a) => ({ minor: pick(a), currency: a.source.invoice.currency }))).sort((x, y) =>
      x.currency.localeCompare(y.currency),
    );
  return t.invoices.list.totals({
    unpaid: show(of((a) => a.outstandingMinor)),
    overdue: show(of((a) => (a.overdue ? a.outstandingMinor : 0))),
    charges: show(of((a) => a.chargesOwedMinor)),
  });
}
