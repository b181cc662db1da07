import { channelClient, deleteClientChannel, insertClientChannel } from "../../db/queries/client-channels.ts";
import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";

/** The channel a `/client channel` line names: the one it was typed in, or a mention. */
interface NamedChannel {
  id: string;
  name: string;
}

const MENTION = /^<#([A-Za-z0-9]+)(?:\|([^>]*))?>$/;
const OFF = new Set(["off", "unlink", "non", "aucun", "retirer"]);

/**
 * `/client channel acme [#channel|off]`: links the channel (the one typed in, or the one
 * mentioned) to the client, or unlinks it with `off`. Only a channel of this workspace, as
 * the platform names it (a mention, not a bare word): the console has none, nor has a DM.
 */
export async function linkChannel(ctx: Context, clientName: string, target: string | undefined): Promise<Effect[]> {
  const { invocation } = ctx;
  if (invocation.platform === "console") throw userError("channel-console", (t) => t.channels.console);
  const client = await requireClient(ctx, clientName);
  const words = (target ?? "").trim().split(/\s+/).filter(Boolean);
  const off = words.length > 0 && OFF.has(words[words.length - 1]?.toLowerCase() ?? "");
  const named = off ? words.slice(0, -1) : words;
  if (named.length > 1) throw userError("channel-invalid", (t) => t.channels.notAChannel({ value: named.join(" ") }));
  const channel = await namedChannel(ctx, named[0]);
  const now = ctx.clock.now();

  if (off) {
    const removed = await ctx.db.transaction(async (tx) => {
      const row = await deleteClientChannel(tx, ctx.workspace.id, client.id, channel.id);
      if (row)
        await ctx.audit(
          {
            action: "client.channel.unlinked",
            subjectType: "client",
            subjectId: client.id,
            details: { channel: channel.id },
          },
          tx,
        );
      return row;
    });
    const shown = `#${removed?.channelName ?? channel.name}`;
    const text = removed
      ? ctx.t.channels.unlinked({ channel: shown, client: client.displayName })
      : ctx.t.channels.notLinked({ channel: shown, client: client.displayName });
    return [reply(textMessage(text))];
  }

  const linked = await ctx.db.transaction(async (tx) => {
    const row = await insertClientChannel(tx, {
      workspaceId: ctx.workspace.id,
      clientId: client.id,
      channelId: channel.id,
      channelName: channel.name,
      linkedBy: ctx.user.id,
      linkedAt: now,
    });
    if (row)
      await ctx.audit(
        {
          action: "client.channel.linked",
          subjectType: "client",
          subjectId: client.id,
          details: { channel: channel.id, name: channel.name },
        },
        tx,
      );
    return row;
  });
  const shown = `#${channel.name}`;
  if (!linked) {
    // Already linked: to this client (nothing to do) or to another (unlink it there first).
    const holder = await channelClient(ctx.db, ctx.workspace.id, channel.id);
    if (holder && holder.id !== client.id)
      throw userError("channel-taken", (t) =>
        t.channels.linkedElsewhere({ channel: shown, client: holder.displayName, slug: holder.slug }),
      );
    return [reply(textMessage(ctx.t.channels.alreadyLinked({ channel: shown, client: client.displayName })))];
  }
  return [reply(textMessage(ctx.t.channels.linked({ channel: shown, client: client.displayName, slug: client.slug })))];
}

async function namedChannel(ctx: Context, typed: string | undefined): Promise<NamedChannel> {
  const { invocation } = ctx;
  if (typed === undefined || typed.toLowerCase() === "here" || typed.toLowerCase() === "ici") {
    if (invocation.isDm || invocation.channelId === "") throw userError("channel-dm", (t) => t.channels.inDm);
    return { id: invocation.channelId, name: invocation.channelName || invocation.channelId };
  }
  const mention = MENTION.exec(typed);
  if (!mention?.[1]) throw userError("channel-invalid", (t) => t.channels.notAChannel({ value: typed }));
  const id = mention[1];
  const name = mention[2] || (id === invocation.channelId && invocation.channelName) || id;
  if (id !== invocation.channelId && invocation.channelInWorkspace && !(await invocation.channelInWorkspace(id)))
    throw userError("channel-elsewhere", (t) => t.channels.otherWorkspace({ channel: `#${name}` }));
  return { id, name };
}
