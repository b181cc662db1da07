import { disputeOutcomes, resumeInvoice } from "../../invoices/resume-dispute.ts";
import { choiceArg, invoiceArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const resumeCommand = defineCommand({
  name: "resume",
  group: "invoices",
  args: {
    invoice: invoiceArg(),
    outcome: optional({
      ...choiceArg(disputeOutcomes, (t) => t.invoices.argNames.outcome),
      describe: (t) => t.invoices.argNames.outcomeDescribe,
    }),
  },
  help: (t) => t.invoices.help.resume,
  examples: ["resume INV-7", "resume INV-7 upheld", "resume INV-7 not-upheld"],
  handler: (ctx, a) => resumeInvoice(ctx, a.invoice, a.outcome),
});
