import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { deliveries, workspaces } from "../schema/index.ts";

export type DeliveryRow = typeof deliveries.$inferSelect;

/** Something the scheduler means to send, under its unique key. */
export interface PlannedDelivery {
  workspaceId: number;
  /** 'digest' | 'alert' | … */
  kind: string;
  /** Unique per workspace and kind: the local date of a digest, `invoiceId:stage` of an alert. */
  key: string;
  /** What to send, kept so that a retry sends exactly what was planned. */
  payload: Record<string, unknown>;
}

export interface Claimer {
  /** Which process holds the claim (host, pid, random), for logs and to mark its own rows. */
  by: string;
  now: Date;
  /** When the claim expires if its holder never reports back (it crashed). */
  leaseEnd: Date;
}

/**
 * Claims deliveries by inserting them: a key already present (sent, or claimed by another
 * process) is skipped. Returns only the rows this call inserted, which the caller alone may
 * send. One statement per 1,000 rows.
 */
export async function claimDeliveries(db: Db, planned: readonly PlannedDelivery[], c: Claimer): Promise<DeliveryRow[]> {
  const claimed: DeliveryRow[] = [];
  for (let i = 0; i < planned.length; i += ROWS_PER_STATEMENT) {
    claimed.push(...(await claimSome(db, planned.slice(i, i + ROWS_PER_STATEMENT), c)));
  }
  return claimed;
}

/**
 * PostgreSQL takes at most 65,535 parameters in a statement and a delivery has 9: a tick
 * with thousands of alerts (1,000 workspaces due, say) inserts them 1,000 at a time, in the
 * caller's transaction. One statement over 7,281 rows failed, and with it every round.
 */
const ROWS_PER_STATEMENT = 1_000;

async function claimSome(db: Db, planned: readonly PlannedDelivery[], c: Claimer): Promise<DeliveryRow[]> {
  if (planned.length === 0) return [];
  return db
    .insert(deliveries)
    .values(
      planned.map((p) => ({
        workspaceId: p.workspaceId,
        kind: p.kind,
        key: p.key,
        state: "claimed",
        attempts: 1,
        claimedBy: c.by,
        claimedAt: c.now,
        nextAttemptAt: c.leaseEnd,
        payload: p.payload,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

/**
 * Claims deliveries whose retry time has come or whose holder let its lease expire, for the
 * given platforms, skipping rows another process is claiming at the same moment.
 */
export async function claimRetries(
  db: Db,
  platforms: readonly string[],
  c: Claimer,
  limit: number,
): Promise<DeliveryRow[]> {
  if (platforms.length === 0) return [];
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .innerJoin(workspaces, eq(workspaces.id, deliveries.workspaceId))
    .where(
      and(
        isNotNull(deliveries.nextAttemptAt),
        lte(deliveries.nextAttemptAt, c.now),
        // A round is not sent: one whose process died is run again by the planner.
        ne(deliveries.kind, "round"),
        isNull(workspaces.deactivatedAt),
        inArray(workspaces.platform, [...platforms]),
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(limit)
    .for("update", { of: deliveries, skipLocked: true });
  return db
    .update(deliveries)
    .set({
      state: "claimed",
      claimedBy: c.by,
      // claimed_at stays the first attempt's time: where a retry looks for what it posted.
      attempts: sql`${deliveries.attempts} + 1`,
      nextAttemptAt: c.leaseEnd,
      // Still 'claimed' when its lease ran out: its sender died, perhaps after posting it.
      payload: sql`case when ${deliveries.state} = 'claimed'
        then coalesce(${deliveries.payload}, '{}'::jsonb) || '{"uncertain": true}'::jsonb
        else ${deliveries.payload} end`,
    })
    .where(inArray(deliveries.id, due))
    .returning();
}

/** Marks a delivery sent, if this process still holds its claim. */
export async function markDeliverySent(db: Db, id: number, by: string, now: Date): Promise<void> {
  await db
    .update(deliveries)
    .set({ state: "sent", sentAt: now, nextAttemptAt: null, lastError: null })
    .where(and(eq(deliveries.id, id), eq(deliveries.claimedBy, by), eq(deliveries.state, "claimed")));
}

/**
 * Records a failed send: retried at `retryAt`, or given up when it is null. `uncertain` when
 * it may have been posted all the same (kept for every later attempt, which looks first).
 */
export async function markDeliveryFailed(
  db: Db,
  id: number,
  by: string,
  error: string,
  retryAt: Date | null,
  uncertain = false,
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      state: "failed",
      lastError: error.slice(0, 500),
      nextAttemptAt: retryAt,
      ...(uncertain
        ? { payload: sql`coalesce(${deliveries.payload}, '{}'::jsonb) || '{"uncertain": true}'::jsonb` }
        : {}),
    })
    .where(and(eq(deliveries.id, id), eq(deliveries.claimedBy, by), eq(deliveries.state, "claimed")));
}

/** Where to send for each workspace: its platform and the platform's id for it. */
export async function deliveryTargets(
  db: Db,
  workspaceIds: readonly number[],
): Promise<Map<number, { platform: string; externalId: string; locale: string; deactivated: boolean }>> {
  if (workspaceIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: workspaces.id,
      platform: workspaces.platform,
      externalId: workspaces.externalId,
      locale: workspaces.locale,
      deactivatedAt: workspaces.deactivatedAt,
    })
    .from(workspaces)
    .where(inArray(workspaces.id, [...new Set(workspaceIds)]));
  return new Map(
    rows.map((r) => [
      r.id,
      { platform: r.platform, externalId: r.externalId, locale: r.locale, deactivated: r.deactivatedAt !== null },
    ]),
  );
}
