import { looksLikeAmount } from "../../domain/money.ts";
import { recordPayment } from "../../invoices/record-payment.ts";
import { amountArg, dateArg, invoiceArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const paidCommand = defineCommand({
  name: "paid",
  group: "invoices",
  args: {
    invoice: invoiceArg(),
    what: optional({
      ...amountArg((t) => t.invoices.argNames.what),
      accepts: (token: string) => token.toLowerCase() === "charges" || looksLikeAmount(token),
    }),
    amount: optional(amountArg()),
    on: optional(dateArg((t) => t.invoices.argNames.on, "on")),
  },
  help: (t) => t.invoices.help.paid,
  examples: ["paid INV-7", "paid INV-7 500 on 2026-03-01", "paid INV-7 charges", "paid INV-7 charges 20.00"],
  handler: (ctx, a) => recordPayment(ctx, { number: a.invoice, what: a.what, amount: a.amount, on: a.on }),
});
