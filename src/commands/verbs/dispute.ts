import { disputeInvoice } from "../../invoices/dispute-invoice.ts";
import { invoiceArg, noteArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const disputeCommand = defineCommand({
  name: "dispute",
  group: "invoices",
  args: { invoice: invoiceArg(), note: noteArg() },
  help: (t) => t.invoices.help.dispute,
  examples: ["dispute INV-7 the client says the second page was never delivered"],
  handler: (ctx, a) => disputeInvoice(ctx, a.invoice, a.note),
});
