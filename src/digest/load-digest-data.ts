import type { Db } from "../../db/database.ts";
import { newIncidentCounts } from "../../db/queries/digest-incidents.ts";
import type { PreviousRound } from "../../db/queries/digest-rounds.ts";
import { openInvoices } from "../../db/queries/open-invoices.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import { addDays } from "../domain/dates.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import type { StagePlan } from "../domain/stages.ts";
import { assessInvoice, type InvoiceAssessment } from "../invoices/assess-invoice.ts";
import type { DigestData, OverdueInvoice, StageRef } from "./digest-data.ts";

export interface DigestRequest {
  workspace: WorkspaceRow;
  /** The workspace's local date. */
  today: string;
  /** The last round before today, if any: where "new incidents" start, and the risk to compare. */
  previous: PreviousRound | undefined;
}

/** Without an earlier digest, incidents of the last day count as new. */
const FIRST_WINDOW_MS = 24 * 60 * 60_000;
/** "Due soon" means due today or within this many days. */
export const DUE_SOON_DAYS = 7;

/**
 * The digest data of many workspaces at once, in a fixed number of set-based queries
 * whatever the number of workspaces, clients, invoices and incidents.
 */
export async function loadDigestData(
  db: Db,
  requests: readonly DigestRequest[],
  now: Date,
): Promise<Map<number, DigestData>> {
  const out = new Map<number, DigestData>();
  if (requests.length === 0) return out;
  const windows = requests.map((r) => ({
    workspaceId: r.workspace.id,
    since: r.previous?.at ?? new Date(now.getTime() - FIRST_WINDOW_MS),
  }));
  const ids = requests.map((r) => r.workspace.id);
  const [incidents, invoices] = await Promise.all([newIncidentCounts(db, windows, now), openInvoices(db, ids)]);
  for (const [i, r] of requests.entries()) {
    out.set(r.workspace.id, {
      workspace: r.workspace,
      today: r.today,
      since: windows[i]?.since ?? now,
      overdue: [],
      dueSoon: [],
      incidents: [],
      riskRose: [],
      riskLevels: {},
    });
  }
  for (const row of incidents) {
    out.get(row.workspaceId)?.incidents.push({
      clientId: row.clientId,
      clientName: row.clientName,
      kind: row.kind,
      count: row.count,
    });
  }
  const rates = loadReferenceRates();
  for (const row of invoices) {
    // Nothing of a client being offboarded appears in a digest or an alert.
    if (row.client.status === "offboarding") continue;
    const data = out.get(row.workspace.id);
    if (!data) continue;
    const a = assessInvoice(row, data.today, rates);
    if (a.overdue) data.overdue.push(overdueInvoice(a));
    else if (a.outstandingMinor > 0 && row.invoice.status === "open" && isDueSoon(row.invoice.dueOn, data.today)) {
      data.dueSoon.push({
        invoiceId: row.invoice.id,
        clientName: row.client.displayName,
        number: row.invoice.number,
        currency: row.invoice.currency,
        outstandingMinor: a.outstandingMinor,
        dueOn: row.invoice.dueOn,
      });
    }
  }
  return out;
}

function isDueSoon(dueOn: string, today: string): boolean {
  return dueOn >= today && dueOn <= addDays(today, DUE_SOON_DAYS);
}

function overdueInvoice(a: InvoiceAssessment): OverdueInvoice {
  const { invoice, client } = a.source;
  return {
    invoiceId: invoice.id,
    clientId: client.id,
    clientName: client.displayName,
    number: invoice.number,
    currency: invoice.currency,
    outstandingMinor: a.outstandingMinor,
    chargesMinor: a.chargesOwedMinor,
    dueOn: invoice.dueOn,
    daysLate: a.stage.daysLate,
    reached: stageRef(a.stage.reached),
    due: stageRef(a.stage.due),
    next: a.stage.next
      ? { number: a.stage.next.stage.number, kind: a.stage.next.stage.kind, on: a.stage.next.on }
      : null,
    snoozedUntil: invoice.snoozedUntil,
    disputed: invoice.disputedSince !== null,
  };
}

function stageRef(stage: StagePlan["reached"]): StageRef | null {
  return stage ? { number: stage.number, kind: stage.kind } : null;
}
