import type { Db } from "../../db/database.ts";
import { type InvoiceFilter, invoicesWithPayments } from "../../db/queries/open-invoices.ts";
import type { Context } from "../core/context.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";
import { today } from "./today.ts";

/**
 * Assessments of this workspace's invoices matching the filter, on today's local date. One
 * query, on `db` (a transaction's own, inside one: PGlite has a single connection).
 */
export async function loadAssessments(
  ctx: Context,
  filter: Omit<InvoiceFilter, "workspaceIds">,
  db: Db = ctx.db,
): Promise<InvoiceAssessment[]> {
  const rows = await invoicesWithPayments(db, { ...filter, workspaceIds: [ctx.workspace.id] });
  const rates = loadReferenceRates();
  const day = today(ctx);
  return rows.map((row) => assessInvoice(row, day, rates));
}
