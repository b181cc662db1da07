import type { ClientRow } from "../../db/queries/clients.ts";
import { findClientById } from "../../db/queries/clients.ts";
import { findInvoiceByNumber, type InvoiceRow, invoiceNumbersLike } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { closest } from "../domain/edit-distance.ts";
import { userError } from "../errors.ts";

/**
 * The invoice the user named (unique per workspace) with its client, or a UserError naming
 * close numbers. A client being let go stays usable by the team (DESIGN.md §7): its invoices too.
 */
export async function requireInvoice(
  ctx: Context,
  number: string,
): Promise<{ invoice: InvoiceRow; client: ClientRow }> {
  const invoice = await findInvoiceByNumber(ctx.db, ctx.workspace.id, number);
  const client = invoice ? await findClientById(ctx.db, ctx.workspace.id, invoice.clientId) : undefined;
  if (invoice && client) return { invoice, client };
  const candidates = await invoiceNumbersLike(ctx.db, ctx.workspace.id, number.replace(/^#/, "").slice(0, 2), 200);
  const suggestions = closest(number, candidates, (c) => [c.number.toLowerCase()], 3).map((c) => c.number);
  throw userError("unknown-invoice", (t) =>
    t.invoices.errors.unknownInvoice({
      number,
      suggestions: suggestions.length > 0 ? ctx.fmt.orList(suggestions) : "",
    }),
  );
}
