import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { clients, incidents } from "../schema/index.ts";

export interface ClientActivity {
  workspaceId: number;
  clientId: number;
  /** Ignored advice was logged for it in the window. */
  adviceIgnored: boolean;
}

/**
 * The clients (former ones aside) with incidents logged since each workspace's own moment (lessons aside),
 * and whether ignored advice is among them: what the agency's own lesson reads (issue #14 §5).
 * One query for any number of workspaces.
 */
export async function clientActivity(
  db: Db,
  windows: readonly { workspaceId: number; since: Date }[],
): Promise<ClientActivity[]> {
  if (windows.length === 0) return [];
  const wanted = sql.join(
    windows.map((w) => sql`(${w.workspaceId}::int, ${w.since.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await queryRows<{ workspace_id: number; client_id: number; advice: boolean }>(
    db,
    sql`select i.workspace_id, i.client_id, bool_or(i.kind = 'advice') as advice
        from ${incidents} i
        join (values ${wanted}) as w(workspace_id, since) on i.workspace_id = w.workspace_id
        join ${clients} c on c.id = i.client_id and c.workspace_id = i.workspace_id and c.status <> 'offboarded'
        where i.withdrawn_at is null and i.kind <> 'lesson' and i.occurred_at >= w.since
        group by i.workspace_id, i.client_id`,
  );
  return rows.map((r) => ({
    workspaceId: Number(r.workspace_id),
    clientId: Number(r.client_id),
    adviceIgnored: Boolean(r.advice),
  }));
}
