import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { connections, type InvoiceSource, sourceObjects, workspaces } from "../schema/index.ts";
import type { WorkspaceRow } from "./workspaces.ts";

export type ConnectionRow = typeof connections.$inferSelect;

export async function insertConnection(
  db: Db,
  values: {
    id: string;
    workspaceId: number;
    source: InvoiceSource;
    origin: "settings" | "command";
    secrets: string | null;
    accountId?: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .insert(connections)
    .values({
      id: values.id,
      workspaceId: values.workspaceId,
      source: values.source,
      origin: values.origin,
      secrets: values.secrets,
      accountId: values.accountId ?? null,
      createdBy: values.createdBy,
      createdAt: values.at,
      nextSyncAt: values.at,
    })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** A connection made again (new key): its secrets change, the backfill runs again now. */
export async function replaceConnectionSecrets(
  db: Db,
  id: string,
  values: { secrets: string; accountId: string | null; at: Date },
): Promise<void> {
  await db
    .update(connections)
    .set({
      secrets: values.secrets,
      accountId: values.accountId,
      backfilledAt: null,
      nextSyncAt: values.at,
      syncAttempts: 0,
      failingSince: null,
      lastError: null,
    })
    .where(eq(connections.id, id));
}

/** New sealed secrets for a connection (a webhook secret added; rotate-key). */
export async function updateConnectionSecrets(db: Db, id: string, sealed: string): Promise<void> {
  await db.update(connections).set({ secrets: sealed }).where(eq(connections.id, id));
}

export async function findConnection(
  db: Db,
  id: string,
): Promise<{ connection: ConnectionRow; workspace: WorkspaceRow } | undefined> {
  const [row] = await db
    .select({ connection: connections, workspace: workspaces })
    .from(connections)
    .innerJoin(workspaces, eq(workspaces.id, connections.workspaceId))
    .where(eq(connections.id, id));
  return row;
}

export async function workspaceConnection(
  db: Db,
  workspaceId: number,
  source: InvoiceSource,
): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, workspaceId), eq(connections.source, source)));
  return row;
}

export async function workspaceConnections(db: Db, workspaceId: number): Promise<ConnectionRow[]> {
  return db.select().from(connections).where(eq(connections.workspaceId, workspaceId)).orderBy(asc(connections.source));
}

/** The connection made from the deployment's settings for a source, if any. */
export async function settingsConnections(db: Db, source: InvoiceSource): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(connections)
    .where(and(eq(connections.source, source), eq(connections.origin, "settings")));
}

/**
 * Claims up to `limit` connections whose sync is due and not held by a live lease: each is
 * taken by one process only (SKIP LOCKED), for `leaseMs`. A process that dies mid-sync
 * leaves its lease, which expires and lets another take the connection.
 */
export async function claimDueConnections(
  db: Db,
  c: { by: string; now: Date; leaseUntil: Date; limit: number; sources: readonly InvoiceSource[]; only?: string },
): Promise<ConnectionRow[]> {
  if (c.sources.length === 0) return [];
  const due = c.only
    ? sql`${connections.id} = ${c.only}`
    : sql`${connections.nextSyncAt} <= ${c.now.toISOString()}::timestamptz`;
  return db
    .update(connections)
    .set({ claimedBy: c.by, leaseUntil: c.leaseUntil })
    .where(
      sql`${connections.id} in (select ${connections.id} from ${connections}
        where ${due}
          and ${connections.source} in ${c.sources}
          and (${connections.leaseUntil} is null or ${connections.leaseUntil} < ${c.now.toISOString()}::timestamptz)
        order by ${connections.nextSyncAt}
        limit ${c.limit}
        for update skip locked)`,
    )
    .returning();
}

/** Records a finished sync (only if this process still holds the claim). */
export async function finishSync(
  db: Db,
  id: string,
  by: string,
  outcome:
    | { ok: true; at: Date; syncedUntil: Date; backfilled: boolean; counts: Record<string, number>; next: Date }
    | { ok: false; at: Date; error: string; next: Date },
): Promise<void> {
  const mine = and(eq(connections.id, id), eq(connections.claimedBy, by));
  if (outcome.ok) {
    await db
      .update(connections)
      .set({
        claimedBy: null,
        leaseUntil: null,
        lastSyncAt: outcome.at,
        syncedUntil: outcome.syncedUntil,
        lastSyncCounts: outcome.counts,
        nextSyncAt: outcome.next,
        syncAttempts: 0,
        failingSince: null,
        lastError: null,
        ...(outcome.backfilled ? { backfilledAt: outcome.at } : {}),
      })
      .where(mine);
    return;
  }
  await db
    .update(connections)
    .set({
      claimedBy: null,
      leaseUntil: null,
      nextSyncAt: outcome.next,
      syncAttempts: sql`${connections.syncAttempts} + 1`,
      failingSince: sql`coalesce(${connections.failingSince}, ${outcome.at.toISOString()}::timestamptz)`,
      lastError: outcome.error,
    })
    .where(mine);
}

/** Makes a connection due now (/client sync now), unless a sync holds it. */
export async function syncSoon(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(connections)
    .set({ nextSyncAt: now })
    .where(and(eq(connections.id, id), or(isNull(connections.leaseUntil), lte(connections.leaseUntil, now))));
}

export interface ConnectionCounts {
  invoices: number;
  recorded: number;
  waiting: number;
  customers: number;
  unlinked: number;
}

/** What a connection holds: invoices seen, recorded in Tact, waiting; customers, unlinked ones. */
export async function connectionCounts(db: Db, connectionId: string): Promise<ConnectionCounts> {
  const [row] = await db
    .select({
      invoices: sql<number>`count(*) filter (where ${sourceObjects.kind} = 'invoice' and ${sourceObjects.data}->>'status' <> 'draft')::int`,
      recorded: sql<number>`count(*) filter (where ${sourceObjects.kind} = 'invoice' and ${sourceObjects.invoiceId} is not null)::int`,
      waiting: sql<number>`count(*) filter (where ${sourceObjects.kind} = 'invoice' and ${sourceObjects.invoiceId} is null and ${sourceObjects.data}->>'status' <> 'draft')::int`,
      customers: sql<number>`count(*) filter (where ${sourceObjects.kind} = 'customer')::int`,
      unlinked: sql<number>`count(*) filter (where ${sourceObjects.kind} = 'customer' and ${sourceObjects.clientId} is null)::int`,
    })
    .from(sourceObjects)
    .where(eq(sourceObjects.connectionId, connectionId));
  return row ?? { invoices: 0, recorded: 0, waiting: 0, customers: 0, unlinked: 0 };
}

/** Every workspace using Tact on these platforms, to attach the settings' connection to the only one. */
export async function activeWorkspaces(db: Db, platforms: readonly string[], limit = 2): Promise<WorkspaceRow[]> {
  if (platforms.length === 0) return [];
  return db
    .select()
    .from(workspaces)
    .where(and(sql`${workspaces.platform} in ${platforms}`, isNull(workspaces.deactivatedAt)))
    .orderBy(asc(workspaces.id))
    .limit(limit);
}
