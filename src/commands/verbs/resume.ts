import { resumeInvoice } from "../../invoices/dispute-invoice.ts";
import { invoiceArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const resumeCommand = defineCommand({
  name: "resume",
  group: "invoices",
  args: { invoice: invoiceArg() },
  help: (t) => t.invoices.help.resume,
  examples: ["resume INV-7"],
  handler: (ctx, a) => resumeInvoice(ctx, a.invoice),
});
