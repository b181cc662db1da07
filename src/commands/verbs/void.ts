import { voidInvoice } from "../../invoices/void-invoice.ts";
import { invoiceArg, noteArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const voidCommand = defineCommand({
  name: "void",
  group: "invoices",
  args: { invoice: invoiceArg(), note: optional(noteArg()) },
  help: (t) => t.invoices.help.void,
  examples: ["void INV-7", "void INV-7 recorded twice"],
  handler: (ctx, a) => voidInvoice(ctx, a.invoice, a.note),
});
