import { invoiceSources } from "../../../db/schema/connections.ts";
import { openConnectForm } from "../../connectors/connect-source.ts";
import { ownerOnly } from "../../core/guards.ts";
import { choiceArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

/** `/client connect stripe`: connects this workspace to an invoice source, in a private form (owner only). */
export const connectCommand = defineCommand({
  name: "connect",
  group: "invoices",
  args: { source: choiceArg(invoiceSources, (t) => t.sources.argNames.source) },
  help: (t) => t.sources.help.connect,
  examples: ["connect stripe"],
  guards: [ownerOnly((t) => t.sources.ownerActions.connect)],
  handler: (ctx, a) => openConnectForm(ctx, a.source),
});
