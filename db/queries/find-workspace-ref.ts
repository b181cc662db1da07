import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { workspaces } from "../schema/index.ts";
import type { WorkspaceRow } from "./workspaces.ts";

export type WorkspaceLookup = { found: WorkspaceRow } | { missing: true } | { ambiguous: WorkspaceRow[] };

/**
 * The workspace an operator means: Tact's numeric id (`42`), a platform id (`slack:T0123`,
 * `discord:81234…`) or a bare platform id (`T0123`) when only one platform has it.
 */
export async function findWorkspaceByRef(db: Db, ref: string): Promise<WorkspaceLookup> {
  const text = ref.trim();
  if (/^\d{1,9}$/.test(text)) {
    const [row] = await db
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, Number(text)));
    if (row) return { found: row };
  }
  const colon = text.indexOf(":");
  if (colon > 0) {
    const platform = text.slice(0, colon);
    const externalId = text.slice(colon + 1);
    const [row] = await db
      .select()
      .from(workspaces)
      .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
    if (row) return { found: row };
  }
  const rows = await db.select().from(workspaces).where(eq(workspaces.externalId, text)).limit(10);
  if (rows.length === 1 && rows[0]) return { found: rows[0] };
  if (rows.length > 1) return { ambiguous: rows };
  return { missing: true };
}

/** Every workspace, for an operator looking for the one to export or purge. */
export async function listWorkspaces(db: Db): Promise<WorkspaceRow[]> {
  return db.select().from(workspaces).orderBy(asc(workspaces.id));
}
