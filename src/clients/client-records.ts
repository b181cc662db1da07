import type { Db } from "../../db/database.ts";
import { type HistoryLine, type InvoiceWithPayments, invoicesWithPayments } from "../../db/queries/open-invoices.ts";
import { incidentTallies, lateLogs } from "../../db/queries/risk-inputs.ts";
import type { AdviceFacts } from "../domain/advice.ts";
import { localDate, startOfLocalDay } from "../domain/dates.ts";
import { latePaymentsOf } from "../domain/late-payments.ts";
import { type Money, sumByCurrency } from "../domain/money.ts";
import { countRecord } from "../domain/record-counts.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { assessRisk, type ClientFacts, type RiskAssessment } from "../domain/risk.ts";
import { stagesFor } from "../domain/stages.ts";
import type { UnpaidInvoice } from "../domain/unpaid-invoice.ts";
import { inWindow, RECENT_DAYS, windowStart, YEAR_DAYS } from "../domain/windows.ts";
import { groupBy } from "../group-by.ts";
import { assessInvoice, type InvoiceAssessment } from "../invoices/assess-invoice.ts";

/** What every view of a client reads: the card, the list, App Home, the digest and the wizard. */
export interface ClientRecord {
  clientId: number;
  /** Counts, late payments, unpaid invoices: what risk and advice read (src/domain/risk.ts). */
  facts: ClientFacts;
  /** Its invoices (void ones left out), with balances, charges and stages. */
  assessments: InvoiceAssessment[];
  risk: RiskAssessment;
  /** What was written off, waived, voided or decided about a dispute, latest first. */
  history: HistoryItem[];
}

/** One entry of an invoice's history, with the invoice's number. */
export interface HistoryItem {
  number: string;
  entry: HistoryLine;
}

/** The write-off or void that closed an invoice, if one did (DESIGN.md §7). */
export function closingOf(row: InvoiceWithPayments): HistoryLine | undefined {
  if (row.invoice.status !== "void") return undefined;
  return row.history.findLast((e) => e.kind === "write-off" || e.kind === "void");
}

export interface RecordScope {
  workspace: { id: number; timezone: string };
  /** The present: `today` is its local date in the workspace's time zone. */
  now: Date;
  clientIds?: readonly number[];
  /** Only history from this day on (the digest looks at a year); all of it when omitted. */
  sinceDay?: string;
  /**
   * Only what the risk level reads (the digest): invoices settled on time are left out, so
   * `assessments` holds open and late ones only.
   */
  riskOnly?: boolean;
}

/** Stages without a final notice still give reminders this long before "past the final stage". */
const FINAL_DAY_FLOOR = 30;

/**
 * The record of many clients in three queries whatever their number: incident tallies, `late`
 * incidents, and invoices with their payments and the reminders recorded as sent.
 *
 * An invoice counts as a late payment without anyone typing it: once it is overdue (unpaid
 * after its due date) or was paid after it. This is computed here, where every view reads the
 * record, rather than written as incidents by a scheduler: nothing to run, nothing to undo
 * when a payment is back-dated. Incidents about the same invoice are the same late payment
 * (src/domain/late-payments.ts).
 */
export async function clientRecords(db: Db, scope: RecordScope): Promise<Map<number, ClientRecord>> {
  const { workspace, ...rest } = scope;
  const many = await workspacesClientRecords(db, { ...rest, workspaces: [workspace] });
  return many.get(workspace.id) ?? new Map();
}

/**
 * The records of the clients of many workspaces (the digest's risk levels), still in three
 * queries: by workspace, then by client.
 */
