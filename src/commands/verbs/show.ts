import { buildClientCard } from "../../clients/build-client-card.ts";
import { requireClient } from "../../clients/require-client.ts";
import { reply } from "../../core/effects.ts";
import { UserError } from "../../errors.ts";
import { showInvoiceNamed } from "../../invoices/show-invoice.ts";
import { clientArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const showCommand = defineCommand({
  name: "show",
  group: "clients",
  clientFromChannel: true,
  args: { client: clientArg({ rest: true }) },
  help: (t) => t.help.verbs.show,
  examples: ["show acme", "show ACME Corp"],
  async handler(ctx, a) {
    try {
      const client = await requireClient(ctx, a.client);
      return [reply(await buildClientCard(ctx, client))];
    } catch (error) {
      // `/client show INV-9`: an invoice number, not a client.
      const invoice = error instanceof UserError ? await showInvoiceNamed(ctx, a.client) : undefined;
      if (invoice) return invoice;
      throw error;
    }
  },
});
