import type { Db } from "../../db/database.ts";
import { type ClientActivity, clientActivity } from "../../db/queries/agency-activity.ts";
import { newIncidents } from "../../db/queries/digest-incidents.ts";
import type { PreviousRound } from "../../db/queries/digest-rounds.ts";
import { failingConnections, unlinkedOpenInvoices } from "../../db/queries/digest-sources.ts";
import { digestClients } from "../../db/queries/digest-workspaces.ts";
import { openInvoices } from "../../db/queries/open-invoices.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import { type ClientRecord, workspacesClientRecords } from "../clients/client-records.ts";
import { AGENCY_LESSON_DAYS, agencyLesson, agencyLessonDue } from "../domain/agency-lesson.ts";
import { addDays, startOfLocalDay } from "../domain/dates.ts";
import { lateIn, latePaymentKey } from "../domain/late-payments.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { isRiskLevel, quietRisk, type RiskLevel, rank } from "../domain/risk.ts";
import type { StagePlan } from "../domain/stages.ts";
import { windowStart } from "../domain/windows.ts";
import { groupBy } from "../group-by.ts";
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
/** Risk reads a year of payment history. */
const RISK_HISTORY_DAYS = 365;
/**
 * The digest data of many workspaces at once, in a fixed number of set-based queries whatever
 * the number of workspaces, clients, invoices and incidents: incidents, open invoices and
 * client names in one query each, and the clients' records (for their risk levels) in three.
 */
export async function loadDigestData(
  db: Db,
  requests: readonly DigestRequest[],
  now: Date,
  /** Told about a workspace whose risk or an invoice could not be assessed (left out, others go on). */
  onError: (workspaceId: number, error: unknown) => void = () => {},
): Promise<Map<number, DigestData>> {
  const out = new Map<number, DigestData>();
  if (requests.length === 0) return out;
  const windows = requests.map((r) => ({
    workspaceId: r.workspace.id,
    since: r.previous?.at ?? new Date(now.getTime() - FIRST_WINDOW_MS),
  }));
  const ids = requests.map((r) => r.workspace.id);
  const halfYears = requests.map((r) => ({
    workspaceId: r.workspace.id,
    since: startOfLocalDay(windowStart(r.today, AGENCY_LESSON_DAYS), r.workspace.timezone),
  }));
  const [incidents, invoices, clients, records, activity, failing, unlinked] = await Promise.all([
    newIncidents(db, windows, now),
    openInvoices(db, ids),
    digestClients(db, ids),
    // Every due workspace's clients at once (the earliest workspace's year of history).
    workspacesClientRecords(db, {
      workspaces: requests.map((r) => r.workspace),
      now,
      sinceDay: requests.map((r) => addDays(r.today, -RISK_HISTORY_DAYS)).sort()[0] ?? now.toISOString().slice(0, 10),
      riskOnly: true,
    }).catch((error: unknown) => {
      for (const r of requests) onError(r.workspace.id, error);
      return undefined;
    }),
    clientActivity(db, halfYears),
    failingConnections(db, ids),
    unlinkedOpenInvoices(db, ids),
  ]);
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
      agencyLesson: null,
      agencyLessonOn: null,
      sources: sourceNotices(
        failing.filter((f) => f.workspaceId === r.workspace.id),
        unlinked.filter((u) => u.workspaceId === r.workspace.id && u.dueOn < r.today),
        r.previous?.payload?.unlinked,
      ),
    });
  }
  for (const group of groupBy(incidents, (i) => `${i.clientId}:${i.kind}`).values()) {
    const first = group[0];
    if (!first) continue;
    // Counted as the record counts: late payments one per invoice, other incidents one each.
    const count = first.kind === "late" ? new Set(group.map(latePaymentKey)).size : group.length;
    out.get(first.workspaceId)?.incidents.push({
      clientId: first.clientId,
      clientName: first.clientName,
      kind: first.kind,
      count,
    });
  }
  const clientsOf = groupBy(clients, (c) => c.workspaceId);
  const activityOf = groupBy(activity, (a) => a.workspaceId);
  for (const r of requests) {
    const data = out.get(r.workspace.id);
    if (!data) continue;
    const own = records?.get(r.workspace.id);
    Object.assign(data, lessonFor(r, clientsOf.get(r.workspace.id) ?? [], activityOf.get(r.workspace.id) ?? [], own));
    const before = r.previous?.payload?.risk;
    if (!own) {
      // Risk unknown today: keep the previous levels, so tomorrow compares with real ones.
      data.riskLevels = before && typeof before === "object" ? (before as Record<string, string>) : {};
      continue;
    }
    Object.assign(data, riskChanges(clientsOf.get(r.workspace.id) ?? [], own, before));
  }
  const rates = loadReferenceRates();
  for (const row of invoices) {
    // A client being let go stays in the digest and its alerts (DESIGN.md §7): only the wizard is private.
    const data = out.get(row.workspace.id);
    if (!data) continue;
    let a: InvoiceAssessment;
    try {
      a = assessInvoice(row, data.today, rates);
    } catch (error) {
      onError(row.workspace.id, error);
      continue;
    }
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

/**
 * The sources' lines of a digest: failing syncs every day until they work again; customers
 * with overdue invoices and no client once, in the first round that finds them (the round
 * keeps the list, so the next one says only the new ones).
 */
function sourceNotices(
  failing: readonly { source: string; failingSince: Date; lastError: string | null }[],
  overdue: readonly { connectionId: string; source: string; customerId: string; name: string | null }[],
  previous: unknown,
): DigestData["sources"] {
  const before = new Set(Array.isArray(previous) ? previous.map(String) : []);
  const keys = [...new Set(overdue.map((u) => `${u.connectionId}:${u.customerId}`))].sort();
  const fresh = overdue.filter((u) => !before.has(`${u.connectionId}:${u.customerId}`));
  const bySource = new Map<string, Set<string>>();
  for (const u of fresh) {
    const names = bySource.get(u.source) ?? new Set<string>();
    names.add(u.name ? `${u.name} (${u.customerId})` : u.customerId);
    bySource.set(u.source, names);
  }
  return {
    failing: failing.map((f) => ({ source: f.source, since: f.failingSince, error: f.lastError ?? "" })),
    unlinkedOverdue: [...bySource].map(([source, names]) => ({ source, customers: [...names].sort() })),
    unlinkedKeys: keys,
    unlinkedBefore: [...before].sort(),
  };
}

/**
 * The agency's own lesson for a workspace (issue #14 §5): the clients, former ones aside, with
 * incidents in the last 180 days (late payments dated as the record dates them), those among
 * them with ignored advice, and whether a month has passed since it was last told.
 */
function lessonFor(
  r: DigestRequest,
  clients: readonly { id: number; status: string }[],
  activity: readonly ClientActivity[],
  records: ReadonlyMap<number, ClientRecord> | undefined,
): Pick<DigestData, "agencyLesson" | "agencyLessonOn"> {
  const told = r.previous?.payload?.agencyLessonOn;
  const lastTold = typeof told === "string" ? told : null;
  const former = new Set(clients.filter((c) => c.status === "offboarded").map((c) => c.id));
  const withIncidents = new Set(activity.map((a) => a.clientId));
  for (const [clientId, record] of records ?? []) {
    if (!former.has(clientId) && lateIn(record.facts.latePayments, r.today, AGENCY_LESSON_DAYS).length > 0)
      withIncidents.add(clientId);
  }
  const lesson = agencyLesson({
    ignoring: activity.filter((a) => a.adviceIgnored).length,
    active: withIncidents.size,
  });
  return { agencyLesson: lesson && agencyLessonDue(lastTold, r.today) ? lesson : null, agencyLessonOn: lastTold };
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
    missingRates: a.chargesWaived
      ? []
      : a.charges.notes.flatMap((n) =>
          n.kind === "missingRate" ? [{ series: n.series, on: n.on, from: n.from }] : [],
        ),
    dueOn: invoice.dueOn,
    daysLate: a.stage.daysLate,
    lastSent: a.stage.last ? { kind: a.stage.last.kind, on: a.stage.last.sentOn } : null,
    ready: stageRef(a.stage.ready),
    due: stageRef(a.stage.due),
    next: a.stage.next
      ? { number: a.stage.next.stage.number, kind: a.stage.next.stage.kind, on: a.stage.next.on }
      : null,
    snoozedUntil: invoice.snoozedUntil,
    disputed: invoice.disputedSince !== null,
  };
}

