import { createHash } from "node:crypto";
import type { App, BlockAction, BlockSuggestion, SlashCommand, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Core } from "../../src/core/create-core.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { requestLog } from "../../src/core/request-log.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { type AckFn, AckSlot } from "./ack-slot.ts";
import type { DmChannels } from "./dm-channels.ts";
import { loggedRequest } from "./logged-request.ts";
import { capturedFromSlack, LOG_MESSAGE_CALLBACK_ID, shortcutInvocation } from "./message-shortcut.ts";
import { PerPersonQueue } from "./per-person-queue.ts";
import { SlackEffects, type Surface } from "./perform-effects.ts";
import { actionIdFromElement, LIMITS, renderMessage } from "./render-blocks.ts";
import { decodeOrigin, FORM_CALLBACK_ID, formValues, readSuggestBlockId } from "./render-modal.ts";
import { slackErrorCode } from "./slack-error.ts";
import { fitEscaped, textFromSlack } from "./slack-text.ts";
import type { SlackWorkspaceHints } from "./workspace-hints.ts";

export interface HandlerDeps {
  core: Core;
  log: Logger;
  hints: SlackWorkspaceHints;
  dmChannels: DmChannels;
  fetch: typeof fetch;
  /** How long a command's acknowledgement waits for its answer (Slack allows 3 s in all). */
  ackWithinMs?: number | undefined;
  /** The app was uninstalled or its bot token revoked in this workspace. */
  deactivate(teamId: string, enterpriseId: string | undefined, isEnterpriseInstall: boolean): Promise<void>;
}

/**
 * The Slack listeners. A slash command's answer travels in its acknowledgement when it is ready
 * within about 2.5 s (else the acknowledgement goes empty and the answer to the response_url);
 * buttons and forms are acknowledged first (Slack shows nothing of their acknowledgement) and
 * answered through the Web API. One person's requests run in the order they arrived.
 */
export function registerListeners(app: App, deps: HandlerDeps): void {
  const { log } = deps;
  const queue = new PerPersonQueue();
  const inOrder = (team: string, user: string, work: () => Promise<void>) => queue.run(`${team}/${user}`, work);

  app.command(/.*/, async ({ ack, command, client }) => {
    const slot = new AckSlot(ack as AckFn, deps.ackWithinMs);
    try {
      await inOrder(command.team_id, command.user_id, () => onCommand(deps, client, command, slot));
    } finally {
      await slot.close();
    }
  });

  app.action(/.*/, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== "block_actions") return;
    await inOrder(body.team?.id ?? body.user.team_id ?? "", body.user.id, () => onBlockAction(deps, client, body));
  });

  app.view({ callback_id: FORM_CALLBACK_ID, type: "view_submission" }, async ({ ack, body, client }) => {
    // Held open briefly: a refused field is answered in it, and the form stays open.
    const slot = new AckSlot(ack as AckFn, deps.ackWithinMs);
    try {
      if (body.type !== "view_submission") return;
      await inOrder(body.team?.id ?? body.user.team_id ?? "", body.user.id, () =>
        onViewSubmission(deps, client, body, slot),
      );
    } finally {
      await slot.close();
    }
  });

  app.shortcut({ callback_id: LOG_MESSAGE_CALLBACK_ID, type: "message_action" }, async ({ ack, shortcut, client }) => {
    await ack();
    if (shortcut.type !== "message_action") return;
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
    await inOrder(teamId, shortcut.user.id, async () => {
      const invocation = shortcutInvocation(shortcut, await capturedFromSlack(client, shortcut));
      await run(
        deps,
        client,
        invocation,
        {
          teamId,
          userId: shortcut.user.id,
          channelId: shortcut.channel.id,
          responseUrl: shortcut.response_url,
          triggerId: shortcut.trigger_id,
        },
        shortcut.team?.domain,
      );
    });
  });

  app.options({ type: "block_suggestion" }, async ({ ack, body }) => {
    // Bolt types this ack for every kind of suggestion; a block_suggestion takes Block Kit options.
    await (ack as AckFn)({ options: await suggestions(deps, body as BlockSuggestion) });
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, body.team_id, event.user, body.event_id);
  });

  app.event("app_uninstalled", async ({ body }) => {
    await deps.deactivate(body.team_id, body.enterprise_id, Boolean(body.is_enterprise_install));
  });

  app.event("tokens_revoked", async ({ event, body }) => {
    // Only the bot's token matters: revoked user tokens leave Tact working.
    if ((event.tokens.bot?.length ?? 0) > 0) {
      await deps.deactivate(body.team_id, body.enterprise_id, Boolean(body.is_enterprise_install));
    }
  });

  // Extended (the App is created so): Bolt hands over the body of the request that failed.
  app.error(async ({ error, body }: { error: Error; body?: unknown }) => {
    requestLog(log, loggedRequest(body)).error({ err: error }, "Slack listener failed");
  });
}

