import { recordReminder } from "../../invoices/remind-invoice.ts";
import { dateArg, invoiceArg, keywordArg, optional, plainText, wordArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const remindedCommand = defineCommand({
  name: "reminded",
  group: "invoices",
  args: {
    invoice: invoiceArg(),
    stage: optional({ ...wordArg((t) => t.invoices.argNames.stage), kind: "number" }),
    earlier: keywordArg("earlier", {
      kind: "text",
      label: (t) => t.invoices.argNames.earlier,
      schema: plainText(120, false),
      optional: false,
      max: 120,
    }),
    on: optional(dateArg((t) => t.invoices.argNames.on, "on")),
    via: keywordArg("via", {
      kind: "word",
      label: (t) => t.invoices.argNames.via,
      schema: plainText(40, false),
      optional: false,
      max: 40,
    }),
  },
  help: (t) => t.invoices.help.reminded,
  examples: [
    "reminded INV-7",
    "reminded INV-7 on 2026-11-20 via registered",
    "reminded INV-7 3 earlier 2026-10-01,2026-10-15",
  ],
  handler: (ctx, a) => recordReminder(ctx, a.invoice, a.stage, a.earlier, { on: a.on, via: a.via }),
});
