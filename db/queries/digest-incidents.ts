import { sql } from "drizzle-orm";
import type { IncidentKind } from "../../src/domain/incident-kinds.ts";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { clients, incidents, invoices } from "../schema/index.ts";

export interface NewIncident {
  id: number;
  workspaceId: number;
  clientId: number;
  clientName: string;
  kind: IncidentKind;
  /** The invoice a late payment names (by id, or by the number typed), if recorded. */
  invoiceId: number | null;
  invoiceRef: string | null;
}

/**
 * Incidents logged in each workspace since its own instant and up to `until`; withdrawn
 * ones and lessons left out (a client being let go is not: DESIGN.md §7). One query for any number of
 * workspaces; the digest counts them as the record does (late payments one per invoice).
 */
export async function newIncidents(
  db: Db,
  windows: readonly { workspaceId: number; since: Date }[],
  until: Date,
): Promise<NewIncident[]> {
  if (windows.length === 0) return [];
  const wanted = sql.join(
    windows.map((w) => sql`(${w.workspaceId}::int, ${w.since.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await queryRows<{
    id: number;
    workspace_id: number;
    client_id: number;
    client_name: string;
    kind: IncidentKind;
    invoice_id: number | null;
    invoice_ref: string | null;
  }>(
    db,
    sql`select i.id, i.workspace_id, i.client_id, c.display_name as client_name, i.kind,
          coalesce(i.invoice_id, v.id) as invoice_id, i.invoice_ref
        from ${incidents} i
        join (values ${wanted}) as w(workspace_id, since) on i.workspace_id = w.workspace_id
        join ${clients} c on c.id = i.client_id and c.workspace_id = i.workspace_id
        left join ${invoices} v on i.kind = 'late' and i.invoice_id is null and v.workspace_id = i.workspace_id
          and v.client_id = i.client_id and lower(v.number) = lower(regexp_replace(trim(i.invoice_ref), '^#', ''))
        where i.created_at > w.since and i.created_at <= ${until.toISOString()}::timestamptz
          and i.withdrawn_at is null and i.kind <> 'lesson'
        order by i.workspace_id, lower(c.display_name), i.kind, i.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    workspaceId: Number(r.workspace_id),
    clientId: Number(r.client_id),
    clientName: r.client_name,
    kind: r.kind,
    invoiceId: r.invoice_id === null ? null : Number(r.invoice_id),
    invoiceRef: r.invoice_ref,
  }));
}
