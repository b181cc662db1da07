import { inArray } from "drizzle-orm";
import type { Db } from "../database.ts";
import { clients, workspaces } from "../schema/index.ts";
import type { WorkspaceRow } from "./workspaces.ts";

/** The workspaces a round runs for, by id. One query. */
export async function digestWorkspaces(db: Db, ids: readonly number[]): Promise<WorkspaceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(workspaces)
    .where(inArray(workspaces.id, [...ids]));
}

/** Every client of the given workspaces: id, name and status (names for the digest). One query. */
export async function digestClients(
  db: Db,
  workspaceIds: readonly number[],
): Promise<{ id: number; workspaceId: number; displayName: string; status: string }[]> {
  if (workspaceIds.length === 0) return [];
  return db
    .select({
      id: clients.id,
      workspaceId: clients.workspaceId,
      displayName: clients.displayName,
      status: clients.status,
    })
    .from(clients)
    .where(inArray(clients.workspaceId, [...workspaceIds]));
}
