import { addAlias } from "../../clients/add-alias.ts";
import { addClient, nameFromSlug } from "../../clients/add-client.ts";
import { renameClient } from "../../clients/rename-client.ts";
import { requireClient } from "../../clients/require-client.ts";
import { type Effect, reply } from "../../core/effects.ts";
import { textMessage } from "../../messages/message.ts";
import { clientArg, nameArg, optional, slugArg } from "../args.ts";
import { type CommandDef, defineCommand } from "../define-command.ts";

const add = defineCommand({
  name: "add",
  group: "clients",
  args: { slug: slugArg(), name: optional(nameArg()) },
  help: (t) => t.help.verbs.add,
  examples: ["add acme ACME Corp", 'add globex "Globex Corporation"', "add initech"],
  async handler(ctx, a): Promise<Effect[]> {
    // Without a display name, the slug made readable: `acme-corp` → "Acme Corp".
    const name = a.name ?? nameFromSlug(a.slug);
    const client = await addClient(ctx, a.slug, name);
    const added = ctx.t.clients.added({ name: client.displayName, slug: client.slug });
    return [
      reply(textMessage(a.name ? added : `${added} ${ctx.t.clients.namedFromSlug({ name, slug: client.slug })}`)),
    ];
  },
});

const alias = defineCommand({
  name: "alias",
  group: "clients",
  args: { client: clientArg(), alias: slugArg((t) => t.help.argNames.alias) },
  help: (t) => t.help.verbs.alias,
  examples: ["alias acme acme-corp"],
  async handler(ctx, a) {
    const client = await requireClient(ctx, a.client);
    await addAlias(ctx, client, a.alias);
    return [reply(textMessage(ctx.t.clients.aliasAdded({ alias: a.alias, name: client.displayName })))];
  },
});

const rename = defineCommand({
  name: "rename",
  group: "clients",
  args: { client: clientArg(), name: nameArg() },
  help: (t) => t.help.verbs.rename,
  examples: ["rename acme ACME Corporation"],
  async handler(ctx, a) {
    const client = await requireClient(ctx, a.client);
    await renameClient(ctx, client, a.name);
    return [reply(textMessage(ctx.t.clients.renamed({ from: client.displayName, to: a.name })))];
  },
});

export const clientCommands: CommandDef[] = [add, alias, rename];
