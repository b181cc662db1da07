import type { Db } from "../../db/database.ts";
import { lockInvoices } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";
import { loadAssessments } from "./load-assessments.ts";

/**
 * One money change to one invoice (a payment, a credit note, charges paid or waived, a void)
 * in one transaction, as `changeWizard` does for the wizard: the invoice row is locked first,
 * then assessed, and `change` checks, writes and audits before the lock is released. Two
 * changes at once apply one after the other, the second checked against what the first wrote.
 * `change` must use `tx`, never `ctx.db`: PGlite has one connection, which this transaction holds.
 */
export function changeInvoice<T>(
  ctx: Context,
  invoice: { id: number; number: string },
  change: (tx: Db, current: InvoiceAssessment) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const [current] = await lockAndAssess(tx, ctx, [invoice.id]);
    // Deleted since it was named (a purge): say so as for any unknown number.
    if (!current) {
      throw userError("unknown-invoice", (t) =>
        t.invoices.errors.unknownInvoice({ number: invoice.number, suggestions: "" }),
      );
    }
    return change(tx, current);
  });
}

/** Locks the invoices (in id order), then assesses them as they stand under the lock. */
export async function lockAndAssess(tx: Db, ctx: Context, invoiceIds: readonly number[]): Promise<InvoiceAssessment[]> {
  const locked = await lockInvoices(tx, ctx.workspace.id, invoiceIds);
  return loadAssessments(ctx, { invoiceIds: locked, which: "all" }, tx);
}
