import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import {
  clients,
  type HistoryKind,
  invoices,
  type PaymentKind,
  type ReminderKind,
  workspaces,
} from "../schema/index.ts";

export type InvoiceRow = typeof invoices.$inferSelect;

export interface PaymentLine {
  id: number;
  kind: PaymentKind;
  amountMinor: number;
  paidOn: string;
  recordedBy: string;
}

/** A reminder stage recorded as sent. */
export interface ReminderLine {
  stage: number;
  kind: ReminderKind;
  sentOn: string;
  channel: string | null;
  recordedBy: string;
  confirmedLater: boolean;
}

/** A write-off, waiver, void or dispute outcome, with the amounts as they stood that day. */
export interface HistoryLine {
  id: number;
  kind: HistoryKind;
  onDay: string;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  feeMinor: number;
  settledMinor: number;
  chargesMinor: number;
  daysLate: number;
  details: Record<string, unknown>;
  note: string | null;
  recordedBy: string;
}

/** An invoice with everything needed to compute its charges and stage: payments, reminders sent, client, workspace terms. */
export interface InvoiceWithPayments {
  invoice: InvoiceRow;
  payments: PaymentLine[];
  /** In the order they were sent. */
  reminders: ReminderLine[];
  /** What was written off, waived, voided or decided about a dispute, oldest first. */
  history: HistoryLine[];
  client: {
    id: number;
    slug: string;
    displayName: string;
    status: string;
    hosted: boolean;
    language: string | null;
    terms: Record<string, unknown>;
  };
  workspace: { id: number; defaultTerms: Record<string, unknown>; timezone: string; locale: string };
}

export interface InvoiceFilter {
  /** One or many workspaces (the scheduler batches all due workspaces). */
  workspaceIds: readonly number[];
  clientIds?: readonly number[];
  invoiceIds?: readonly number[];
  /**
   * `open` (default): principal unpaid, or paid with charges neither settled nor waived.
   * `all`: every invoice, void ones included (the client's record, exports).
   * `late`: what a risk level reads: open ones, and those paid (or credited) after their due
   * date. An invoice settled on time says nothing about risk, and a year of them is most of
   * the table (see docs/benchmarks.md, digest tick).
   */
  which?: "open" | "all" | "late";
  /** With `all`: only invoices due on or after this day, or still open (recent history). */
  dueSince?: string;
}

/**
 * Invoices with their payments, clients and workspace terms in ONE query whatever their
 * number (payments are aggregated per invoice), ordered by due date. Scoped by workspace.
 */
