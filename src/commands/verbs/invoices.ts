import { listInvoices } from "../../invoices/list-invoices.ts";
import { clientArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const invoicesCommand = defineCommand({
  name: "invoices",
  group: "invoices",
  args: { client: optional(clientArg({ rest: true })) },
  help: (t) => t.invoices.help.invoices,
  examples: ["invoices", "invoices acme"],
  handler: (ctx, a) => listInvoices(ctx, a.client),
});
