import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../database.ts";
import { oauthStates } from "../schema/index.ts";

export type OAuthStateRow = typeof oauthStates.$inferSelect;

/** Stores one step of an OAuth connection (its token already hashed); forgets those long expired. */
export async function insertOAuthState(
  db: Db,
  v: {
    id: string;
    workspaceId: number;
    userId: string;
    source: string;
    purpose: string;
    data?: Record<string, unknown>;
    at: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date(v.at.getTime() - 86_400_000)));
  await db.insert(oauthStates).values({
    id: v.id,
    workspaceId: v.workspaceId,
    userId: v.userId,
    source: v.source,
    purpose: v.purpose,
    data: v.data ?? {},
    createdAt: v.at,
    expiresAt: v.expiresAt,
  });
}

/**
 * Uses a step once: the row if it exists for this source and purpose, is unused and has not
 * expired; marked used in the same statement, so two requests carrying it get it once.
 */
export async function consumeOAuthState(
  db: Db,
  v: { id: string; source: string; purpose: string; now: Date },
): Promise<OAuthStateRow | undefined> {
  const [row] = await db
    .update(oauthStates)
    .set({ usedAt: v.now })
    .where(
      and(
        eq(oauthStates.id, v.id),
        eq(oauthStates.source, v.source),
        eq(oauthStates.purpose, v.purpose),
        isNull(oauthStates.usedAt),
        gt(oauthStates.expiresAt, v.now),
      ),
    )
    .returning();
  return row;
}
