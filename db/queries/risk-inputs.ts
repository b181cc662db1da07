import { and, eq, gte, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { IncidentKind } from "../schema/incidents.ts";
import { incidents } from "../schema/index.ts";
import type { KindStats } from "./incidents.ts";

/** Per client and kind: counts all time and since `since`, first and last dates. One query for many clients. */
export async function incidentStatsByClient(
  db: Db,
  workspaceId: number,
  since: Date,
  clientIds?: readonly number[],
): Promise<Map<number, KindStats[]>> {
  if (clientIds && clientIds.length === 0) return new Map();
  const where: SQL[] = [eq(incidents.workspaceId, workspaceId), isNull(incidents.withdrawnAt)];
  if (clientIds) where.push(inArray(incidents.clientId, [...clientIds]));
  const rows = await db
    .select({
      clientId: incidents.clientId,
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
    .where(and(...where))
    .groupBy(incidents.clientId, incidents.kind);
  const out = new Map<number, KindStats[]>();
  for (const r of rows) {
    const list = out.get(r.clientId) ?? [];
    list.push({
      kind: r.kind,
      total: Number(r.total),
      recent: Number(r.recent),
      first: new Date(r.first),
      firstRecent: r.firstRecent ? new Date(r.firstRecent) : null,
      last: new Date(r.last),
    });
    out.set(r.clientId, list);
  }
  return out;
}

export interface LateIncident {
  clientId: number;
  invoiceId: number | null;
  occurredAt: Date;
}

/** `late` incidents still in the record since a moment, for many clients. One query. */
export async function lateIncidents(
  db: Db,
  workspaceId: number,
  since: Date,
  clientIds?: readonly number[],
): Promise<LateIncident[]> {
  if (clientIds && clientIds.length === 0) return [];
  const where: SQL[] = [
    eq(incidents.workspaceId, workspaceId),
    eq(incidents.kind, "late" satisfies IncidentKind),
    isNull(incidents.withdrawnAt),
    gte(incidents.occurredAt, since),
  ];
  if (clientIds) where.push(inArray(incidents.clientId, [...clientIds]));
  return db
    .select({ clientId: incidents.clientId, invoiceId: incidents.invoiceId, occurredAt: incidents.occurredAt })
    .from(incidents)
    .where(and(...where));
}
