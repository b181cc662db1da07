import { invoiceForm } from "../../invoices/invoice-form.ts";
import { recordInvoice } from "../../invoices/record-invoice.ts";
import { amountArg, clientArg, currencyArg, dateArg, invoiceArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const invoiceCommand = defineCommand({
  name: "invoice",
  group: "invoices",
  args: {
    client: clientArg(),
    number: invoiceArg(),
    amount: amountArg(),
    currency: optional(currencyArg()),
    due: optional(dateArg((t) => t.invoices.argNames.due, "due")),
    issued: optional(dateArg((t) => t.invoices.argNames.issued, "issued")),
  },
  help: (t) => t.invoices.help.invoice,
  examples: [
    "invoice acme INV-7 1200.00 EUR due 2026-01-15",
    "invoice acme INV-8 950,50 € issued 2026-01-02 due +45d",
    "invoice globex 2026-014 300000 JPY",
  ],
  form: invoiceForm,
  handler: (ctx, a) => recordInvoice(ctx, a),
});
