import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import type { IncidentKind } from "../schema/incidents.ts";
import { clients, incidents } from "../schema/index.ts";

export interface NewIncidentCount {
  workspaceId: number;
  clientId: number;
  clientName: string;
  kind: IncidentKind;
  count: number;
}

/**
 * Incidents logged in each workspace since its own instant and up to `until`, counted by
 * client and kind; withdrawn ones and clients being offboarded left out. One query for any
 * number of workspaces.
 */
export async function newIncidentCounts(
  db: Db,
  windows: readonly { workspaceId: number; since: Date }[],
  until: Date,
): Promise<NewIncidentCount[]> {
  if (windows.length === 0) return [];
  const wanted = sql.join(
    windows.map((w) => sql`(${w.workspaceId}::int, ${w.since.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await queryRows<{
    workspace_id: number;
    client_id: number;
    client_name: string;
    kind: IncidentKind;
    count: number;
  }>(
    db,
    sql`select i.workspace_id, i.client_id, c.display_name as client_name, i.kind, count(*)::int as count
        from ${incidents} i
        join (values ${wanted}) as w(workspace_id, since) on i.workspace_id = w.workspace_id
        join ${clients} c on c.id = i.client_id and c.workspace_id = i.workspace_id
        where i.created_at > w.since and i.created_at <= ${until.toISOString()}::timestamptz
          and i.withdrawn_at is null and c.status <> 'offboarding'
        group by i.workspace_id, i.client_id, c.display_name, i.kind
        order by i.workspace_id, lower(c.display_name), i.kind`,
  );
  return rows.map((r) => ({
    workspaceId: Number(r.workspace_id),
    clientId: Number(r.client_id),
    clientName: r.client_name,
    kind: r.kind,
    count: Number(r.count),
  }));
}
