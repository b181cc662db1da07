import type { REST } from "@discordjs/rest";
import { type APIInteraction, InteractionResponseType, InteractionType, MessageFlags } from "discord-api-types/v10";
import type { Logger } from "pino";
import type { Core } from "../../src/core/create-core.ts";
import type { Invocation, InvocationInput } from "../../src/core/invocation.ts";
import { requestLog } from "../../src/core/request-log.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { type Locale, toLocale } from "../../src/messages/locale.ts";
import { channelInGuild } from "./channel-in-guild.ts";
import { LIMITS } from "./discord-limits.ts";
import type { DiscordSender } from "./discord-sender.ts";
import { truncate } from "./escape-markdown.ts";
import type { GuildDirectory } from "./guild-directory.ts";
import { type InitialResponse, InteractionSession } from "./interaction-session.ts";
import type { PendingForms } from "./pending-forms.ts";
import { type InteractionOrigin, readOrigin, readRequest } from "./read-interaction.ts";
import { renderForm } from "./render-form.ts";

export interface InteractionHandlerDeps {
  core: Core;
  rest: REST;
  sender: DiscordSender;
  guilds: GuildDirectory;
  forms: PendingForms;
  applicationId: string;
  log: Logger;
  /** Past this, a slow answer is deferred (Discord waits 3 s for the first response). */
  deferAfterMs: number;
}

/** Autocomplete cannot be deferred: an answer that is late is empty instead. */
const COMPLETE_WITHIN_MS = 2_500;

export type InteractionHandler = (raw: APIInteraction, respond: InitialResponse) => Promise<void>;

/**
 * The one entry point for interactions, whether they came over HTTP or the gateway: reads
 * the payload, asks the core, and answers through the session. Never throws.
 */
export function createInteractionHandler(deps: InteractionHandlerDeps): InteractionHandler {
  const { core, log } = deps;
  return async (raw, respond) => {
    try {
      await dispatch(raw, respond);
    } catch (error) {
      const request = { platform: "discord" as const, workspaceId: raw.guild_id, requestId: raw.id };
      requestLog(log, request).error({ err: error }, "interaction failed");
    }
  };

  async function dispatch(raw: APIInteraction, respond: InitialResponse): Promise<void> {
    const request = readRequest(raw);
    if (request.kind === "ping" || raw.type === InteractionType.Ping) {
      await respond({ type: InteractionResponseType.Pong });
      return;
    }
    const origin = readOrigin(raw);
    const input =
      request.kind === "complete"
        ? { ...request, kind: "autocomplete" as const }
        : "input" in request
          ? request.input
          : undefined;
    const ilog = requestLog(log, { platform: "discord", workspaceId: origin.guildId, requestId: raw.id, input });
    const fallback = catalogFor(toLocale(origin.locale));
    const privately = (text: string) =>
      respond({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: text, allowed_mentions: { parse: [] }, flags: MessageFlags.Ephemeral },
      });
    try {
      if (request.kind === "unknown-command") {
        await privately(fallback.discord.unknownCommand);
        return;
      }
      if (request.kind === "ignore") {
        if (raw.type === InteractionType.ApplicationCommandAutocomplete) {
          await respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
        } else if (raw.type === InteractionType.MessageComponent) {
          await respond({ type: InteractionResponseType.DeferredMessageUpdate });
        } else {
          await privately(fallback.errors.unknownAction);
        }
        return;
      }
      const guildId = origin.guildId;
      if (request.kind === "complete") {
        const choices = guildId ? await complete(deps, origin, guildId, request, ilog) : [];
        await respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
        return;
      }
      if (!guildId) {
        await privately(fallback.discord.dmNeedsServer);
        return;
      }
      if (request.kind === "open-form") {
        // A pending form is kept for the one user it was offered to, so no lookup (which could
        // outlast Discord's 3 s) stands between the press and the modal, which cannot be deferred.
        const form = deps.forms.take(request.key, origin.userId);
        if (form) {
          await respond({
            type: InteractionResponseType.Modal,
            data: renderForm(form, origin.isDm ? guildId : undefined),
          });
        } else {
          await privately(catalogFor(await workspaceLocale(core, origin, guildId)).errors.unknownAction);
        }
        return;
      }
      await invoke(
        deps,
        raw as Exclude<APIInteraction, { type: InteractionType.Ping }>,
        respond,
        origin,
        guildId,
        request,
        ilog,
      );
    } catch (error) {
      ilog.error({ err: error }, "interaction failed");
    }
  }
}