async function onCommand(deps: HandlerDeps, client: WebClient, command: SlashCommand, ack: AckSlot): Promise<void> {
  const invocation: Invocation = {
    platform: "slack",
    workspaceId: command.team_id,
    userId: command.user_id,
    userName: command.user_name,
    channelId: command.channel_id,
    channelName: command.channel_name,
    isDm: await isBotDm(deps, client, command.team_id, command.user_id, command.channel_id),
    input: { kind: "text", text: textFromSlack(command.text ?? "") },
    // The same trigger_id comes back when Slack resends a request: the core applies it once.
    requestId: command.trigger_id,
  };
  await run(
    deps,
    client,
    invocation,
    {
      teamId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
      triggerId: command.trigger_id,
      ack,
    },
    command.team_domain,
  );
}

async function onBlockAction(deps: HandlerDeps, client: WebClient, body: BlockAction): Promise<void> {
  const element = body.actions[0];
  const actionId = element ? actionIdFromElement(element as Parameters<typeof actionIdFromElement>[0]) : undefined;
  if (!actionId) return;
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  const home = body.view?.type === "home";
  const container = body.container as {
    type?: string;
    channel_id?: string;
    message_ts?: string;
    is_ephemeral?: boolean;
  };
  const channelId = body.channel?.id ?? container.channel_id;
  const message =
    container.type === "message" && container.channel_id && container.message_ts
      ? { channelId: container.channel_id, ts: container.message_ts, ephemeral: Boolean(container.is_ephemeral) }
      : undefined;
  const invocation: Invocation = {
    platform: "slack",
    workspaceId: teamId,
    userId: body.user.id,
    userName: body.user.username ?? body.user.name,
    channelId: channelId ?? "",
    // App Home is as private as a DM: only the person sees it.
    isDm: home || (await isBotDm(deps, client, teamId, body.user.id, channelId)),
    input: { kind: "action", actionId },
    requestId: body.trigger_id ?? digest(body),
  };
  await run(
    deps,
    client,
    invocation,
    {
      teamId,
      userId: body.user.id,
      channelId,
      responseUrl: body.response_url,
      triggerId: body.trigger_id,
      message,
      home,
    },
    body.team?.domain,
  );
  if (home) await publishHome(deps, client, teamId, body.user.id);
}

async function onViewSubmission(
  deps: HandlerDeps,
  client: WebClient,
  body: ViewSubmitAction,
  viewAck: AckSlot,
): Promise<void> {
  const origin = decodeOrigin(body.view.private_metadata);
  if (!origin) return;
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  const values = formValues(body.view.state.values as Parameters<typeof formValues>[0]);
  const invocation: Invocation = {
    platform: "slack",
    workspaceId: teamId,
    userId: body.user.id,
    userName: body.user.name,
    channelId: origin.channelId ?? "",
    isDm: Boolean(origin.home) || (await isBotDm(deps, client, teamId, body.user.id, origin.channelId)),
    input: { kind: "form", formId: origin.formId, values },
    requestId: (body as { trigger_id?: string }).trigger_id ?? digest(body),
  };
  await run(
    deps,
    client,
    invocation,
    {
      teamId,
      userId: body.user.id,
      channelId: origin.channelId,
      responseUrl: origin.responseUrl,
      message:
        origin.channelId && origin.messageTs
          ? { channelId: origin.channelId, ts: origin.messageTs, ephemeral: Boolean(origin.ephemeral) }
          : undefined,
      home: origin.home,
      viewAck,
      viewBlocks: Object.keys(body.view.state.values),
    },
    body.team?.domain,
  );
  if (origin.home) await publishHome(deps, client, teamId, body.user.id);
}

/** Slack's limit on the options a type-ahead answer holds. */
const MAX_SUGGESTIONS = 100;

