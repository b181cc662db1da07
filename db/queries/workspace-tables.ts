import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";

/**
 * Every table holding one workspace's rows (those with a `workspace_id` column), found in
 * the live schema so export and purge keep up with tables added later.
 */
export async function workspaceTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.table_name
          from information_schema.columns c
          join information_schema.tables t
            on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and c.column_name = 'workspace_id' and t.table_type = 'BASE TABLE'
         order by c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** How many rows each workspace table holds for one workspace (tables with none included). */
export async function workspaceFootprint(db: Db, workspaceId: number): Promise<Record<string, number>> {
  const tables = await workspaceTables(db);
  if (tables.length === 0) return {};
  // One statement for all tables, rather than one query per table.
  const counts = sql.join(
    tables.map(
      (table) =>
        sql`select ${table}::text as name, count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
    ),
    sql` union all `,
  );
  const rows = await queryRows<{ name: string; n: number }>(db, counts);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

/**
 * The keys platform-level tables use for a workspace: installations are stored as
 * `platform:externalId`, processed request ids start with `platform:externalId:`.
 */
export function workspaceKey(workspace: { platform: string; externalId: string }): string {
  return `${workspace.platform}:${workspace.externalId}`;
}
