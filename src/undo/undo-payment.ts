import { findClientById } from "../../db/queries/clients.ts";
import { findInvoiceById } from "../../db/queries/invoices.ts";
import type { PaymentKind } from "../../db/schema/index.ts";
import { userError } from "../errors.ts";
import { lockAndAssess } from "../invoices/change-invoice.ts";
import { reversePaymentLines, standingLines } from "../invoices/reverse-payment.ts";
import type { UndoKind } from "./undo-kind.ts";

const whatByAction: Record<string, PaymentKind> = {
  "invoice.paid": "payment",
  "invoice.credited": "credit",
  "invoice.charges-paid": "charges",
};

/**
 * A payment, credit note or charges paid, typed or pressed by mistake: the lines that one
 * action wrote are reversed (stamped, never deleted) under the invoice's lock, as
 * `/client unpay` does, and the invoice is unpaid again as far as they paid it.
 */
export const undoPayment: UndoKind = {
  actions: Object.keys(whatByAction),
  async describe(ctx, entry) {
    const invoice = await findInvoiceById(ctx.db, ctx.workspace.id, Number(entry.subjectId));
    const client = invoice && (await findClientById(ctx.db, ctx.workspace.id, invoice.clientId));
    const lines = linesOf(entry.details);
    const amount = lines.reduce((n, l) => n + l.amountMinor, 0);
    const params = {
      amount: invoice ? ctx.fmt.money(amount, invoice.currency) : String(amount),
      number: String(entry.details.number ?? invoice?.number ?? ""),
      client: client?.displayName ?? ctx.t.undo.what.unknownClient,
      date: lines[0] ? ctx.fmt.date(lines[0].paidOn) : "",
    };
    return ctx.t.undo.what[whatByAction[entry.action] ?? "payment"](params);
  },
  async withdraw(ctx, tx, entry) {
    const ids = entry.details.paymentIds;
    if (!Array.isArray(ids) || ids.length === 0)
      throw userError("undo-not-recorded", (t) => t.undo.blocked.notRecorded);
    const [current] = await lockAndAssess(tx, ctx, [Number(entry.subjectId)]);
    if (!current) return undefined;
    const number = current.source.invoice.number;
    if (current.source.invoice.status === "void") {
      throw userError("invoice-void", (t) => t.undo.unpay.isVoid({ number }));
    }
    // Lines reversed by the owner meanwhile are no longer among the invoice's payments.
    const lines = current.source.payments.filter((p) => ids.includes(p.id));
    if (lines.length !== ids.length) return undefined;
    const after = await reversePaymentLines(tx, ctx, current, lines);
    return after && standingLines(ctx, after);
  },
  later(ctx, entry) {
    return ctx.t.undo.tooOldPayment({ number: String(entry.details.number ?? "") });
  },
};

function linesOf(details: Record<string, unknown>): { amountMinor: number; paidOn: string }[] {
  const lines = Array.isArray(details.lines) ? (details.lines as { amountMinor?: unknown; paidOn?: unknown }[]) : [];
  return lines.map((l) => ({ amountMinor: Number(l.amountMinor ?? 0), paidOn: String(l.paidOn ?? "") }));
}
