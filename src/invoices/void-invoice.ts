import type { Db } from "../../db/database.ts";
import { updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";
import { changeInvoice } from "./change-invoice.ts";
import { describeGivenUp } from "./describe-history.ts";
import { type GivenUp, recordGivenUp, standingOf } from "./record-history.ts";
import { refuseSynced } from "./refuse-synced.ts";
import { requireInvoice } from "./require-invoice.ts";

/**
 * `/client void INV-7 [note]`: no reminders and no charges from now on. The invoice stays in
 * the record, and so do its lateness and the charges owed that day, marked as voided.
 */
export async function voidInvoice(ctx: Context, number: string, note: string | undefined): Promise<Effect[]> {
  const { invoice, client } = await requireInvoice(ctx, number);
  refuseSynced(ctx, invoice);
  const given = await changeInvoice(ctx, invoice, async (tx, current) => {
    // Checked under the lock: a payment recorded a moment ago forbids the void.
    if (current.source.invoice.status === "void")
      throw userError("already-void", (t) => t.invoices.errors.alreadyVoid({ number: invoice.number }));
    if (current.source.payments.length > 0) {
      throw userError("void-with-payments", (t) => t.invoices.errors.voidWithPayments({ number: invoice.number }));
    }
    return writeVoid(tx, ctx, current, note ? { note } : {});
  });
  const { t } = ctx;
  const text = t.invoices.voided({ number: invoice.number, client: client.displayName });
  const lines = [text];
  if (given.daysLate > 0 || given.chargesMinor > 0) lines.push(describeGivenUp(ctx, given, invoice.number));
  lines.push(t.invoices.history.kept({ kind: "void" }));
  return [reply(textMessage(lines.join("\n")))];
}

/**
 * Voids an invoice, records what it still owed that day in its history, and audits it, in
 * the caller's transaction (`/client void` and the invoice sources), under the invoice's lock.
 */
export async function writeVoid(
  tx: Db,
  ctx: Context,
  current: InvoiceAssessment,
  details: Record<string, unknown>,
): Promise<GivenUp> {
  const invoice = current.source.invoice;
  await updateInvoice(tx, ctx.workspace.id, invoice.id, { status: "void", disputedSince: null });
  const note = typeof details.note === "string" ? details.note : undefined;
  const given = await recordGivenUp(tx, ctx, "void", standingOf(current), { note });
  await ctx.audit(
    {
      action: "invoice.voided",
      subjectType: "invoice",
      subjectId: invoice.id,
      details: {
        number: invoice.number,
        currency: given.currency,
        principalMinor: given.principalMinor,
        chargesMinor: given.chargesMinor,
        daysLate: given.daysLate,
        ...details,
      },
    },
    tx,
  );
  return given;
}
