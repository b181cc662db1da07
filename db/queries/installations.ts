import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { installations, workspaces } from "../schema/index.ts";

export type InstallationRow = typeof installations.$inferSelect;

/**
 * A platform's installation record: sealed whole (it holds the bot token), and without its
 * secrets in `data`. Saving it also marks the workspace active again, in one transaction.
 */
export async function saveInstallation(
  db: Db,
  input: {
    key: string;
    platform: string;
    data: Record<string, unknown>;
    sealed: string;
    at: Date;
    workspaceExternalIds: string[];
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(installations)
      .values({
        key: input.key,
        platform: input.platform,
        data: input.data,
        sealed: input.sealed,
        createdAt: input.at,
        updatedAt: input.at,
      })
      .onConflictDoUpdate({
        target: installations.key,
        set: { data: input.data, sealed: input.sealed, updatedAt: input.at },
      });
    for (const externalId of input.workspaceExternalIds) {
      await setWorkspaceDeactivated(tx, input.platform, externalId, null);
    }
  });
}

export async function findInstallation(db: Db, key: string): Promise<InstallationRow | undefined> {
  const [row] = await db.select().from(installations).where(eq(installations.key, key));
  return row;
}

export async function deleteInstallation(db: Db, key: string): Promise<void> {
  await db.delete(installations).where(eq(installations.key, key));
}

/**
 * Marks a workspace deactivated (the app was uninstalled or its token revoked: nothing more is
 * posted there, its data is kept) or active again with `at = null`. Returns whether a row changed.
 */
export async function setWorkspaceDeactivated(
  db: Db,
  platform: string,
  externalId: string,
  at: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(workspaces)
    .set({ deactivatedAt: at })
    .where(
      and(
        eq(workspaces.platform, platform),
        eq(workspaces.externalId, externalId),
        at === null ? sql`${workspaces.deactivatedAt} is not null` : sql`${workspaces.deactivatedAt} is null`,
      ),
    )
    .returning({ id: workspaces.id });
  return rows.length > 0;
}
