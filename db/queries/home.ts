import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import type { IncidentKind } from "../schema/incidents.ts";
import { clients, incidents, offboardings } from "../schema/index.ts";

export interface ClientKindStats {
  clientId: number;
  slug: string;
  displayName: string;
  kind: IncidentKind;
  total: number;
  recent: number;
  first: Date;
  firstRecent: Date | null;
  last: Date;
}

/**
 * Per active client and incident kind: counts all time and since `since`, first and last
 * dates. One query for the whole workspace (App Home's "clients to watch").
 */
export async function activeClientKindStats(db: Db, workspaceId: number, since: Date): Promise<ClientKindStats[]> {
  const rows = await db
    .select({
      clientId: clients.id,
      slug: clients.slug,
      displayName: clients.displayName,
      kind: incidents.kind,
      total: sql<number>`count(*)::int`,
      recent: sql<number>`(count(*) filter (where ${incidents.occurredAt} >= ${since.toISOString()}))::int`,
      first: sql<string>`min(${incidents.occurredAt})`,
      firstRecent: sql<
        string | null
      >`min(${incidents.occurredAt}) filter (where ${incidents.occurredAt} >= ${since.toISOString()})`,
      last: sql<string>`max(${incidents.occurredAt})`,
    })
    .from(incidents)
    .innerJoin(clients, and(eq(clients.id, incidents.clientId), eq(clients.workspaceId, incidents.workspaceId)))
    .where(and(eq(incidents.workspaceId, workspaceId), isNull(incidents.withdrawnAt), eq(clients.status, "active")))
    .groupBy(clients.id, clients.slug, clients.displayName, incidents.kind);
  return rows.map((r) => ({
    clientId: r.clientId,
    slug: r.slug,
    displayName: r.displayName,
    kind: r.kind,
    total: Number(r.total),
    recent: Number(r.recent),
    first: new Date(r.first),
    firstRecent: r.firstRecent ? new Date(r.firstRecent) : null,
    last: new Date(r.last),
  }));
}

export interface OverdueTotal {
  currency: string;
  /** Principal still owed, in minor units (charges not included). */
  amountMinor: number;
  invoices: number;
}

/**
 * Principal still owed on open invoices past their due date on `today` (an ISO day), per
 * currency: the amount less payments and credit notes. Disputed invoices are left out, as
 * their reminders and charges are paused. One query.
 */
export async function overdueTotals(db: Db, workspaceId: number, today: string): Promise<OverdueTotal[]> {
  const rows = await queryRows<{ currency: string; amount: string | number; invoices: string | number }>(
    db,
    sql`select i.currency, sum(i.amount_minor - coalesce(p.paid, 0))::bigint as amount, count(*)::int as invoices
        from invoices i
        left join lateral (
          select sum(amount_minor) as paid from payments
          where workspace_id = i.workspace_id and invoice_id = i.id and kind in ('payment', 'credit')
        ) p on true
        join clients c on c.id = i.client_id and c.workspace_id = i.workspace_id
        where i.workspace_id = ${workspaceId} and i.status = 'open' and i.due_on < ${today}
          and i.disputed_since is null and c.status <> 'offboarded'
          and i.amount_minor - coalesce(p.paid, 0) > 0
        group by i.currency
        order by i.currency`,
  );
  return rows.map((r) => ({ currency: r.currency, amountMinor: Number(r.amount), invoices: Number(r.invoices) }));
}

export interface OpenOffboarding {
  id: number;
  clientId: number;
  slug: string;
  displayName: string;
  state: string;
  currentStep: number;
  updatedAt: Date;
}

/** Wizards in progress or paused that this owner started. */
export async function openOffboardingsOf(db: Db, workspaceId: number, ownerUserId: string): Promise<OpenOffboarding[]> {
  return db
    .select({
      id: offboardings.id,
      clientId: offboardings.clientId,
      slug: clients.slug,
      displayName: clients.displayName,
      state: offboardings.state,
      currentStep: offboardings.currentStep,
      updatedAt: offboardings.updatedAt,
    })
    .from(offboardings)
    .innerJoin(clients, and(eq(clients.id, offboardings.clientId), eq(clients.workspaceId, offboardings.workspaceId)))
    .where(
      and(
        eq(offboardings.workspaceId, workspaceId),
        eq(offboardings.ownerUserId, ownerUserId),
        inArray(offboardings.state, ["in_progress", "paused"]),
      ),
    )
    .orderBy(desc(offboardings.updatedAt));
}

export interface OwnIncident {
  id: number;
  kind: IncidentKind;
  note: string | null;
  invoiceRef: string | null;
  occurredAt: Date;
  clientName: string;
}

/** The reporter's latest incidents still in the record. */
export async function recentIncidentsBy(
  db: Db,
  workspaceId: number,
  reporterId: string,
  limit: number,
): Promise<OwnIncident[]> {
  return db
    .select({
      id: incidents.id,
      kind: incidents.kind,
      note: incidents.note,
      invoiceRef: incidents.invoiceRef,
      occurredAt: incidents.occurredAt,
      clientName: clients.displayName,
    })
    .from(incidents)
    .innerJoin(clients, and(eq(clients.id, incidents.clientId), eq(clients.workspaceId, incidents.workspaceId)))
    .where(
      and(eq(incidents.workspaceId, workspaceId), eq(incidents.reporterId, reporterId), isNull(incidents.withdrawnAt)),
    )
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(limit);
}
