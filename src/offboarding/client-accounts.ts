import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { invoices, payments } from "../../db/schema/index.ts";
import { daysBetween } from "../domain/dates.ts";

export type InvoiceRow = typeof invoices.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

/** One invoice of the client, with what was paid and what is still owed on it. */
export interface AccountInvoice {
  invoice: InvoiceRow;
  payments: PaymentRow[];
  /** Principal still unpaid (payments and credits deducted), never below zero. */
  outstandingMinor: number;
  daysLate: number;
  /** Interest and fees still owed, 0 when none or settled/waived. */
  chargesMinor: number;
  /** How the charges were computed, in words, when there are any. */
  chargesHow: string | null;
}

export interface ClientAccounts {
  invoices: AccountInvoice[];
  /** Open invoices with principal or charges still owed. */
  unpaid: AccountInvoice[];
  /** Principal + charges owed, per currency. */
  owed: Map<string, number>;
}

/**
 * The client's invoices and payments, and what is still owed, as of `today`. Two queries.
 * Charges (interest and fees) are not computed here yet: see the report for issue #3's engine.
 */
export async function clientAccounts(
  db: Db,
  workspaceId: number,
  clientId: number,
  today: string,
): Promise<ClientAccounts> {
  const rows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId)))
    .orderBy(asc(invoices.dueOn), asc(invoices.id));
  const paid =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(payments)
          .where(
            and(
              eq(payments.workspaceId, workspaceId),
              inArray(
                payments.invoiceId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .orderBy(asc(payments.paidOn), asc(payments.id));
  const list = rows.map((invoice): AccountInvoice => {
    const own = paid.filter((p) => p.invoiceId === invoice.id);
    const settled = own.filter((p) => p.kind !== "charges").reduce((n, p) => n + p.amountMinor, 0);
    const outstandingMinor = invoice.status === "open" ? Math.max(0, invoice.amountMinor - settled) : 0;
    return {
      invoice,
      payments: own,
      outstandingMinor,
      daysLate: outstandingMinor > 0 ? Math.max(0, daysBetween(invoice.dueOn, today)) : 0,
      chargesMinor: 0,
      chargesHow: null,
    };
  });
  const unpaid = list.filter((a) => a.invoice.status === "open" && a.outstandingMinor + a.chargesMinor > 0);
  const owed = new Map<string, number>();
  for (const a of unpaid) {
    const c = a.invoice.currency;
    owed.set(c, (owed.get(c) ?? 0) + a.outstandingMinor + a.chargesMinor);
  }
  return { invoices: list, unpaid, owed };
}
