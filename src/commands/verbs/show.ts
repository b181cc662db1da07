import { buildClientCard } from "../../clients/build-client-card.ts";
import { requireClient } from "../../clients/require-client.ts";
import { reply } from "../../core/effects.ts";
import { clientArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const showCommand = defineCommand({
  name: "show",
  group: "clients",
  args: { client: clientArg({ rest: true }) },
  help: (t) => t.help.verbs.show,
  examples: ["show acme", "show ACME Corp"],
  async handler(ctx, a) {
    const client = await requireClient(ctx, a.client);
    return [reply(await buildClientCard(ctx, client))];
  },
});
