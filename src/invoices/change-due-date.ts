import { type InvoiceRow, refreshPaidLate, updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { changeInvoice } from "./change-invoice.ts";

/**
 * Moves an invoice's due date (the source changed it): charges and reminder stages follow
 * from the new date, and which payments count as late is decided again. Audited.
 */
export async function changeDueDate(
  ctx: Context,
  invoice: InvoiceRow,
  dueOn: string,
  details: Record<string, unknown>,
): Promise<void> {
  // The due date decides the charges: changed under the invoice's lock, like a payment.
  await changeInvoice(ctx, invoice, async (tx) => {
    await updateInvoice(tx, ctx.workspace.id, invoice.id, { dueOn });
    await refreshPaidLate(tx, ctx.workspace.id, invoice.id, dueOn);
    await ctx.audit(
      {
        action: "invoice.due-changed",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: { number: invoice.number, from: invoice.dueOn, to: dueOn, ...details },
      },
      tx,
    );
  });
}
