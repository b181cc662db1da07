import { channelClient } from "../../db/queries/client-channels.ts";
import { findClient } from "../../db/queries/clients.ts";
import type { CommandLookup } from "../commands/parse-command.ts";
import { tokenize } from "../commands/tokenize.ts";
import type { Context } from "../core/context.ts";

/**
 * A command line typed in a channel linked to a client, with the client filled in where it
 * was left out. The rule, for the verbs that allow it (`clientFromChannel`): the first word
 * after the verb is the client when it names a known client (slug, alias or display name,
 * as `/client show` finds them); otherwise the linked client is meant and that word is part
 * of what follows (an invoice number or the note). So in #acme, `/client late` and
 * `/client scope added a blog` are ACME's, `/client late globex` is still Globex's. A verb
 * whose client takes the whole line (`show`) is filled in only when nothing follows it.
 */
export async function withChannelClient(ctx: Context, text: string, commands: CommandLookup): Promise<string> {
  if (ctx.invocation.isDm || ctx.invocation.channelId === "") return text;
  const tokens = tokenize(text);
  const verb = tokens[0];
  if (!verb || verb.unclosed) return text;
  const command = commands.get(verb.value);
  if (!command?.clientFromChannel) return text;
  const first = tokens[1];
  const clientTakesRest = Object.values(command.args).find((a) => a.kind === "client")?.rest === true;
  if (first && clientTakesRest) return text;
  const linked = await channelClient(ctx.db, ctx.workspace.id, ctx.invocation.channelId);
  if (!linked) return text;
  if (first && !first.unclosed && (await findClient(ctx.db, ctx.workspace.id, first.value))) return text;
  return `${text.slice(0, verb.end)} ${linked.slug}${text.slice(verb.end)}`;
}

/**
 * The same for a command given as options (Discord): in a linked channel, a client option left
 * out is the linked client. An option given is always the client meant.
 */
export async function withChannelClientOption(
  ctx: Context,
  verb: string,
  options: Record<string, string | number | boolean>,
  commands: CommandLookup,
): Promise<Record<string, string | number | boolean>> {
  if (ctx.invocation.isDm || ctx.invocation.channelId === "") return options;
  const command = commands.get(verb);
  if (!command?.clientFromChannel) return options;
  const key = Object.entries(command.args).find(([, a]) => a.kind === "client")?.[0];
  if (!key || (options[key] !== undefined && String(options[key]).trim() !== "")) return options;
  const linked = await channelClient(ctx.db, ctx.workspace.id, ctx.invocation.channelId);
  return linked ? { ...options, [key]: linked.slug } : options;
}