export async function invoicesWithPayments(db: Db, filter: InvoiceFilter): Promise<InvoiceWithPayments[]> {
  if (filter.workspaceIds.length === 0) return [];
  const where: (SQL | undefined)[] = [inArray(invoices.workspaceId, [...filter.workspaceIds])];
  if (filter.clientIds) {
    if (filter.clientIds.length === 0) return [];
    where.push(inArray(invoices.clientId, [...filter.clientIds]));
  }
  if (filter.invoiceIds) {
    if (filter.invoiceIds.length === 0) return [];
    where.push(inArray(invoices.id, [...filter.invoiceIds]));
  }
  if (filter.dueSince) {
    where.push(or(sql`${invoices.dueOn} >= ${filter.dueSince}`, eq(invoices.status, "open")));
  }
  if (filter.which === "late") {
    where.push(
      or(
        eq(invoices.status, "open"),
        eq(invoices.chargesStatus, "open"),
        sql`${invoices.id} in (select p.invoice_id from payments p
          where p.workspace_id = any(${sql.param([...filter.workspaceIds])}::int[]) and p.paid_late
            and p.reversed_at is null)`,
        sql`${invoices.id} in (select e.invoice_id from invoice_history e
          where e.workspace_id = any(${sql.param([...filter.workspaceIds])}::int[])
            and e.kind in ('write-off', 'void') and e.days_late > 0)`,
      ),
    );
  }
  if ((filter.which ?? "open") === "open") {
    where.push(or(eq(invoices.status, "open"), and(eq(invoices.status, "paid"), eq(invoices.chargesStatus, "open"))));
  }
  const rows = await db
    .select({
      invoice: invoices,
      payments: sql<PaymentJson[] | null>`(
        select json_agg(json_build_object(
          'id', p.id, 'kind', p.kind, 'amountMinor', p.amount_minor, 'paidOn', p.paid_on, 'recordedBy', p.recorded_by
        ) order by p.paid_on, p.id)
        from payments p where p.workspace_id = ${invoices.workspaceId} and p.invoice_id = ${invoices.id}
          and p.reversed_at is null
      )`,
      reminders: sql<ReminderJson[] | null>`(
        select json_agg(json_build_object(
          'stage', r.stage, 'kind', r.kind, 'sentOn', r.sent_on, 'channel', r.channel,
          'recordedBy', r.recorded_by, 'confirmedLater', r.confirmed_later
        ) order by r.sent_on, r.stage)
        from invoice_reminders r where r.workspace_id = ${invoices.workspaceId} and r.invoice_id = ${invoices.id}
      )`,
      history: sql<HistoryJson[] | null>`(
        select json_agg(json_build_object(
          'id', e.id, 'kind', e.kind, 'onDay', e.on_day, 'currency', e.currency,
          'principalMinor', e.principal_minor, 'interestMinor', e.interest_minor, 'feeMinor', e.fee_minor,
          'settledMinor', e.settled_minor, 'chargesMinor', e.charges_minor, 'daysLate', e.days_late,
          'details', e.details, 'note', e.note, 'recordedBy', e.recorded_by
        ) order by e.id)
        from invoice_history e where e.workspace_id = ${invoices.workspaceId} and e.invoice_id = ${invoices.id}
      )`,
      client: {
        id: clients.id,
        slug: clients.slug,
        displayName: clients.displayName,
        status: clients.status,
        hosted: clients.hosted,
        language: clients.language,
        terms: clients.terms,
      },
      workspace: {
        id: workspaces.id,
        defaultTerms: workspaces.defaultTerms,
        timezone: workspaces.timezone,
        locale: workspaces.locale,
      },
    })
    .from(invoices)
    .innerJoin(clients, and(eq(clients.id, invoices.clientId), eq(clients.workspaceId, invoices.workspaceId)))
    .innerJoin(workspaces, eq(workspaces.id, invoices.workspaceId))
    .where(and(...where))
    .orderBy(asc(invoices.dueOn), asc(invoices.id));
  return rows.map((r) => ({
    invoice: r.invoice,
    payments: (r.payments ?? []).map((p) => ({
      id: Number(p.id),
      kind: p.kind,
      amountMinor: Number(p.amountMinor),
      paidOn: String(p.paidOn).slice(0, 10),
      recordedBy: p.recordedBy,
    })),
    reminders: (r.reminders ?? []).map((x) => ({
      ...x,
      stage: Number(x.stage),
      sentOn: String(x.sentOn).slice(0, 10),
    })),
    history: (r.history ?? []).map(historyLine),
    client: r.client,
    workspace: r.workspace,
  }));
}

/** Open invoices (see InvoiceFilter.which) of one or many workspaces. */
export function openInvoices(
  db: Db,
  workspaceIds: readonly number[],
  clientIds?: readonly number[],
): Promise<InvoiceWithPayments[]> {
  return invoicesWithPayments(db, { workspaceIds, ...(clientIds ? { clientIds } : {}), which: "open" });
}

interface PaymentJson {
  id: number;
  kind: PaymentKind;
  amountMinor: number | string;
  paidOn: string;
  recordedBy: string;
}

interface ReminderJson {
  stage: number;
  kind: ReminderKind;
  sentOn: string;
  channel: string | null;
  recordedBy: string;
  confirmedLater: boolean;
}

type HistoryJson = Omit<
  HistoryLine,
  "principalMinor" | "interestMinor" | "feeMinor" | "settledMinor" | "chargesMinor"
> &
  Record<"principalMinor" | "interestMinor" | "feeMinor" | "settledMinor" | "chargesMinor", number | string>;

function historyLine(e: HistoryJson): HistoryLine {
  return {
    ...e,
    id: Number(e.id),
    onDay: String(e.onDay).slice(0, 10),
    principalMinor: Number(e.principalMinor),
    interestMinor: Number(e.interestMinor),
    feeMinor: Number(e.feeMinor),
    settledMinor: Number(e.settledMinor),
    chargesMinor: Number(e.chargesMinor),
    daysLate: Number(e.daysLate),
  };
}
