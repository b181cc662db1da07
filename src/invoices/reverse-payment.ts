import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { updateInvoice } from "../../db/queries/invoices.ts";
import type { PaymentLine } from "../../db/queries/open-invoices.ts";
import { payments } from "../../db/schema/index.ts";
import type { Context } from "../core/context.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";
import { today } from "./today.ts";

/**
 * Takes back payment lines (payments, credit notes, charges paid) of a locked invoice, in the
 * caller's transaction: each line is stamped reversed (never deleted), and the invoice's state
 * is decided again from the lines that remain, as if they had been the only ones: unpaid again,
 * charges running again from the due date. False when a line was reversed meanwhile (the
 * caller then says so and writes nothing: its transaction is rolled back).
 */
export async function reversePaymentLines(
  tx: Db,
  ctx: Context,
  current: InvoiceAssessment,
  lines: readonly PaymentLine[],
): Promise<InvoiceAssessment | undefined> {
  const ids = lines.map((l) => l.id);
  const stamped = await tx
    .update(payments)
    .set({ reversedAt: ctx.clock.now(), reversedBy: ctx.user.id })
    .where(
      and(
        eq(payments.workspaceId, ctx.workspace.id),
        eq(payments.invoiceId, current.source.invoice.id),
        inArray(payments.id, ids),
        isNull(payments.reversedAt),
      ),
    )
    .returning({ id: payments.id });
  if (stamped.length !== ids.length) return undefined;
  const row = current.source;
  const waived = row.invoice.chargesStatus === "waived";
  // Assessed as an open invoice with the remaining lines: a paid, settled invoice would
  // otherwise keep counting its charges as settled.
  const reopened = {
    ...row,
    invoice: { ...row.invoice, status: "open" as const, chargesStatus: waived ? "waived" : "open" },
    payments: row.payments.filter((p) => !ids.includes(p.id)),
  };
  const day = today(ctx);
  const rates = loadReferenceRates();
  const assessed = assessInvoice(reopened, day, rates);
  const status = assessed.outstandingMinor === 0 ? "paid" : "open";
  const chargesStatus = waived ? "waived" : status === "paid" && assessed.chargesOwedMinor === 0 ? "settled" : "open";
  const changes = { status, chargesStatus, chargesSettledMinor: assessed.chargesSettledMinor } as const;
  await updateInvoice(tx, ctx.workspace.id, row.invoice.id, changes);
  return assessInvoice({ ...reopened, invoice: { ...reopened.invoice, ...changes } }, day, rates);
}

/** Where an invoice stands after a reversal: unpaid again (how much), charges owed. */
export function standingLines(ctx: Context, a: InvoiceAssessment): string[] {
  const { t, fmt } = ctx;
  const invoice = a.source.invoice;
  const money = (minor: number) => fmt.money(minor, invoice.currency);
  const lines = [
    a.outstandingMinor > 0 ? t.invoices.stillUnpaid({ amount: money(a.outstandingMinor) }) : t.invoices.paidInFull,
  ];
  if (a.chargesOwedMinor > 0) {
    lines.push(t.invoices.chargesRemaining({ amount: money(a.chargesOwedMinor) }));
  }
  return lines;
}
