import { recordCredit } from "../../invoices/record-payment.ts";
import { amountArg, dateArg, invoiceArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const creditCommand = defineCommand({
  name: "credit",
  group: "invoices",
  args: {
    invoice: invoiceArg(),
    amount: amountArg(),
    on: optional(dateArg((t) => t.invoices.argNames.on, "on")),
  },
  help: (t) => t.invoices.help.credit,
  examples: ["credit INV-7 100", "credit INV-7 250,00 on 2026-02-10"],
  handler: (ctx, a) => recordCredit(ctx, { number: a.invoice, amount: a.amount, on: a.on }),
});
