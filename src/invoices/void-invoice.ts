import type { Db } from "../../db/database.ts";
import { type InvoiceRow, updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import { changeInvoice } from "./change-invoice.ts";
import { refuseSynced } from "./refuse-synced.ts";
import { requireInvoice } from "./require-invoice.ts";

/** `/client void INV-7 [note]`: kept in the record, with no reminders and no charges. */
export async function voidInvoice(ctx: Context, number: string, note: string | undefined): Promise<Effect[]> {
  const { invoice, client } = await requireInvoice(ctx, number);
  refuseSynced(ctx, invoice);
  await changeInvoice(ctx, invoice, async (tx, current) => {
    // Checked under the lock: a payment recorded a moment ago forbids the void.
    if (current.source.invoice.status === "void")
      throw userError("already-void", (t) => t.invoices.errors.alreadyVoid({ number: invoice.number }));
    if (current.source.payments.length > 0) {
      throw userError("void-with-payments", (t) => t.invoices.errors.voidWithPayments({ number: invoice.number }));
    }
    await writeVoid(tx, ctx, invoice, note ? { note } : {});
  });
  return [reply(textMessage(ctx.t.invoices.voided({ number: invoice.number, client: client.displayName })))];
}

/** Voids an invoice and audits it, in the caller's transaction (`/client void` and the invoice sources). */
export async function writeVoid(
  tx: Db,
  ctx: Context,
  invoice: Pick<InvoiceRow, "id" | "number">,
  details: Record<string, unknown>,
): Promise<void> {
  await updateInvoice(tx, ctx.workspace.id, invoice.id, { status: "void", disputedSince: null });
  await ctx.audit(
    {
      action: "invoice.voided",
      subjectType: "invoice",
      subjectId: invoice.id,
      details: { number: invoice.number, ...details },
    },
    tx,
  );
}
