import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { workspaceFootprint, workspaceKey, workspaceTables } from "./workspace-tables.ts";

export interface PurgeResult {
  /** Rows deleted, by table. */
  deleted: Record<string, number>;
}

/**
 * Deletes everything Tact holds about one workspace, in one transaction: its rows in every
 * table, its platform installation (tokens) and the request ids seen from it. Nothing is
 * left half-deleted: a failure rolls the whole purge back.
 */
export async function purgeWorkspace(
  db: Db,
  workspace: { id: number; platform: string; externalId: string },
): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const before = await workspaceFootprint(tx, workspace.id);
    const key = workspaceKey(workspace);
    const installations = await tx.execute(sql`delete from installations where key = ${key}`);
    const requests = await tx.execute(
      sql`delete from processed_requests where left(key, ${key.length + 1}) = ${`${key}:`}`,
    );
    // Every other table hangs off the workspace and goes with it (on delete cascade)…
    await tx.execute(sql`delete from workspaces where id = ${workspace.id}`);
    // …and a table added later without that foreign key is swept explicitly.
    for (const table of await workspaceTables(tx)) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where workspace_id = ${workspace.id}`);
    }
    const deleted: Record<string, number> = { ...before, workspaces: 1 };
    deleted.installations = affected(installations);
    deleted.processed_requests = affected(requests);
    return { deleted };
  });
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
