import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { incidents } from "../schema/index.ts";

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

/** The client's latest incidents still in the record (lessons apart: see `latestLessons`). */
export async function latestIncidents(
  db: Db,
  workspaceId: number,
  clientId: number,
  limit: number,
): Promise<IncidentRow[]> {
  return latestEntries(db, workspaceId, clientId, limit, sql`${incidents.kind} <> 'lesson'`);
}

/** The lessons the owner drew about the client (wizard step 8), latest first. */
export async function latestLessons(
  db: Db,
  workspaceId: number,
  clientId: number,
  limit: number,
): Promise<IncidentRow[]> {
  return latestEntries(db, workspaceId, clientId, limit, sql`${incidents.kind} = 'lesson'`);
}

async function latestEntries(db: Db, workspaceId: number, clientId: number, limit: number, kind: SQL) {
  return db
    .select()
    .from(incidents)
    .where(
      and(
        eq(incidents.workspaceId, workspaceId),
        eq(incidents.clientId, clientId),
        isNull(incidents.withdrawnAt),
        kind,
      ),
    )
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(limit);
}
