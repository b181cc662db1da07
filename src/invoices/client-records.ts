import type { Db } from "../../db/database.ts";
import { invoicesWithPayments } from "../../db/queries/open-invoices.ts";
import { incidentStatsByClient, lateIncidents } from "../../db/queries/risk-inputs.ts";
import type { KindSummary } from "../domain/advice.ts";
import { addDays, localDate } from "../domain/dates.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { assessRisk, type LateEvent, type OverdueInvoice, type RiskAssessment } from "../domain/risk.ts";
import { groupBy } from "../group-by.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";

/** What the card, advice and risk read about one client. */
export interface ClientRecord {
  clientId: number;
  /** Incident counts by kind; `late` includes invoices that went overdue or were paid late. */
  stats: KindSummary[];
  lateEvents: LateEvent[];
  /** Its invoices (void ones left out), with balances, charges and stages. */
  assessments: InvoiceAssessment[];
  risk: RiskAssessment;
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

const RECENT_DAYS = 90;

/**
 * The record of many clients in three queries whatever their number: incident counts,
 * `late` incidents, and invoices with payments.
 *
 * An invoice counts as a late payment without anyone typing it: once it is overdue (unpaid
 * after its due date) or was paid after it. This is computed here, where the card, the advice
 * and the risk read the record, rather than written as incidents by a scheduler: nothing to
 * run, nothing to undo when a payment is back-dated. A `late` incident that links the invoice
 * (`/client late acme INV-7`) is the same late payment and is not counted twice.
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
  const recentSince = new Date(scope.now.getTime() - RECENT_DAYS * 86_400_000);
  const historySince = scope.sinceDay ? new Date(`${scope.sinceDay}T00:00:00Z`) : new Date(0);
  const [stats, incidents, rows] = await Promise.all([
    incidentStatsByClient(db, ids, recentSince, scope.clientIds),
    lateIncidents(db, ids, historySince, scope.clientIds),
    invoicesWithPayments(db, {
      workspaceIds: ids,
      ...(scope.clientIds ? { clientIds: scope.clientIds } : {}),
      which: scope.riskOnly ? "late" : "all",
      ...(scope.sinceDay ? { dueSince: scope.sinceDay } : {}),
    }),
  ]);
  const rates = loadReferenceRates();
  const todays = new Map(scope.workspaces.map((w) => [w.id, localDate(scope.now, w.timezone)]));
  const zones = new Map(scope.workspaces.map((w) => [w.id, w.timezone]));
  // Grouped once: per-client filtering of every row would cost clients × rows.
  const assessments = rows.flatMap((r) => {
    const today = todays.get(r.workspace.id);
    return r.invoice.status === "void" || !today ? [] : [assessInvoice(r, today, rates)];
  });
  const assessmentsOf = groupBy(assessments, (a) => a.source.client.id);
  const incidentsOf = groupBy(incidents, (i) => i.clientId);
  const workspaceOf = new Map<number, number>();
  for (const a of assessments) workspaceOf.set(a.source.client.id, a.source.workspace.id);
  for (const i of incidents) workspaceOf.set(i.clientId, i.workspaceId);
  for (const [clientId, list] of stats) {
    const first = list[0];
    if (first) workspaceOf.set(clientId, first.workspaceId);
  }

  for (const [clientId, workspaceId] of workspaceOf) {
    const today = todays.get(workspaceId);
    const zone = zones.get(workspaceId);
    const records = out.get(workspaceId);
    if (!today || !zone || !records) continue;
    const own = assessmentsOf.get(clientId) ?? [];
    const late = own.filter((a) => a.overdue || (a.outstandingMinor === 0 && a.charges.daysLate > 0));
    const lateIds = new Set(late.map((a) => a.source.invoice.id));
    const events: LateEvent[] = [
      ...late.map((a) => ({ on: addDays(a.source.invoice.dueOn, 1), days: a.charges.daysLate, ongoing: a.overdue })),
      ...(incidentsOf.get(clientId) ?? [])
        .filter((i) => !(i.invoiceId !== null && lateIds.has(i.invoiceId)))
        .map((i) => ({ on: localDate(i.occurredAt, zone), days: null })),
    ].sort((a, b) => a.on.localeCompare(b.on));
    const kinds: KindSummary[] = (stats.get(clientId) ?? []).filter((s) => s.kind !== "late");
    const first = events[0];
    const last = events.at(-1);
    const recentDay = addDays(today, -RECENT_DAYS);
    if (first && last) {
      const recent = events.filter((e) => e.on > recentDay || e.ongoing);
      kinds.push({
        kind: "late",
        total: events.length,
        recent: recent.length,
        first: dayToDate(first.on),
        firstRecent: recent[0] ? dayToDate(recent[0].on) : null,
        last: dayToDate(last.on),
      });
    }
    const overdue: OverdueInvoice[] = own
      .filter((a) => a.overdue)
      .map((a) => ({
        number: a.source.invoice.number,
        days: a.stage.daysLate,
        amountMinor: a.outstandingMinor,
        currency: a.source.invoice.currency,
        stageKind: a.stage.last?.kind ?? null,
      }));
    const risk = assessRisk({
      today,
      incidents: kinds,
      lateEvents: events,
      overdue,
      hosted: own.some((a) => a.terms.hosted),
    });
    records.set(clientId, { clientId, stats: kinds, lateEvents: events, assessments: own, risk });
  }
  return out;
}

/** A local day as an instant that shows as that day in any time zone within ±12 hours. */
function dayToDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
