import { waiveCharges } from "../../invoices/waive-charges.ts";
import { invoiceArg, noteArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const waiveCommand = defineCommand({
  name: "waive",
  group: "invoices",
  args: { invoice: invoiceArg(), note: optional(noteArg()) },
  help: (t) => t.invoices.help.waive,
  examples: ["waive INV-7", "waive INV-7 long-standing client, first time"],
  handler: (ctx, a) => waiveCharges(ctx, a.invoice, a.note),
});
