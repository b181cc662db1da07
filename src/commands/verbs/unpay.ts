import { findInvoiceById } from "../../../db/queries/invoices.ts";
import { defineAction } from "../../core/define-action.ts";
import { update } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { userError } from "../../errors.ts";
import { UNPAY_ACTION, unpayPayment } from "../../invoices/unpay-payment.ts";
import { invoiceArg, optional, wordArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

const ownerOnlyUnpay = ownerOnly((t) => t.undo.unpay.action);

export const unpayCommand = defineCommand({
  name: "unpay",
  group: "invoices",
  args: { invoice: invoiceArg(), line: optional(wordArg((t) => t.undo.unpay.argLine)) },
  help: (t) => t.undo.unpay.help,
  examples: ["unpay INV-7", "unpay INV-7 2"],
  guards: [ownerOnlyUnpay],
  handler: (ctx, a) => unpayPayment(ctx, a.invoice, a.line === undefined ? undefined : { index: a.line }),
});

/** A line's button in `/client unpay`'s list: `unpay:<invoice id>:<payment id>`. */
export const unpayAction = defineAction({
  name: UNPAY_ACTION,
  guards: [ownerOnlyUnpay],
  async handler(ctx, params) {
    const [invoiceId, paymentId] = params.map(Number);
    const valid = (n: number | undefined): n is number => n !== undefined && Number.isSafeInteger(n) && n > 0;
    if (params.length !== 2 || !valid(invoiceId) || !valid(paymentId)) {
      throw userError("bad-action", (t) => t.errors.unknownAction);
    }
    const invoice = await findInvoiceById(ctx.db, ctx.workspace.id, invoiceId);
    if (!invoice) throw userError("bad-action", (t) => t.errors.unknownAction);
    const effects = await unpayPayment(ctx, invoice.number, { paymentId });
    return effects.map((e) => (e.type === "reply" ? update(e.message) : e));
  },
});