function stageRef(stage: StagePlan["ready"]): StageRef | null {
  return stage ? { number: stage.number, kind: stage.kind } : null;
}

/**
 * Today's risk level of each client, and the clients whose level is higher than at the
 * previous round. Without a previous round there is nothing to compare with, so nothing
 * "rose"; a client unknown then counts as having been "ok". Former clients are left out; one
 * being let go is not, since the team must not learn of it from what the digest leaves out.
 */
function riskChanges(
  clients: readonly { id: number; displayName: string; status: string }[],
  records: ReadonlyMap<number, ClientRecord>,
  previous: unknown,
): Pick<DigestData, "riskLevels" | "riskRose"> {
  const before = previous && typeof previous === "object" ? (previous as Record<string, unknown>) : undefined;
  const riskLevels: Record<string, string> = {};
  const riskRose: DigestData["riskRose"] = [];
  for (const client of clients) {
    if (client.status === "offboarded") continue;
    const risk = records.get(client.id)?.risk ?? quietRisk;
    riskLevels[String(client.id)] = risk.level;
    if (!before) continue;
    const was = before[String(client.id)];
    const from: RiskLevel = isRiskLevel(was) ? was : "ok";
    if (rank(risk.level) > rank(from))
      riskRose.push({ clientId: client.id, clientName: client.displayName, from, risk });
  }
  riskRose.sort((a, b) => rank(b.risk.level) - rank(a.risk.level) || a.clientName.localeCompare(b.clientName));
  return { riskLevels, riskRose };
}
