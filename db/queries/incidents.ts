import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import type { IncidentKind } from "../schema/incidents.ts";
import { clients, incidents } from "../schema/index.ts";

export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncident = typeof incidents.$inferInsert;

export async function insertIncident(db: Db, values: NewIncident): Promise<IncidentRow> {
  const [row] = await db.insert(incidents).values(values).returning();
  if (!row) throw new Error("incident insert returned nothing");
  return row;
}

export interface LoggedIncident {
  id: number;
  /** The client's incidents of this kind since `since`, the new one included. */
  count: number;
}

/**
 * Logs an incident with its audit entry and counts the client's recent incidents of its kind,
 * in one statement: atomic without a transaction, and one round trip instead of five (begin,
 * insert, audit, count, commit), which is most of a `/client late`'s database time (see
 * docs/benchmarks.md, command throughput).
 */
export async function logIncidentAudited(
  db: Db,
  values: Omit<NewIncident, "id" | "withdrawnAt" | "withdrawnBy"> & { occurredAt: Date; createdAt: Date },
  audit: { actorId: string; details: Record<string, unknown> },
  since: Date,
): Promise<LoggedIncident> {
  const [row] = await queryRows<{ id: number; count: number }>(
    db,
    sql`with ins as (
      insert into incidents (workspace_id, client_id, kind, note, invoice_ref, invoice_id, reporter_id, source, occurred_at, created_at)
      values (${values.workspaceId}, ${values.clientId}, ${values.kind}, ${values.note ?? null}, ${values.invoiceRef ?? null},
        ${values.invoiceId ?? null}, ${values.reporterId}, ${values.source}, ${values.occurredAt.toISOString()}::timestamptz,
        ${values.createdAt.toISOString()}::timestamptz)
      returning id
    ), aud as (
      insert into audit_log (workspace_id, actor_id, action, subject_type, subject_id, details, at)
      select ${values.workspaceId}, ${audit.actorId}, 'incident.logged', 'incident', ins.id::text,
        ${JSON.stringify(audit.details)}::jsonb, ${values.createdAt.toISOString()}::timestamptz
      from ins
    )
    select ins.id::int as id,
      (select count(*)::int from incidents i
        where i.workspace_id = ${values.workspaceId} and i.client_id = ${values.clientId} and i.kind = ${values.kind}
          and i.withdrawn_at is null and i.occurred_at >= ${since.toISOString()}::timestamptz)
      -- The statement's snapshot does not see its own insert: count it here.
      + case when ${values.occurredAt.toISOString()}::timestamptz >= ${since.toISOString()}::timestamptz then 1 else 0 end
        as count
    from ins`,
  );
  if (!row) throw new Error("incident insert returned nothing");
  return { id: Number(row.id), count: Number(row.count) };
}

/** The reporter's most recent incident still in the record. */
export async function lastIncidentBy(
  db: Db,
  workspaceId: number,
  reporterId: string,
): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(
      and(eq(incidents.workspaceId, workspaceId), eq(incidents.reporterId, reporterId), isNull(incidents.withdrawnAt)),
    )
    .orderBy(desc(incidents.createdAt), desc(incidents.id))
    .limit(1);
  return row;
}

export async function findIncident(db: Db, workspaceId: number, id: number): Promise<IncidentRow | undefined> {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.id, id)));
  return row;
}

/** Marks an incident withdrawn, once; false when it was already withdrawn. */
export async function withdrawIncident(
  db: Db,
  workspaceId: number,
  id: number,
  by: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(incidents)
    .set({ withdrawnAt: at, withdrawnBy: by })
    .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.id, id), isNull(incidents.withdrawnAt)))
    .returning({ id: incidents.id });
  return rows.length > 0;
}

export interface KindStats {
  kind: IncidentKind;
  total: number;
  recent: number;
  first: Date;
  firstRecent: Date | null;
  last: Date;
}

export async function latestIncidents(
  db: Db,
  workspaceId: number,
  clientId: number,
  limit: number,
): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.clientId, clientId), isNull(incidents.withdrawnAt)))
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(limit);
}

export interface ClientSummary {
  id: number;
  slug: string;
  displayName: string;
  status: string;
  lastAt: Date | null;
  lastKind: IncidentKind | null;
  recent: number;
}

/** Every client with its latest incident and recent count, most recent trouble first. One query. */
export async function clientSummaries(db: Db, workspaceId: number, since: Date): Promise<ClientSummary[]> {
  const rows = await db
    .select({
      id: clients.id,
      slug: clients.slug,
      displayName: clients.displayName,
      status: clients.status,
      lastAt: sql<string | null>`last.occurred_at`,
      lastKind: sql<IncidentKind | null>`last.kind`,
      recent: sql<number>`coalesce(recent.n, 0)::int`,
    })
    .from(clients)
    .leftJoin(
      sql`lateral (
        select i.occurred_at, i.kind from ${incidents} i
        where i.workspace_id = ${clients.workspaceId} and i.client_id = ${clients.id} and i.withdrawn_at is null
        order by i.occurred_at desc, i.id desc limit 1
      ) last`,
      sql`true`,
    )
    .leftJoin(
      sql`lateral (
        select count(*) as n from ${incidents} i
        where i.workspace_id = ${clients.workspaceId} and i.client_id = ${clients.id} and i.withdrawn_at is null
          and i.occurred_at >= ${since.toISOString()}
      ) recent`,
      sql`true`,
    )
    .where(eq(clients.workspaceId, workspaceId))
    .orderBy(sql`last.occurred_at desc nulls last`, sql`lower(${clients.displayName})`);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    displayName: r.displayName,
    status: r.status,
    lastAt: r.lastAt ? new Date(r.lastAt) : null,
    lastKind: r.lastKind,
    recent: Number(r.recent),
  }));
}
