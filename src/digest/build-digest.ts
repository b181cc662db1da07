import { incidentKinds } from "../../db/schema/incidents.ts";
import { sourceLabel } from "../connectors/source-label.ts";
import { actionId } from "../core/define-action.ts";
import { REMIND_ACTION } from "../invoices/remind-invoice.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import { type Button, type Message, message } from "../messages/message.ts";
import { riskHeadline } from "../messages/render-risk.ts";
import { agingByCurrency, textBar } from "./aging.ts";
import type { DigestData, MissingRate, OverdueInvoice } from "./digest-data.ts";
import { isQuiet } from "./digest-data.ts";
import { stageLabel } from "./labels.ts";

/** Overdue invoices shown one by one with their buttons; the rest are counted (platform block limits). */
export const MAX_DETAILED_OVERDUE = 10;
export const MAX_DUE_SOON = 15;

export const PAID_ACTION = "digest-paid";
export const SNOOZE_ACTION = "digest-snooze";

export interface BuildDigestOptions {
  /** A line said first (the preview note of `/client digest`). */
  note?: string;
  /** Show the quiet line even when the workspace posts nothing on quiet days (the preview). */
  alwaysSay?: boolean;
}

/**
 * The daily digest as a neutral message, or null when there is nothing to say and the
 * workspace chose silence on quiet days. Pure: data in, message out.
 */
export function buildDigest(
  data: DigestData,
  t: Catalog,
  fmt: Formatter,
  options: BuildDigestOptions = {},
): Message | null {
  const title = t.digest.title({ date: fmt.date(data.today) });
  if (isQuiet(data)) {
    if (!data.workspace.digestQuietPost && !options.alwaysSay) return null;
    const m = message(t.digest.quiet);
    if (options.note) m.context(options.note);
    return m.text(t.digest.quiet).build();
  }
  const visibleOverdue = data.overdue.filter((i) => !isSnoozed(i, data.today));
  const m = message(
    t.digest.fallback({
      overdue: data.overdue.length,
      dueSoon: data.dueSoon.length,
      incidents: data.incidents.reduce((n, i) => n + i.count, 0),
    }),
  ).header(title);
  if (options.note) m.context(options.note);
  const missing = missingRatesLine(visibleOverdue, t, fmt);
  if (missing) m.text(missing);
  const sourceLines = [
    ...data.sources.failing.map((f) =>
      t.sources.digest.failing({ source: sourceLabel(f.source), since: fmt.dateTime(f.since), error: f.error }),
    ),
    ...data.sources.unlinkedOverdue.map((u) =>
      t.sources.digest.unlinked({ source: sourceLabel(u.source), customers: fmt.list(u.customers) }),
    ),
  ];
  if (sourceLines.length > 0) m.text(sourceLines.join("\n"));

  if (visibleOverdue.length > 0) {
    m.divider().text(t.digest.overdue.title);
    let shown = 0;
    for (const group of byClient(visibleOverdue)) {
      if (shown >= MAX_DETAILED_OVERDUE) break;
      m.text(
        t.digest.overdue.client({
          client: group.clientName,
          count: group.invoices.length,
          total: totals(group.invoices, fmt),
        }),
      );
      for (const inv of group.invoices) {
        if (shown >= MAX_DETAILED_OVERDUE) break;
        shown += 1;
        m.text([invoiceLine(inv, t, fmt), stageLine(inv, t, fmt)].join("\n"));
        m.buttons(invoiceButtons(inv, t));
      }
    }
    if (visibleOverdue.length > shown) m.context(t.digest.overdue.more({ count: visibleOverdue.length - shown }));
  }

  if (data.dueSoon.length > 0) {
    const lines = [...data.dueSoon]
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number))
      .slice(0, MAX_DUE_SOON)
      .map((i) =>
        t.digest.dueSoon.line({
          number: i.number,
          client: i.clientName,
          amount: fmt.money(i.outstandingMinor, i.currency),
          date: fmt.date(i.dueOn),
        }),
      );
    m.divider().text([t.digest.dueSoon.title, ...lines].join("\n"));
  }

  if (data.incidents.length > 0) {
    const clients = new Map<number, { name: string; counts: string[] }>();
    const sorted = [...data.incidents].sort(
      (a, b) =>
        a.clientName.localeCompare(b.clientName) || incidentKinds.indexOf(a.kind) - incidentKinds.indexOf(b.kind),
    );
    for (const row of sorted) {
      const entry = clients.get(row.clientId) ?? { name: row.clientName, counts: [] };
      entry.counts.push(t.digest.incidents.count({ kind: t.incidents.kinds[row.kind], count: row.count }));
      clients.set(row.clientId, entry);
    }
    const lines = [...clients.values()].map((c) =>
      t.digest.incidents.line({ client: c.name, counts: c.counts.join(", ") }),
    );
    m.divider().text([t.digest.incidents.title({ since: fmt.dateTime(data.since) }), ...lines].join("\n"));
  }

  if (data.riskRose.length > 0) {
    const lines = data.riskRose.map((r) =>
      t.digest.risk.line({ client: r.clientName, from: t.risk.levels[r.from], to: riskHeadline(r.risk, t, fmt) }),
    );
    m.divider().text([t.digest.risk.title, ...lines].join("\n"));
  }

  if (data.agencyLesson) {
    m.divider().text([t.digest.agencyLesson.title, t.digest.agencyLesson.text(data.agencyLesson)].join("\n"));
  }

  const aging = agingByCurrency(data.overdue);
  for (const [currency, rows] of aging) {
    const largest = Math.max(...rows.map((r) => r.amountMinor));
    const lines = rows.map((r) =>
      t.digest.aging.bucket({
        // Padded so the bars line up where text is shown in a fixed-width font.
        range: r.range.padEnd(5),
        bar: textBar(r.amountMinor, largest),
        amount: fmt.money(r.amountMinor, currency),
        count: r.count,
      }),
    );
    m.divider().text([t.digest.aging.title({ currency }), ...lines].join("\n"));
  }
  return m.build();
}

