import { inArray } from "drizzle-orm";
import type { Db } from "../database.ts";
import { workspaces } from "../schema/index.ts";
import type { WorkspaceRow } from "./workspaces.ts";

/** The workspaces a round runs for, by id. One query. */
export async function digestWorkspaces(db: Db, ids: readonly number[]): Promise<WorkspaceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(workspaces)
    .where(inArray(workspaces.id, [...ids]));
}
