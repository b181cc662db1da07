import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { members } from "../schema/index.ts";

/** Skips the write when nothing changed but the day (most requests). */
export const memberChanged = sql`${members.displayName} is distinct from excluded.display_name or ${members.lastSeenAt} < excluded.last_seen_at - interval '1 day'`;

/** Records (or refreshes) the name a user goes by, so records can name them. */
export async function upsertMember(
  db: Db,
  workspaceId: number,
  userId: string,
  displayName: string,
  at: Date,
): Promise<void> {
  await db
    .insert(members)
    .values({ workspaceId, userId, displayName, lastSeenAt: at })
    .onConflictDoUpdate({
      target: [members.workspaceId, members.userId],
      set: { displayName, lastSeenAt: at },
      setWhere: memberChanged,
    });
}

/** Display names by user id; ids never seen map to themselves. */
export async function memberNames(
  db: Db,
  workspaceId: number,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>(userIds.map((id) => [id, id]));
  if (userIds.length === 0) return names;
  const rows = await db
    .select({ userId: members.userId, displayName: members.displayName })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), inArray(members.userId, [...new Set(userIds)])));
  for (const row of rows) names.set(row.userId, row.displayName);
  return names;
}
