import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { deliveries, workspaces } from "../schema/index.ts";

/**
 * A workspace's daily round (its digest and overdue alerts for one local date) is recorded
 * as a delivery of this kind, keyed by the date. Its payload keeps what the next digest
 * compares against (the risk levels of that day).
 */
export const ROUND = "round";

export interface ScheduleRow {
  workspaceId: number;
  platform: string;
  externalId: string;
  locale: string;
  timezone: string;
  digestTime: string;
  digestDays: number[];
  digestChannel: string | null;
  createdAt: Date;
  lastRoundDate: string | null;
}

/**
 * Every active workspace on the given platforms that has a channel, with the date of its
 * latest round done or in progress (a round whose claim expired, its process gone, does not
 * count: it is due again). What the planner needs: one short row per workspace.
 */
export async function scheduleRows(db: Db, platforms: readonly string[], now: Date): Promise<ScheduleRow[]> {
  if (platforms.length === 0) return [];
  return db
    .select({
      workspaceId: workspaces.id,
      platform: workspaces.platform,
      externalId: workspaces.externalId,
      locale: workspaces.locale,
      timezone: workspaces.timezone,
      digestTime: workspaces.digestTime,
      digestDays: workspaces.digestDays,
      digestChannel: workspaces.digestChannel,
      createdAt: workspaces.createdAt,
      // The outer table is named in full: drizzle writes a bare column name here, which the
      // subquery would take as its own.
      lastRoundDate: sql<string | null>`(select max(d.key) from ${deliveries} d
        where d.workspace_id = ${workspaces}.id and d.kind = ${ROUND}
          and (d.state = 'sent' or d.next_attempt_at > ${now.toISOString()}::timestamptz))`,
    })
    .from(workspaces)
    .where(
      and(
        isNull(workspaces.deactivatedAt),
        isNotNull(workspaces.digestChannel),
        inArray(workspaces.platform, [...platforms]),
      ),
    );
}

export interface PreviousRound {
  workspaceId: number;
  localDate: string;
  /** When it was planned: incidents logged after it are new in the next digest. */
  at: Date;
  payload: Record<string, unknown> | null;
}

/** For each workspace, its latest completed round before the given local date. One query. */
export async function previousRounds(
  db: Db,
  items: readonly { workspaceId: number; before: string }[],
): Promise<Map<number, PreviousRound>> {
  if (items.length === 0) return new Map();
  const wanted = sql.join(
    items.map((i) => sql`(${i.workspaceId}::int, ${i.before}::text)`),
    sql`, `,
  );
  const rows = await queryRows<{ workspace_id: number; key: string; claimed_at: Date | string; payload: unknown }>(
    db,
    sql`select distinct on (d.workspace_id) d.workspace_id, d.key, d.claimed_at, d.payload
        from ${deliveries} d
        join (values ${wanted}) as w(workspace_id, before)
          on d.workspace_id = w.workspace_id and d.kind = ${ROUND} and d.key < w.before and d.state = 'sent'
        order by d.workspace_id, d.key desc`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.workspace_id),
      {
        workspaceId: Number(r.workspace_id),
        localDate: r.key,
        at: new Date(r.claimed_at),
        payload: (r.payload as Record<string, unknown> | null) ?? null,
      },
    ]),
  );
}

/**
 * Claims rounds: inserts each (workspace, date) round under a lease, or takes over one whose
 * lease expired (its process died before finishing it). Returns the workspaces whose round
 * this call holds and so must run; one statement, atomic against other processes.
 */
export async function claimRounds(
  db: Db,
  rounds: readonly { workspaceId: number; localDate: string }[],
  c: { by: string; now: Date; leaseEnd: Date },
): Promise<Set<number>> {
  if (rounds.length === 0) return new Set();
  // Sorted, so two processes claiming overlapping sets lock rows in the same order.
  const sorted = [...rounds].sort((a, b) => a.workspaceId - b.workspaceId);
  const won = new Set<number>();
  // 8 parameters a row and at most 65,535 a statement: thousands of workspaces due at the
  // same minute (09:00 in one time zone) are claimed 1,000 at a time.
  for (let i = 0; i < sorted.length; i += 1_000) {
    for (const id of await claimSomeRounds(db, sorted.slice(i, i + 1_000), c)) won.add(id);
  }
  return won;
}

async function claimSomeRounds(
  db: Db,
  sorted: readonly { workspaceId: number; localDate: string }[],
  c: { by: string; now: Date; leaseEnd: Date },
): Promise<number[]> {
  const rows = await db
    .insert(deliveries)
    .values(
      sorted.map((r) => ({
        workspaceId: r.workspaceId,
        kind: ROUND,
        key: r.localDate,
        state: "claimed",
        attempts: 1,
        claimedBy: c.by,
        claimedAt: c.now,
        nextAttemptAt: c.leaseEnd,
      })),
    )
    .onConflictDoUpdate({
      target: [deliveries.workspaceId, deliveries.kind, deliveries.key],
      set: {
        claimedBy: c.by,
        claimedAt: c.now,
        nextAttemptAt: c.leaseEnd,
        attempts: sql`${deliveries.attempts} + 1`,
      },
      setWhere: sql`${deliveries.state} = 'claimed' and ${deliveries.nextAttemptAt} <= ${c.now.toISOString()}::timestamptz`,
    })
    .returning({ workspaceId: deliveries.workspaceId });
  return rows.map((r) => r.workspaceId);
}

/**
 * Marks rounds done, with what the next round compares against (risk levels), if this
 * process still holds them.
 */
export async function finishRounds(
  db: Db,
  rounds: readonly { workspaceId: number; localDate: string; payload: Record<string, unknown> }[],
  by: string,
  now: Date,
): Promise<void> {
  if (rounds.length === 0) return;
  const values = sql.join(
    rounds.map((p) => sql`(${p.workspaceId}::int, ${p.localDate}::text, ${JSON.stringify(p.payload)}::jsonb)`),
    sql`, `,
  );
  await db.execute(
    sql`update ${deliveries} d
        set payload = v.payload, state = 'sent', sent_at = ${now.toISOString()}::timestamptz, next_attempt_at = null
        from (values ${values}) as v(workspace_id, key, payload)
        where d.workspace_id = v.workspace_id and d.kind = ${ROUND} and d.key = v.key
          and d.claimed_by = ${by} and d.state = 'claimed'`,
  );
}

/** The workspace's round for a local date, if claimed (tests and the digest verb). */
export async function findRound(db: Db, workspaceId: number, localDate: string) {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.kind, ROUND), eq(deliveries.key, localDate)));
  return row;
}
