import { sql } from "drizzle-orm";
import type { IncidentKind } from "../../src/domain/incident-kinds.ts";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { incidents, invoices } from "../schema/index.ts";

/** A workspace and the instant its "last 90 days" begin (the first local day's midnight). */
export interface RecentWindow {
  workspaceId: number;
  since: Date;
}

export interface IncidentTallyRow {
  workspaceId: number;
  clientId: number;
  kind: IncidentKind;
  total: number;
  recent: number;
  first: Date;
  last: Date;
  firstRecent: Date | null;
}

/**
 * Per client and kind, incidents other than late payments (counted per invoice, apart) and
 * lessons (never counted): all time and in each workspace's recent window, with the first
 * and last moments. One query for many clients of many workspaces.
 */
export async function incidentTallies(
  db: Db,
  windows: readonly RecentWindow[],
  clientIds?: readonly number[],
): Promise<IncidentTallyRow[]> {
  if (windows.length === 0 || clientIds?.length === 0) return [];
  const wanted = sql.join(
    windows.map((w) => sql`(${w.workspaceId}::int, ${w.since.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const clientFilter = clientIds ? sql`and i.client_id = any(${sql.param([...clientIds])}::int[])` : sql``;
  const rows = await queryRows<{
    workspace_id: number;
    client_id: number;
    kind: IncidentKind;
    total: number;
    recent: number;
    first: Date | string;
    last: Date | string;
    first_recent: Date | string | null;
  }>(
    db,
    sql`select i.workspace_id, i.client_id, i.kind, count(*)::int as total,
          (count(*) filter (where i.occurred_at >= w.since))::int as recent,
          min(i.occurred_at) as first, max(i.occurred_at) as last,
          min(i.occurred_at) filter (where i.occurred_at >= w.since) as first_recent
        from ${incidents} i
        join (values ${wanted}) as w(workspace_id, since) on i.workspace_id = w.workspace_id
        where i.withdrawn_at is null and i.kind not in ('late', 'lesson') ${clientFilter}
        group by i.workspace_id, i.client_id, i.kind`,
  );
  return rows.map((r) => ({
    workspaceId: Number(r.workspace_id),
    clientId: Number(r.client_id),
    kind: r.kind,
    total: Number(r.total),
    recent: Number(r.recent),
    first: new Date(r.first),
    last: new Date(r.last),
    firstRecent: r.first_recent === null ? null : new Date(r.first_recent),
  }));
}

export interface LateLogRow {
  id: number;
  workspaceId: number;
  clientId: number;
  occurredAt: Date;
  invoiceRef: string | null;
  /** The invoice it names, found by id or else by number among the client's invoices. */
  invoiceId: number | null;
  invoiceNumber: string | null;
  invoiceDueOn: string | null;
}

/**
 * `late` incidents still in the record, logged since a moment, for many clients of one or
 * many workspaces, each with the invoice it names: linked when logged, or recorded later
 * under the number typed. One query.
 */
export async function lateLogs(
  db: Db,
  workspaceIds: readonly number[],
  since: Date,
  clientIds?: readonly number[],
): Promise<LateLogRow[]> {
  if (workspaceIds.length === 0 || clientIds?.length === 0) return [];
  const clientFilter = clientIds ? sql`and i.client_id = any(${sql.param([...clientIds])}::int[])` : sql``;
  const rows = await queryRows<{
    id: number;
    workspace_id: number;
    client_id: number;
    occurred_at: Date | string;
    invoice_ref: string | null;
    invoice_id: number | null;
    invoice_number: string | null;
    invoice_due_on: string | Date | null;
  }>(
    db,
    sql`select i.id, i.workspace_id, i.client_id, i.occurred_at, i.invoice_ref,
          v.id as invoice_id, v.number as invoice_number, v.due_on::text as invoice_due_on
        from ${incidents} i
        left join ${invoices} v on v.workspace_id = i.workspace_id and v.client_id = i.client_id
          and (v.id = i.invoice_id or (i.invoice_id is null
            and lower(v.number) = lower(regexp_replace(trim(i.invoice_ref), '^#', ''))))
        where i.workspace_id = any(${sql.param([...workspaceIds])}::int[]) and i.kind = 'late'
          and i.withdrawn_at is null and i.occurred_at >= ${since.toISOString()}::timestamptz ${clientFilter}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    workspaceId: Number(r.workspace_id),
    clientId: Number(r.client_id),
    occurredAt: new Date(r.occurred_at),
    invoiceRef: r.invoice_ref,
    invoiceId: r.invoice_id === null ? null : Number(r.invoice_id),
    invoiceNumber: r.invoice_number,
    invoiceDueOn: r.invoice_due_on === null ? null : String(r.invoice_due_on).slice(0, 10),
  }));
}
