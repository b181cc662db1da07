import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { clients, invoiceReminders, invoices, type PaymentKind, payments } from "../schema/index.ts";

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type PaymentRow = typeof payments.$inferSelect;

/** An invoice by number, case-insensitively (numbers are unique per workspace). */
export async function findInvoiceByNumber(
  db: Db,
  workspaceId: number,
  number: string,
): Promise<InvoiceRow | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), sql`lower(${invoices.number}) = ${normalizeNumber(number)}`));
  return row;
}

/** `#INV-7` and `inv-7` name the same invoice as `INV-7`. */
export function normalizeNumber(number: string): string {
  return number.trim().replace(/^#/, "").toLowerCase();
}

/** How many invoices a client has (void ones included). */
export async function countClientInvoices(db: Db, workspaceId: number, clientId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId)));
  return Number(row?.n ?? 0);
}

/** Inserts an invoice; undefined when its number is already taken in the workspace. */
export async function insertInvoice(db: Db, values: NewInvoice): Promise<InvoiceRow | undefined> {
  const [row] = await db.insert(invoices).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * Locks invoice rows until the transaction ends (`SELECT … FOR UPDATE`), in id order so that
 * two transactions locking several invoices never wait on each other in a cycle. Every money
 * change takes this lock before it reads what is owed: two at once apply one after the other.
 */
export async function lockInvoices(db: Db, workspaceId: number, invoiceIds: readonly number[]): Promise<number[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), inArray(invoices.id, [...invoiceIds])))
    .orderBy(asc(invoices.id))
    .for("update");
  return rows.map((r) => r.id);
}

/** Locks every invoice of a client (a write-off settles them all at once), in id order. */
export async function lockClientInvoices(db: Db, workspaceId: number, clientId: number): Promise<number[]> {
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId)))
    .orderBy(asc(invoices.id))
    .for("update");
  return rows.map((r) => r.id);
}

/** Records a payment, a credit note or a settlement of charges (append-only). */
export async function insertPayment(
  db: Db,
  values: {
    workspaceId: number;
    invoiceId: number;
    kind: PaymentKind;
    amountMinor: number;
    paidOn: string;
    recordedBy: string;
    source?: string | null;
    externalId?: string | null;
    createdAt: Date;
  },
): Promise<PaymentRow> {
  const [row] = await db
    .insert(payments)
    .values({
      ...values,
      paidLate: sql`coalesce((select ${values.paidOn}::date > i.due_on from invoices i
        where i.id = ${values.invoiceId} and i.workspace_id = ${values.workspaceId}), false)`,
    })
    .returning();
  if (!row) throw new Error("payment insert returned nothing");
  return row;
}

/** Changes an invoice's state (status, charges, dispute, reminders), scoped by workspace. */
export async function updateInvoice(
  db: Db,
  workspaceId: number,
  invoiceId: number,
  changes: Partial<
    Pick<
      InvoiceRow,
      | "status"
      | "chargesStatus"
      | "chargesSettledMinor"
      | "disputedSince"
      | "disputeNote"
      | "pauses"
      | "snoozedUntil"
      | "dueOn"
      | "source"
      | "externalId"
    >
  >,
): Promise<InvoiceRow | undefined> {
  const [row] = await db
    .update(invoices)
    .set(changes)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)))
    .returning();
  return row;
}

export type NewReminder = typeof invoiceReminders.$inferInsert;

/** Records reminder stages as sent (a stage is recorded once per invoice: the unique index says so). */
export async function insertReminders(db: Db, rows: readonly NewReminder[]): Promise<void> {
  if (rows.length > 0) await db.insert(invoiceReminders).values([...rows]);
}

/** Numbers starting with what is typed (autocomplete, suggestions), open ones first. */
export async function invoiceNumbersLike(
  db: Db,
  workspaceId: number,
  prefix: string,
  limit = 25,
): Promise<{ number: string; clientName: string; clientStatus: string; status: string }[]> {
  const escaped = normalizeNumber(prefix).replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select({
      number: invoices.number,
      clientName: clients.displayName,
      clientStatus: clients.status,
      status: invoices.status,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(eq(invoices.workspaceId, workspaceId), ilike(invoices.number, `${escaped}%`)))
    .orderBy(sql`${invoices.status} = 'open' desc`, asc(invoices.dueOn))
    .limit(limit);
}

/** An invoice by id, scoped by workspace. */
export async function findInvoiceById(db: Db, workspaceId: number, id: number): Promise<InvoiceRow | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, id)));
  return row;
}

/** A synced invoice by its source's id. */
export async function findInvoiceBySource(
  db: Db,
  workspaceId: number,
  source: string,
  externalId: string,
): Promise<InvoiceRow | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(
      and(eq(invoices.workspaceId, workspaceId), eq(invoices.source, source), eq(invoices.externalId, externalId)),
    );
  return row;
}

/** The external ids of an invoice's synced lines, and what its synced payments add up to. */
export async function syncedLines(
  db: Db,
  workspaceId: number,
  invoiceId: number,
  source: string,
): Promise<{ externalIds: Set<string>; paidMinor: number }> {
  const rows = await db
    .select({ externalId: payments.externalId, kind: payments.kind, amountMinor: payments.amountMinor })
    .from(payments)
    .where(and(eq(payments.workspaceId, workspaceId), eq(payments.invoiceId, invoiceId), eq(payments.source, source)));
  return {
    externalIds: new Set(rows.flatMap((r) => (r.externalId ? [r.externalId] : []))),
    paidMinor: rows.filter((r) => r.kind === "payment").reduce((sum, r) => sum + r.amountMinor, 0),
  };
}

/** After a due date changes: which payments were late is decided again. */
export async function refreshPaidLate(db: Db, workspaceId: number, invoiceId: number, dueOn: string): Promise<void> {
  await db
    .update(payments)
    .set({ paidLate: sql`${payments.paidOn} > ${dueOn}::date` })
    .where(and(eq(payments.workspaceId, workspaceId), eq(payments.invoiceId, invoiceId)));
}

/**
 * Whether anything was recorded on an invoice after it was entered: payments (even reversed),
 * reminders sent, a dispute or its outcome, a snooze, a void, a waiver or a write-off. `/client undo` withdraws only an
 * invoice that nothing else refers to.
 */
export async function invoiceWasUsed(db: Db, workspaceId: number, invoice: InvoiceRow): Promise<boolean> {
  if (
    invoice.status !== "open" ||
    invoice.chargesStatus !== "open" ||
    invoice.disputedSince !== null ||
    invoice.snoozedUntil !== null ||
    invoice.pauses.length > 0
  ) {
    return true;
  }
  const [row] = await queryRows<{ used: boolean }>(
    db,
    sql`select exists (select 1 from payments where workspace_id = ${workspaceId} and invoice_id = ${invoice.id})
      or exists (select 1 from invoice_reminders where workspace_id = ${workspaceId} and invoice_id = ${invoice.id})
      or exists (select 1 from invoice_history where workspace_id = ${workspaceId} and invoice_id = ${invoice.id})
      as used`,
  );
  return row?.used === true;
}

/** Deletes an invoice entered by mistake (its audit entries keep what it was). */
export async function deleteInvoice(db: Db, workspaceId: number, invoiceId: number): Promise<boolean> {
  const rows = await db
    .delete(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)))
    .returning({ id: invoices.id });
  return rows.length > 0;
}
