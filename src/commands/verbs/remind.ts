import { draftReminder } from "../../invoices/remind-invoice.ts";
import { invoiceArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const remindCommand = defineCommand({
  name: "remind",
  group: "invoices",
  args: { invoice: invoiceArg() },
  help: (t) => t.invoices.help.remind,
  examples: ["remind INV-7"],
  handler: (ctx, a) => draftReminder(ctx, a.invoice),
});
