import { recordReminder } from "../../invoices/remind-invoice.ts";
import { invoiceArg, optional, wordArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const remindedCommand = defineCommand({
  name: "reminded",
  group: "invoices",
  args: {
    invoice: invoiceArg(),
    stage: optional({ ...wordArg((t) => t.invoices.argNames.stage), kind: "number" }),
  },
  help: (t) => t.invoices.help.reminded,
  examples: ["reminded INV-7", "reminded INV-7 2"],
  handler: (ctx, a) => recordReminder(ctx, a.invoice, a.stage),
});
