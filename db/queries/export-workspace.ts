import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { workspaceKey, workspaceTables } from "./workspace-tables.ts";

export interface WorkspaceExport {
  format: "tact-workspace-export";
  version: 1;
  exportedAt: string;
  /** The workspace row, as stored. */
  workspace: Record<string, unknown>;
  /** Every row of every table that belongs to the workspace, by table, as stored. */
  tables: Record<string, Record<string, unknown>[]>;
  /** Platform installations for the workspace, without their tokens. */
  installations: Record<string, unknown>[];
}

/**
 * One workspace's data as JSON-ready rows (column names as in the database). Tokens of
 * platform installations are left out: an export is something people pass around.
 */
export async function exportWorkspace(db: Db, workspaceId: number, at: Date): Promise<WorkspaceExport | undefined> {
  const [workspace] = await queryRows<{ row: Record<string, unknown> }>(
    db,
    sql`select row_to_json(w) as row from workspaces w where w.id = ${workspaceId}`,
  );
  if (!workspace) return undefined;
  const ws = workspace.row as { platform: string; external_id: string };
  const tables: WorkspaceExport["tables"] = {};
  for (const table of await workspaceTables(db)) {
    if (table === "workspaces") continue;
    // Rows in a stable order (first columns are the id, or the workspace and member keys).
    const [result] = await queryRows<{ rows: Record<string, unknown>[] | null }>(
      db,
      sql`select json_agg(r) as rows
            from (select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by 1, 2) r`,
    );
    tables[table] = result?.rows ?? [];
  }
  const installations = await queryRows<Record<string, unknown>>(
    db,
    sql`select key, platform, created_at, updated_at
          from installations
         where key = ${workspaceKey({ platform: ws.platform, externalId: ws.external_id })}
         order by key`,
  );
  return {
    format: "tact-workspace-export",
    version: 1,
    exportedAt: at.toISOString(),
    workspace: workspace.row,
    tables,
    installations,
  };
}
