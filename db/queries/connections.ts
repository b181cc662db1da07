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
    accountName?: string | null;
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
      accountName: values.accountName ?? null,
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
  const now = sql`${c.now.toISOString()}::timestamptz`;
  const due = c.only
    ? sql`${connections.id} = ${c.only}`
    : sql`(${connections.nextSyncAt} <= ${now} or ${connections.syncRequestedAt} <= ${now})`;
  return (
    db
      .update(connections)
      // A webhook's request is taken by this sync; one arriving meanwhile asks for the next.
      .set({ claimedBy: c.by, leaseUntil: c.leaseUntil, syncRequestedAt: null })
      .where(
        sql`${connections.id} in (select ${connections.id} from ${connections}
        where ${due}
          and ${connections.pausedAt} is null
          and ${connections.source} in ${c.sources}
          and (${connections.leaseUntil} is null or ${connections.leaseUntil} < ${c.now.toISOString()}::timestamptz)
        order by ${connections.nextSyncAt}
        limit ${c.limit}
        for update skip locked)`,
      )
      .returning()
  );
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

/**
 * Stops a connection until the owner reconnects it (tokens refused) and releases the claim.
 * Returns the row when this call paused it, undefined when it already was paused.
 */
export async function pauseConnection(
  db: Db,
  id: string,
  by: string | undefined,
  p: { at: Date; reason: string; error: string },
): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .update(connections)
    .set({
      claimedBy: null,
      leaseUntil: null,
      pausedAt: p.at,
      pauseReason: p.reason,
      lastError: p.error,
      failingSince: sql`coalesce(${connections.failingSince}, ${p.at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(connections.id, id), isNull(connections.pausedAt), by ? eq(connections.claimedBy, by) : undefined))
    .returning();
  return row;
}

/**
 * A webhook said the source's account changed: every unpaused connection to it syncs as soon
 * as a worker can. Returns the connections asked.
 */
export async function requestSyncOfAccount(
  db: Db,
  source: InvoiceSource,
  accountId: string,
  at: Date,
): Promise<string[]> {
  const rows = await db
    .update(connections)
    .set({ syncRequestedAt: sql`coalesce(${connections.syncRequestedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(connections.source, source), eq(connections.accountId, accountId), isNull(connections.pausedAt)))
    .returning({ id: connections.id });
  return rows.map((r) => r.id);
}

/**
 * New OAuth tokens for a connection (the owner connected again): it is no longer paused. The
 * same account keeps what was synced (the catch-up follows on); another one starts over with
 * a backfill.
 */
export async function reconnectConnection(
  db: Db,
  id: string,
  v: { secrets: string; accountId: string; accountName: string; sameAccount: boolean; at: Date },
): Promise<void> {
  await db
    .update(connections)
    .set({
      secrets: v.secrets,
      accountId: v.accountId,
      accountName: v.accountName,
      pausedAt: null,
      pauseReason: null,
      nextSyncAt: v.at,
      syncAttempts: 0,
      failingSince: null,
      lastError: null,
      ...(v.sameAccount ? {} : { backfilledAt: null, syncedUntil: null }),
    })
    .where(eq(connections.id, id));
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

/**
 * Connections paused in the last week because the source refused them, with their
 * workspace's owner and language: the owner is told once (the scheduler's delivery key).
 */
export async function recentlyPausedConnections(
  db: Db,
  now: Date,
  platforms: readonly string[],
): Promise<
  {
    id: string;
    source: InvoiceSource;
    pausedAt: Date;
    pauseReason: string | null;
    workspaceId: number;
    ownerUserId: string | null;
    locale: string;
    timezone: string;
  }[]
> {
  if (platforms.length === 0) return [];
  const rows = await db
    .select({
      id: connections.id,
      source: connections.source,
      pausedAt: connections.pausedAt,
      pauseReason: connections.pauseReason,
      workspaceId: connections.workspaceId,
      ownerUserId: workspaces.ownerUserId,
      locale: workspaces.locale,
      timezone: workspaces.timezone,
    })
    .from(connections)
    .innerJoin(workspaces, eq(workspaces.id, connections.workspaceId))
    .where(
      and(
        sql`${connections.pausedAt} > ${new Date(now.getTime() - 7 * 86_400_000).toISOString()}::timestamptz`,
        sql`${connections.pauseReason} in ('tokens-refused', 'access-refused')`,
        sql`${workspaces.platform} in ${platforms}`,
        isNull(workspaces.deactivatedAt),
      ),
    );
  return rows.flatMap((r) => (r.pausedAt ? [{ ...r, pausedAt: r.pausedAt }] : []));
}