export async function workspacesClientRecords(
  db: Db,
  scope: Omit<RecordScope, "workspace"> & { workspaces: readonly { id: number; timezone: string }[] },
): Promise<Map<number, Map<number, ClientRecord>>> {
  const out = new Map<number, Map<number, ClientRecord>>(scope.workspaces.map((w) => [w.id, new Map()]));
  if (scope.workspaces.length === 0) return out;
  const ids = scope.workspaces.map((w) => w.id);
  const todays = new Map(scope.workspaces.map((w) => [w.id, localDate(scope.now, w.timezone)]));
  const zones = new Map(scope.workspaces.map((w) => [w.id, w.timezone]));
  const windows = scope.workspaces.map((w) => ({
    workspaceId: w.id,
    since: startOfLocalDay(windowStart(todays.get(w.id) ?? "", RECENT_DAYS), w.timezone),
  }));
  const historySince = scope.sinceDay ? new Date(`${scope.sinceDay}T00:00:00Z`) : new Date(0);
  const [tallies, logs, rows] = await Promise.all([
    incidentTallies(db, windows, scope.clientIds),
    lateLogs(db, ids, historySince, scope.clientIds),
    invoicesWithPayments(db, {
      workspaceIds: ids,
      ...(scope.clientIds ? { clientIds: scope.clientIds } : {}),
      which: scope.riskOnly ? "late" : "all",
      ...(scope.sinceDay ? { dueSince: scope.sinceDay } : {}),
    }),
  ]);
  const rates = loadReferenceRates();
  // Grouped once: per-client filtering of every row would cost clients × rows.
  const assessments = rows.flatMap((r) => {
    const today = todays.get(r.workspace.id);
    return r.invoice.status === "void" || !today ? [] : [assessInvoice(r, today, rates)];
  });
  // Invoices written off or voided: as they stood on that day, still open (their lateness stays).
  const closed = rows.flatMap((r) => {
    const closing = closingOf(r);
    if (!closing) return [];
    const open = { ...r, invoice: { ...r.invoice, status: "open" as const, chargesStatus: "open" } };
    return [{ closing, as: assessInvoice(open, closing.onDay, rates) }];
  });
  const closedOf = groupBy(closed, (c) => c.as.source.client.id);
  const historyOf = groupBy(
    rows.flatMap((r) => r.history.map((entry) => ({ clientId: r.client.id, number: r.invoice.number, entry }))),
    (h) => h.clientId,
  );
  const assessmentsOf = groupBy(assessments, (a) => a.source.client.id);
  const logsOf = groupBy(logs, (l) => l.clientId);
  const talliesOf = groupBy(tallies, (t) => t.clientId);
  const workspaceOf = new Map<number, number>();
  for (const a of assessments) workspaceOf.set(a.source.client.id, a.source.workspace.id);
  for (const c of closed) workspaceOf.set(c.as.source.client.id, c.as.source.workspace.id);
  for (const l of logs) workspaceOf.set(l.clientId, l.workspaceId);
  for (const t of tallies) workspaceOf.set(t.clientId, t.workspaceId);

  for (const [clientId, workspaceId] of workspaceOf) {
    const today = todays.get(workspaceId);
    const zone = zones.get(workspaceId);
    const records = out.get(workspaceId);
    if (!today || !zone || !records) continue;
    const own = assessmentsOf.get(clientId) ?? [];
    const ownClosed = closedOf.get(clientId) ?? [];
    const latePayments = latePaymentsOf(
      [
        ...own.map((a) => ({
          id: a.source.invoice.id,
          number: a.source.invoice.number,
          dueOn: a.source.invoice.dueOn,
          late: a.overdue || (a.outstandingMinor === 0 && a.charges.daysLate > 0),
          unpaid: a.overdue,
          days: a.overdue ? a.stage.daysLate : a.charges.daysLate,
        })),
        ...ownClosed.map(({ closing, as }) => ({
          id: as.source.invoice.id,
          number: as.source.invoice.number,
          dueOn: as.source.invoice.dueOn,
          late: closing.daysLate > 0,
          unpaid: false,
          days: closing.daysLate,
          closed: { kind: closedKind(closing), on: closing.onDay },
        })),
      ],
      (logsOf.get(clientId) ?? []).map((l) => ({
        id: l.id,
        loggedOn: localDate(l.occurredAt, zone),
        invoiceId: l.invoiceId,
        invoiceNumber: l.invoiceNumber,
        invoiceDueOn: l.invoiceDueOn,
        invoiceRef: l.invoiceRef,
      })),
    );
    const counts = countRecord(
      today,
      (talliesOf.get(clientId) ?? []).map((t) => ({
        kind: t.kind,
        total: t.total,
        recent: t.recent,
        first: localDate(t.first, zone),
        last: localDate(t.last, zone),
        firstRecent: t.firstRecent ? localDate(t.firstRecent, zone) : null,
      })),
      latePayments,
    );
    const facts: ClientFacts = {
      today,
      counts,
      latePayments,
      unpaid: own.filter((a) => a.overdue).map(unpaidInvoice),
      closedUnpaid: ownClosed
        .filter(({ closing, as }) => as.overdue && inWindow(closing.onDay, today, YEAR_DAYS))
        .map(({ closing, as }) => ({
          ...unpaidInvoice(as),
          closed: { kind: closedKind(closing), on: closing.onDay },
        })),
      hosted: own.some((a) => a.terms.hosted),
    };
    const history = (historyOf.get(clientId) ?? [])
      .map(({ number, entry }) => ({ number, entry }))
      .sort((a, b) => b.entry.onDay.localeCompare(a.entry.onDay) || b.entry.id - a.entry.id);
    records.set(clientId, { clientId, facts, assessments: own, risk: assessRisk(facts), history });
  }
  return out;
}

/** The facts the advice reads for a client: its record, whether it is a former client, what it owes. */
export function adviceFacts(record: ClientRecord | undefined, status: string, today: string): AdviceFacts {
  const facts = record?.facts ?? { today, counts: [], latePayments: [], unpaid: [], hosted: false };
  const owing = (record?.assessments ?? []).filter((a) => a.outstandingMinor > 0 || a.chargesOwedMinor > 0);
  const amounts: Money[] = sumByCurrency(
    owing.map((a) => ({ minor: a.outstandingMinor + a.chargesOwedMinor, currency: a.source.invoice.currency })),
  );
  return {
    ...facts,
    former: status === "offboarded",
    owed: { invoices: owing.map((a) => a.source.invoice.number), amounts },
  };
}

function closedKind(closing: HistoryLine): "write-off" | "void" {
  return closing.kind === "write-off" ? "write-off" : "void";
}

function unpaidInvoice(a: InvoiceAssessment): UnpaidInvoice {
  const stages = stagesFor(a.terms.stages, a.terms.hosted);
  const final = stages.find((s) => s.kind === "final");
  const lastDay = stages.filter((s) => s.kind !== "suspension").at(-1)?.day ?? 0;
  const inv = a.source.invoice;
  return {
    number: inv.number,
    days: a.stage.daysLate,
    stageDays: a.stage.stageDays,
    amountMinor: a.outstandingMinor,
    currency: inv.currency,
    disputed: inv.disputedSince !== null,
    finalDay: final?.day ?? Math.max(FINAL_DAY_FLOOR, lastDay),
    suspensionDay: stages.find((s) => s.kind === "suspension")?.day ?? null,
    // What the record shows: each stage recorded as sent, with the day it went.
    sent: a.stage.sent.map((s) => ({ kind: s.kind, on: s.sentOn })),
  };
}
