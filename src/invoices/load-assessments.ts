import { type InvoiceFilter, invoicesWithPayments } from "../../db/queries/open-invoices.ts";
import type { Context } from "../core/context.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";
import { today } from "./today.ts";

/** Assessments of this workspace's invoices matching the filter, on today's local date. One query. */
export async function loadAssessments(
  ctx: Context,
  filter: Omit<InvoiceFilter, "workspaceIds">,
): Promise<InvoiceAssessment[]> {
  const rows = await invoicesWithPayments(ctx.db, { ...filter, workspaceIds: [ctx.workspace.id] });
  const rates = loadReferenceRates();
  const day = today(ctx);
  return rows.map((row) => assessInvoice(row, day, rates));
}

/** One invoice's assessment (whatever its status). */
export async function loadAssessment(ctx: Context, invoiceId: number): Promise<InvoiceAssessment> {
  const [assessment] = await loadAssessments(ctx, { invoiceIds: [invoiceId], which: "all" });
  if (!assessment) throw new Error(`invoice ${invoiceId} vanished`);
  return assessment;
}
