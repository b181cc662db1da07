import { and, eq, lt, sql, type WithSubquery } from "drizzle-orm";
import type { Db } from "../database.ts";
import { members, processedRequests, workspaces } from "../schema/index.ts";
import { memberChanged } from "./members.ts";
import type { WorkspaceRow } from "./workspaces.ts";

/** Forgets request ids older than `before`; platforms only resend within minutes. */
export async function pruneProcessedRequests(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(processedRequests)
    .where(lt(processedRequests.at, before))
    .returning({ key: processedRequests.key });
  return rows.length;
}

/**
 * Claims a platform request id (false when it was applied already), reads the workspace the
 * request is for and records the member's name (as upsertMember does), in one statement: the
 * first three round trips of nearly every request made one. The workspace is undefined when
 * it has never been seen (then nothing is recorded for the member).
 */
export async function claimRequestAndFindWorkspace(
  db: Db,
  claim: { key: string; at: Date },
  workspace: { platform: string; externalId: string },
  member?: { userId: string; name: string },
): Promise<{ claimed: boolean; workspace: WorkspaceRow | undefined }> {
  const inserted = db
    .$with("claimed_request")
    .as(db.insert(processedRequests).values(claim).onConflictDoNothing().returning({ key: processedRequests.key }));
  const claimed = db.$with("claim").as(db.select({ n: sql<number>`count(*)::int`.as("n") }).from(inserted));
  const ctes: WithSubquery[] = [inserted, claimed];
  if (member) {
    const at = claim.at.toISOString();
    const seen = db.$with("member_seen").as(
      db
        .insert(members)
        .select(
          sql`select w.id, ${member.userId}, ${member.name}, null, ${at}::timestamptz from ${workspaces} w
            where w.platform = ${workspace.platform} and w.external_id = ${workspace.externalId}
              and exists (select 1 from claimed_request)`,
        )
        .onConflictDoUpdate({
          target: [members.workspaceId, members.userId],
          set: { displayName: sql`excluded.display_name`, lastSeenAt: sql`excluded.last_seen_at` },
          setWhere: memberChanged,
        })
        .returning({ userId: members.userId }),
    );
    ctes.push(seen);
  }
  const [row] = await db
    .with(...ctes)
    .select({ n: claimed.n, workspace: workspaces })
    .from(claimed)
    .leftJoin(
      workspaces,
      and(eq(workspaces.platform, workspace.platform), eq(workspaces.externalId, workspace.externalId)),
    );
  return { claimed: Number(row?.n ?? 0) > 0, workspace: row?.workspace ?? undefined };
}
