import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";

/** The audit action `/client undo` writes; its subject is the entry it took back. */
export const UNDONE_ACTION = "action.undone";

/** Something a person did, as the audit log recorded it, and whether it was taken back. */
export interface ActionEntry {
  id: number;
  actorId: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  at: Date;
  /** When `/client undo` took it back, and who did: null while it stands. */
  undoneAt: Date | null;
  undoneBy: string | null;
}

interface ActionRow {
  id: number | string;
  actor_id: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown> | null;
  at: Date | string;
  undone_at: Date | string | null;
  undone_by: string | null;
}

const select = sql`select a.id, a.actor_id, a.action, a.subject_type, a.subject_id, a.details, a.at,
    u.at as undone_at, u.actor_id as undone_by
  from audit_log a
  left join audit_log u on u.workspace_id = a.workspace_id and u.action = ${UNDONE_ACTION} and u.subject_id = a.id::text`;

/**
 * The person's latest action since `since` (refused attempts are not actions). Reads the
 * workspace's recent audit entries only: the index on (workspace, time) bounds it.
 */
export async function lastActionBy(
  db: Db,
  workspaceId: number,
  actorId: string,
  since: Date,
): Promise<ActionEntry | undefined> {
  const [row] = await queryRows<ActionRow>(
    db,
    sql`${select}
      where a.workspace_id = ${workspaceId} and a.actor_id = ${actorId} and a.at >= ${since.toISOString()}::timestamptz
        and a.action not like 'refused.%'
      order by a.at desc, a.id desc
      limit 1`,
  );
  return row && toEntry(row);
}

/** One audit entry of the workspace, by id (ids in buttons can be forged: scoped here). */
export async function findAction(db: Db, workspaceId: number, id: number): Promise<ActionEntry | undefined> {
  const [row] = await queryRows<ActionRow>(db, sql`${select} where a.workspace_id = ${workspaceId} and a.id = ${id}`);
  return row && toEntry(row);
}

/** The entry that recorded an action on a subject (the `incident.logged` of an incident). */
export async function findActionOn(
  db: Db,
  workspaceId: number,
  action: string,
  subjectId: string,
): Promise<ActionEntry | undefined> {
  const [row] = await queryRows<ActionRow>(
    db,
    sql`${select} where a.workspace_id = ${workspaceId} and a.action = ${action} and a.subject_id = ${subjectId}
      order by a.id limit 1`,
  );
  return row && toEntry(row);
}

/**
 * Records that `entry` was taken back, once: false when it already was (a second press, even
 * at the same moment, waits for the first on the unique index, then finds it there).
 */
export async function recordUndone(
  tx: Db,
  workspaceId: number,
  entry: ActionEntry,
  by: string,
  at: Date,
  details: Record<string, unknown>,
): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`insert into audit_log (workspace_id, actor_id, action, subject_type, subject_id, details, at)
      values (${workspaceId}, ${by}, ${UNDONE_ACTION}, 'audit', ${String(entry.id)},
        ${JSON.stringify({ action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, ...details })}::jsonb,
        ${at.toISOString()}::timestamptz)
      on conflict (workspace_id, subject_id) where action = ${sql.raw(`'${UNDONE_ACTION}'`)} do nothing
      returning id`,
  );
  return rows.length > 0;
}

function toEntry(r: ActionRow): ActionEntry {
  return {
    id: Number(r.id),
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: r.details ?? {},
    at: new Date(r.at),
    undoneAt: r.undone_at === null ? null : new Date(r.undone_at),
    undoneBy: r.undone_by,
  };
}