/**
 * Whether the sender of a DM interaction is in the server its button names (`@<guild>/…`):
 * the server's owner is, anyone else is asked of Discord. When Discord cannot say, no.
 */
async function inServer(deps: InteractionHandlerDeps, guildId: string, userId: string, log: Logger): Promise<boolean> {
  try {
    const hints = await deps.guilds.hints(guildId);
    if (hints.ownerUserId === userId) return true;
    return await deps.guilds.isMember(guildId, userId);
  } catch (error) {
    log.warn({ err: error }, "server membership lookup failed; DM request not run");
    return false;
  }
}

async function invoke(
  deps: InteractionHandlerDeps,
  raw: Exclude<APIInteraction, { type: InteractionType.Ping }>,
  respond: InitialResponse,
  origin: InteractionOrigin,
  guildId: string,
  request: { input: InvocationInput; command?: { public?: boolean } | undefined },
  log: Logger,
): Promise<void> {
  const session = new InteractionSession(raw, {
    rest: deps.rest,
    sender: deps.sender,
    applicationId: deps.applicationId,
    log,
    respond,
    forms: deps.forms,
    locale: () => workspaceLocale(deps.core, origin, guildId),
    guildId,
    userId: origin.userId,
    channelId: origin.channelId,
    isDm: origin.isDm,
    publicCommand: request.command?.public === true,
  });
  // Discord's 3 s run from the request's arrival: every lookup below is inside the timed part.
  const timer = setTimeout(() => void session.defer(), deps.deferAfterMs);
  try {
    if (origin.isDm && !(await inServer(deps, guildId, origin.userId, log))) {
      // Someone outside the server a DM button names: nothing of that server is theirs to touch.
      await session.notice((t) => t.errors.unknownAction);
      return;
    }
    let hints: Invocation["workspaceHints"];
    try {
      hints = await deps.guilds.hints(guildId);
    } catch (error) {
      log.warn({ err: error }, "server lookup failed; request not run");
      await session.notice((t) => t.discord.discordUnavailable);
      return;
    }
    const { effects, locale } = await deps.core.handle({
      ...invocationOf(origin, guildId, raw.id, request.input),
      workspaceHints: hints,
      channelInWorkspace: (channelId) => channelInGuild(deps.rest, guildId, channelId),
    });
    await session.perform(effects, locale);
  } finally {
    clearTimeout(timer);
    await session.finish();
  }
}

async function complete(
  deps: InteractionHandlerDeps,
  origin: InteractionOrigin,
  guildId: string,
  request: { verb: string; option: string; partial: string },
  log: Logger,
): Promise<{ name: string; value: string }[]> {
  const work = (async () => {
    const hints = await deps.guilds.hints(guildId);
    const input: InvocationInput = {
      kind: "autocomplete",
      verb: request.verb,
      option: request.option,
      partial: request.partial,
    };
    return deps.core.complete({ ...invocationOf(origin, guildId, undefined, input), workspaceHints: hints });
  })().catch((error: unknown) => {
    log.warn({ err: error }, "autocomplete failed");
    return [];
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), COMPLETE_WITHIN_MS);
  });
  try {
    const choices = (await Promise.race([work, late])) ?? [];
    return choices
      .filter((c) => c.value.length <= LIMITS.choiceText)
      .slice(0, LIMITS.choices)
      .map((c) => ({ name: truncate(c.label, LIMITS.choiceText), value: c.value }));
  } finally {
    clearTimeout(timer);
  }
}

/** The workspace's language, for the adapter's own words before (or without) the core's answer. */
async function workspaceLocale(core: Core, origin: InteractionOrigin, guildId: string): Promise<Locale> {
  const seen = invocationOf(origin, guildId, undefined, { kind: "memberSeen" });
  // Nobody is recorded: the person may not be in the server.
  return (await core.handle({ ...seen, userName: undefined })).locale;
}

function invocationOf(
  origin: InteractionOrigin,
  guildId: string,
  requestId: string | undefined,
  input: InvocationInput,
): Invocation {
  return {
    platform: "discord",
    workspaceId: guildId,
    userId: origin.userId,
    userName: origin.userName,
    channelId: origin.channelId,
    channelName: origin.channelName,
    locale: origin.locale,
    isDm: origin.isDm,
    input,
    requestId,
  };
}