/** A form's type-ahead (the client of `/client invoice`): the core's completions, as Slack options. */
async function suggestions(
  deps: HandlerDeps,
  body: BlockSuggestion,
): Promise<{ text: { type: "plain_text"; text: string }; value: string }[]> {
  const target = readSuggestBlockId(body.block_id);
  if (!target) return [];
  const choices = await deps.core.complete({
    platform: "slack",
    workspaceId: body.team?.id ?? body.user.team_id ?? "",
    userId: body.user.id,
    channelId: "",
    isDm: false,
    input: { kind: "autocomplete", verb: target.verb, option: target.field, partial: body.value ?? "" },
  });
  return choices
    .filter((c) => c.value.length <= 150)
    .slice(0, MAX_SUGGESTIONS)
    .map((c) => ({ text: { type: "plain_text", text: fitEscaped(c.label, 75) }, value: c.value }));
}

/** Tact was installed: the installer gets the welcome by DM (once per workspace, the core decides). */
export async function welcomeInstaller(
  deps: HandlerDeps,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  const invocation: Invocation = {
    platform: "slack",
    workspaceId: teamId,
    userId,
    channelId: "",
    isDm: true,
    input: { kind: "installed" },
  };
  await run(deps, client, invocation, { teamId, userId }, undefined);
}

/** Runs one request through the core and performs what it returns. */
async function run(
  deps: HandlerDeps,
  client: WebClient,
  invocation: Invocation,
  surface: Surface,
  teamName: string | undefined,
): Promise<void> {
  const { effects, locale } = await deps.core.handle(withHints(deps, client, invocation, teamName));
  // The form closes now unless a field was refused (a form that opens next needs it closed).
  if (!effects.some((e) => e.type === "formErrors")) await surface.viewAck?.close();
  // A resent request already applied comes back with nothing to do.
  if (effects.length === 0) return;
  const log = requestLog(deps.log, invocation);
  const effectsDeps = {
    client,
    t: catalogFor(locale),
    log,
    dmChannels: deps.dmChannels,
    fetch: deps.fetch,
    onTokenRevoked: (teamId: string) => deps.deactivate(teamId, undefined, false),
  };
  try {
    await new SlackEffects(effectsDeps).perform(effects, surface);
  } catch (error) {
    log.warn({ err: error, code: slackErrorCode(error) ?? "network" }, "could not answer a Slack request");
  }
}

/**
 * When Tact does not know the workspace, or its owner: who its owner is (Slack's primary
 * owner), its time zone and language, recorded when the workspace row is created, and the
 * owner's name so refusals can say who to ask. The core asks only then.
 */
function withHints(deps: HandlerDeps, client: WebClient, invocation: Invocation, teamName?: string): Invocation {
  return {
    ...invocation,
    workspaceHints: (seen) => deps.hints.firstSight(client, invocation.workspaceId, invocation.userId, teamName, seen),
  };
}

/** Builds the person's App Home and publishes it (a failure there, with its reference). */
export async function publishHome(
  deps: HandlerDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  requestId?: string,
): Promise<void> {
  const invocation: Invocation = {
    platform: "slack",
    workspaceId: teamId,
    userId,
    channelId: "",
    isDm: true,
    input: { kind: "home" },
    requestId,
  };
  const { effects, locale } = await deps.core.handle(withHints(deps, client, invocation));
  const [home] = effects;
  // Nothing when a resent event was already answered.
  if (home?.type !== "reply") return;
  try {
    const [view] = renderMessage(home.message, catalogFor(locale), { maxBlocks: LIMITS.surfaceBlocks, maxMessages: 1 });
    if (!view) return;
    await client.views.publish({ user_id: userId, view: { type: "home", blocks: view.blocks } });
  } catch (error) {
    deps.log.warn({ err: error, code: slackErrorCode(error) }, "could not publish App Home");
  }
}

async function isBotDm(
  deps: HandlerDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  channelId: string | undefined,
): Promise<boolean> {
  try {
    return await deps.dmChannels.isBotDm(client, teamId, userId, channelId);
  } catch (error) {
    deps.log.info({ code: slackErrorCode(error) ?? "network" }, "could not tell whether a channel is the bot's DM");
    return false;
  }
}

/** A stable id for a payload without a trigger_id (a resend carries the same payload). */
function digest(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32);
}