/** Snoozed from the digest: hidden until the day after the snooze (as the stage planner counts it). */
export function isSnoozed(inv: OverdueInvoice, today: string): boolean {
  return inv.snoozedUntil !== null && today < inv.snoozedUntil;
}

export function invoiceLine(inv: OverdueInvoice, t: Catalog, fmt: Formatter): string {
  return t.digest.overdue.invoice({
    number: inv.number,
    amount: fmt.money(inv.outstandingMinor, inv.currency),
    days: inv.daysLate,
    charges: inv.chargesMinor > 0 ? fmt.money(inv.chargesMinor, inv.currency) : null,
  });
}

/** What was sent last and what comes next, by the stage planner's rule (DESIGN.md §5). */
function stageLine(inv: OverdueInvoice, t: Catalog, fmt: Formatter): string {
  if (inv.disputed) return t.digest.overdue.disputed;
  const parts = [
    inv.lastSent
      ? t.digest.overdue.lastSent({ stage: stageLabel(t, inv.lastSent.kind), date: fmt.date(inv.lastSent.on) })
      : t.digest.overdue.noneSent,
  ];
  if (inv.ready) parts.push(t.digest.overdue.ready({ stage: stageLabel(t, inv.ready.kind) }));
  else if (inv.next)
    parts.push(t.digest.overdue.next({ stage: stageLabel(t, inv.next.kind), date: fmt.date(inv.next.on) }));
  return parts.join(" · ");
}

/**
 * Mark paid, draft reminder, snooze: what the team does with an overdue invoice. The draft is
 * the invoices' own `remind` action, the same as `/client remind INV-7`.
 */
export function invoiceButtons(inv: OverdueInvoice, t: Catalog): Button[] {
  const buttons: Button[] = [{ id: actionId(PAID_ACTION, inv.invoiceId), label: t.digest.buttons.paid }];
  if (!inv.disputed && inv.ready) {
    buttons.push({ id: actionId(REMIND_ACTION, inv.invoiceId), label: t.digest.buttons.remind, style: "primary" });
  }
  buttons.push({ id: actionId(SNOOZE_ACTION, inv.invoiceId), label: t.digest.buttons.snooze });
  return buttons;
}

interface ClientGroup {
  clientName: string;
  invoices: OverdueInvoice[];
}

/** Clients with the longest-overdue invoice first; within a client, most days late first. */
function byClient(overdue: readonly OverdueInvoice[]): ClientGroup[] {
  const groups = new Map<number, ClientGroup>();
  for (const inv of overdue) {
    const g = groups.get(inv.clientId) ?? { clientName: inv.clientName, invoices: [] };
    g.invoices.push(inv);
    groups.set(inv.clientId, g);
  }
  const list = [...groups.values()];
  for (const g of list) g.invoices.sort((a, b) => b.daysLate - a.daysLate || a.number.localeCompare(b.number));
  return list.sort(
    (a, b) =>
      (b.invoices[0]?.daysLate ?? 0) - (a.invoices[0]?.daysLate ?? 0) || a.clientName.localeCompare(b.clientName),
  );
}

/** What a client owes, currency by currency: "€3,400.00 and $200.00". */
function totals(invoices: readonly OverdueInvoice[], fmt: Formatter): string {
  const sums = new Map<string, number>();
  for (const i of invoices) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.outstandingMinor);
  return fmt.list([...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => fmt.money(v, c)));
}

/** Once, at the top: the reference rates the charges below need and that are not known yet. */
function missingRatesLine(overdue: readonly OverdueInvoice[], t: Catalog, fmt: Formatter): string | null {
  const rates = new Map<string, { series: MissingRate["series"]; on: string }>();
  for (const r of overdue.flatMap((i) => i.missingRates)) rates.set(`${r.on}:${r.series}`, r);
  if (rates.size === 0) return null;
  const items = [...rates.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, r]) => t.digest.missingRateItem({ series: t.invoices.charges.series[r.series], date: fmt.date(r.on) }));
  return t.digest.missingRates({ items: fmt.list(items), count: items.length });
}
