import { z } from "zod";
import { invoiceSources } from "../../../db/schema/connections.ts";
import { requireClient } from "../../clients/require-client.ts";
import { linkCustomer } from "../../connectors/apply-source-change.ts";
import { requireConnection } from "../../connectors/require-sources.ts";
import { sourceLabel } from "../../connectors/source-label.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { textMessage } from "../../messages/message.ts";
import { choiceArg, clientArg, wordArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

/** `/client link acme stripe cus_123`: the source's customer is this client (owner only). */
export const linkCommand = defineCommand({
  name: "link",
  group: "invoices",
  args: {
    client: clientArg(),
    source: choiceArg(invoiceSources, (t) => t.sources.argNames.source),
    customer: {
      ...wordArg((t) => t.sources.argNames.customer),
      schema: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "customerId" }),
    },
  },
  help: (t) => t.sources.help.link,
  examples: ["link acme stripe cus_NffrFeUfNV2Hib"],
  guards: [ownerOnly((t) => t.sources.ownerActions.link)],
  async handler(ctx, a) {
    const client = await requireClient(ctx, a.client);
    const target = await requireConnection(ctx, a.source);
    const counts = await linkCustomer(ctx, target, a.customer, client, ctx.user.id);
    return [
      reply(
        textMessage(
          ctx.t.sources.linked({
            source: sourceLabel(a.source),
            customer: a.customer,
            client: client.displayName,
            recorded: counts.recorded,
            waiting: counts.waiting,
          }),
        ),
      ),
    ];
  },
});
