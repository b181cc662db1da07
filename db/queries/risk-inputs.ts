import { and, eq, gte, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { IncidentKind } from "../schema/incidents.ts";
import { incidents } from "../schema/index.ts";
import type { KindStats } from "./incidents.ts";

/**
 * Per client and kind: counts all time and since `since`, first and last dates. One query for
 * many clients of one or many workspaces (client ids are unique across workspaces).
 */
export async function incidentStatsByClient(
  db: Db,
  workspaceIds: readonly number[],
  since: Date,
  clientIds?: readonly number[],
): Promise<Map<number, (KindStats & { workspaceId: number })[]>> {
  if (workspaceIds.length === 0 || (clientIds && clientIds.length === 0)) return new Map();
  const where: SQL[] = [inArray(incidents.workspaceId, [...workspaceIds]), isNull(incidents.withdrawnAt)];
  if (clientIds) where.push(inArray(incidents.clientId, [...clientIds]));
  const rows = await db
    .select({
      workspaceId: incidents.workspaceId,
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
    .groupBy(incidents.workspaceId, incidents.clientId, incidents.kind);
  const out = new Map<number, (KindStats & { workspaceId: number })[]>();
  for (const r of rows) {
    const list = out.get(r.clientId) ?? [];
    list.push({
      workspaceId: r.workspaceId,
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
  workspaceId: number;
  clientId: number;
  invoiceId: number | null;
  occurredAt: Date;
}

/** `late` incidents still in the record since a moment, for many clients of one or many workspaces. One query. */
export async function lateIncidents(
  db: Db,
  workspaceIds: readonly number[],
  since: Date,
  clientIds?: readonly number[],
): Promise<LateIncident[]> {
  if (workspaceIds.length === 0 || (clientIds && clientIds.length === 0)) return [];
  const where: SQL[] = [
    inArray(incidents.workspaceId, [...workspaceIds]),
    eq(incidents.kind, "late" satisfies IncidentKind),
    isNull(incidents.withdrawnAt),
    gte(incidents.occurredAt, since),
  ];
  if (clientIds) where.push(inArray(incidents.clientId, [...clientIds]));
  return db
    .select({
      workspaceId: incidents.workspaceId,
      clientId: incidents.clientId,
      invoiceId: incidents.invoiceId,
      occurredAt: incidents.occurredAt,
    })
    .from(incidents)
    .where(and(...where));
}
