import { clientUsingName, insertAlias, insertClient, updateClient } from "../../../db/queries/clients.ts";
import { requireClient } from "../../clients/require-client.ts";
import { type Effect, reply } from "../../core/effects.ts";
import { userError } from "../../errors.ts";
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
    const taken = await clientUsingName(ctx.db, ctx.workspace.id, a.slug);
    if (taken) throw userError("slug-taken", (t) => t.clients.slugTaken({ slug: a.slug, name: taken.displayName }));
    const client = await ctx.db.transaction(async (tx) => {
      const row = await insertClient(tx, {
        workspaceId: ctx.workspace.id,
        slug: a.slug,
        displayName: name,
        createdBy: ctx.user.id,
        createdAt: ctx.clock.now(),
      });
      if (row)
        await ctx.audit(
          { action: "client.added", subjectType: "client", subjectId: row.id, details: { slug: a.slug } },
          tx,
        );
      return row;
    });
    // Of several claiming the name at once (add, alias), the database let one have it.
    if (!client) {
      const holder = await clientUsingName(ctx.db, ctx.workspace.id, a.slug);
      throw userError("slug-taken", (t) => t.clients.slugTaken({ slug: a.slug, name: holder?.displayName ?? a.slug }));
    }
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
    const taken = await clientUsingName(ctx.db, ctx.workspace.id, a.alias);
    if (taken) throw userError("alias-taken", (t) => t.clients.aliasTaken({ alias: a.alias, name: taken.displayName }));
    const added = await ctx.db.transaction(async (tx) => {
      const ok = await insertAlias(tx, {
        workspaceId: ctx.workspace.id,
        clientId: client.id,
        alias: a.alias,
        createdAt: ctx.clock.now(),
      });
      if (ok)
        await ctx.audit(
          { action: "client.alias", subjectType: "client", subjectId: client.id, details: { alias: a.alias } },
          tx,
        );
      return ok;
    });
    if (!added) {
      const holder = await clientUsingName(ctx.db, ctx.workspace.id, a.alias);
      throw userError("alias-taken", (t) =>
        t.clients.aliasTaken({ alias: a.alias, name: holder?.displayName ?? client.displayName }),
      );
    }
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
    await ctx.db.transaction(async (tx) => {
      await updateClient(tx, ctx.workspace.id, client.id, { displayName: a.name });
      await ctx.audit(
        {
          action: "client.renamed",
          subjectType: "client",
          subjectId: client.id,
          details: { from: client.displayName, to: a.name },
        },
        tx,
      );
    });
    return [reply(textMessage(ctx.t.clients.renamed({ from: client.displayName, to: a.name })))];
  },
});

export const clientCommands: CommandDef[] = [add, alias, rename];

/** `acme` → "Acme", `acme-corp` → "Acme Corp". */
export function nameFromSlug(slug: string): string {
  return slug
    .split("-")
    .filter(Boolean)
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join(" ");
}
