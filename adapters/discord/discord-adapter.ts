import { createRequire } from "node:module";
import type { REST } from "@discordjs/rest";
import type { Client } from "discord.js";
import { GatewayDispatchEvents, GatewayIntentBits, Routes } from "discord-api-types/v10";
import type { AdapterDeps, PlatformAdapter } from "../../src/core/platform-adapter.ts";
import { errorMessage } from "../../src/serialize-error.ts";
import { networkFailure, StartError } from "../../src/start-error.ts";
import { discordOutbox } from "./discord-outbox.ts";
import { createRest, restOptions } from "./discord-rest.ts";
import { DiscordSender } from "./discord-sender.ts";
import { EVENTS_PATH, eventsRoute } from "./events-route.ts";
import { GuildDirectory } from "./guild-directory.ts";
import { createInteractionHandler, type InteractionHandler } from "./handle-interaction.ts";
import { INTERACTIONS_PATH, interactionsRoute } from "./interactions-route.ts";
import { PendingForms } from "./pending-forms.ts";
import { welcomeOwner } from "./welcome-owner.ts";

export interface DiscordAdapterOptions {
  /** Defer an answer still not ready after this long (Discord waits 3 s). */
  deferAfterMs?: number;
  /** REST retries (tests use 0). */
  restRetries?: number;
}

export interface DiscordAdapter extends PlatformAdapter {
  mode: "http" | "gateway";
  rest: REST;
  handler: InteractionHandler;
  /** Resolves when every interaction started so far has sent all its answers. */
  idle(): Promise<void>;
  /** The gateway client (gateway mode only). */
  client?: Client;
}

/**
 * Discord, in one of two modes. With DISCORD_PUBLIC_KEY: HTTP interactions at
 * /discord/interactions on the app's HTTP server, no gateway connection (replicas scale
 * behind a load balancer). Without it: a gateway connection with the minimal intents.
 * Both feed the same handler, which answers through the same REST calls.
 */
export function createDiscordAdapter(deps: AdapterDeps, options: DiscordAdapterOptions = {}): DiscordAdapter {
  const { config, core, log, clock } = deps;
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) throw new Error("Discord needs DISCORD_TOKEN and DISCORD_APPLICATION_ID");
  const rest = { token, api: config.DISCORD_API_URL, retries: options.restRetries };
  const mode = config.DISCORD_PUBLIC_KEY ? "http" : "gateway";
  const client =
    mode === "gateway"
      ? new (discordJs().Client)({
          intents: [GatewayIntentBits.Guilds],
          rest: restOptions(rest),
          allowedMentions: { parse: [] },
        })
      : undefined;
  const restClient = client ? client.rest.setToken(token) : createRest(rest);
  const sender = new DiscordSender(restClient);
  const handler = createInteractionHandler({
    core,
    rest: restClient,
    sender,
    guilds: new GuildDirectory(
      restClient,
      () => clock.now().getTime(),
      (id) => {
        const guild = client?.guilds.cache.get(id);
        return guild ? { name: guild.name, ownerUserId: guild.ownerId } : undefined;
      },
    ),
    forms: new PendingForms(clock),
    applicationId,
    log,
    deferAfterMs: options.deferAfterMs ?? 2_000,
  });
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  if (mode === "http" && config.DISCORD_PUBLIC_KEY) {
    deps.http.route(
      INTERACTIONS_PATH,
      interactionsRoute({
        publicKey: config.DISCORD_PUBLIC_KEY,
        handler,
        log,
        track,
        now: () => clock.now().getTime(),
      }),
    );
    deps.http.route(
      EVENTS_PATH,
      eventsRoute({
        publicKey: config.DISCORD_PUBLIC_KEY,
        log,
        track,
        now: () => clock.now().getTime(),
        onGuildJoined: (guild) => welcomeOwner(core, sender, guild, log),
      }),
    );
  }
  // An unheard "error" event would stop the process; discord.js reconnects on its own.
  client?.on("error", (error) => log.error({ platform: "discord", err: error }, "gateway error"));
  client?.on("warn", (warning) => log.warn({ platform: "discord", warning }, "gateway warning"));
  // Removed from a server (kicked, or the server deleted): stop posting there, keep its data,
  // as for a Slack uninstall. `unavailable` means an outage at Discord, not a removal. Every
  // server the bot is in arrives again as GUILD_CREATE when it connects: active again.
  // The core logs the change, or why it could not be recorded.
  const presence = (guildId: string, kind: "removed" | "restored") =>
    track(
      core
        .handle({ platform: "discord", workspaceId: guildId, userId: "", channelId: "", isDm: false, input: { kind } })
        .then(() => {}),
    );
  client?.ws.on(GatewayDispatchEvents.GuildDelete, (raw: { id: string; unavailable?: boolean }) => {
    if (!raw.unavailable) presence(raw.id, "removed");
  });
  client?.ws.on(
    GatewayDispatchEvents.GuildCreate,
    (raw: { id: string; unavailable?: boolean; owner_id?: string; name?: string; preferred_locale?: string }) => {
      if (raw.unavailable) return;
      presence(raw.id, "restored");
      // A server joined: its owner's welcome (sent once ever; a reconnection's GUILD_CREATE sends nothing).
      if (raw.owner_id) {
        const guild = { id: raw.id, ownerId: raw.owner_id, name: raw.name, locale: raw.preferred_locale };
        track(welcomeOwner(core, sender, guild, log));
      }
    },
  );
  client?.ws.on(GatewayDispatchEvents.InteractionCreate, (raw) => {
    track(
      handler(raw, async (response) => {
        await restClient.post(Routes.interactionCallback(raw.id, raw.token), { body: response, auth: false });
      }),
    );
  });

  return {
    mode,
    rest: restClient,
    handler,
    idle,
    ...(client ? { client } : {}),
    outbox: discordOutbox(sender),
    async start() {
      if (!client) return;
      await client.login(token).catch((error: unknown) => {
        throw discordStartError(error);
      });
      log.info({ platform: "discord", mode }, "connected to the Discord gateway");
    },
    async stop() {
      await idle();
      await client?.destroy();
    },
  };
}

/** Why the gateway connection failed at start, naming Discord (not the database) and what to check. */
function discordStartError(error: unknown): StartError {
  const network = networkFailure(error);
  if (network)
    return new StartError(`Discord could not be reached (${network}): check the network or DISCORD_API_URL`, error);
  if ((error as { code?: unknown }).code === "TokenInvalid") {
    return new StartError(
      "Discord refused DISCORD_TOKEN: copy the bot token from the Developer Portal (Bot page)",
      error,
    );
  }
  return new StartError(`Discord could not be started: ${errorMessage(error)}`, error);
}

/**
 * discord.js itself (its gateway client), loaded only in gateway mode: HTTP mode needs the REST
 * client and the API's types alone, about 13 MB less resident.
 */
function discordJs(): typeof import("discord.js") {
  return createRequire(import.meta.url)("discord.js");
}
