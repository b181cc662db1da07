import { findClientById } from "../../db/queries/clients.ts";
import { deleteInvoice, findInvoiceById, invoiceWasUsed, lockInvoices } from "../../db/queries/invoices.ts";
import { userError } from "../errors.ts";
import type { UndoKind } from "./undo-kind.ts";

/**
 * An invoice entered by mistake, within minutes: removed, so that it can be entered again
 * with the right number or amount. Its audit entries keep what it was. Only while nothing
 * else was recorded on it (a payment, a reminder, a dispute): those are taken back first.
 */
export const undoInvoice: UndoKind = {
  actions: ["invoice.recorded"],
  async describe(ctx, entry) {
    const d = entry.details;
    const invoice = await findInvoiceById(ctx.db, ctx.workspace.id, Number(entry.subjectId));
    const client = invoice && (await findClientById(ctx.db, ctx.workspace.id, invoice.clientId));
    return ctx.t.undo.what.invoice({
      number: String(d.number ?? invoice?.number ?? ""),
      client: client?.displayName ?? String(d.client ?? ctx.t.undo.what.unknownClient),
      amount: ctx.fmt.money(
        Number(d.amountMinor ?? invoice?.amountMinor ?? 0),
        String(d.currency ?? invoice?.currency),
      ),
      due: ctx.fmt.date(String(d.dueOn ?? invoice?.dueOn)),
    });
  },
  async withdraw(ctx, tx, entry) {
    const id = Number(entry.subjectId);
    const [locked] = await lockInvoices(tx, ctx.workspace.id, [id]);
    const invoice = locked === undefined ? undefined : await findInvoiceById(tx, ctx.workspace.id, locked);
    if (!invoice) return undefined;
    if (await invoiceWasUsed(tx, ctx.workspace.id, invoice)) {
      throw userError("undo-invoice-used", (t) => t.undo.blocked.invoiceUsed({ number: invoice.number }));
    }
    await deleteInvoice(tx, ctx.workspace.id, invoice.id);
    return [];
  },
};
