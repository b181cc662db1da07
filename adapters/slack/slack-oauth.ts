import type { Authorize, InstallationStore } from "@slack/bolt";
// @slack/oauth is the library Bolt itself uses for installs (a dependency of @slack/bolt).
import { InstallProvider } from "@slack/oauth";
import type { WebClientOptions } from "@slack/web-api";
import type { Logger } from "pino";
import { boltLogger } from "./bolt-logger.ts";
import type { InstallRoutes } from "./slack-receiver.ts";

/** The bot scopes Tact asks for; adapters/slack/manifest.yml lists the same (a test checks). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "im:write",
  "users:read",
  "files:write",
  "channels:history",
  "groups:history",
  "im:history",
];

export interface SlackOAuth {
  routes: InstallRoutes;
  authorize: Authorize<boolean>;
  /** The bot token for a workspace, for the scheduler's sends. */
  botToken(teamId: string): Promise<string>;
}

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installationStore: InstallationStore;
  clientOptions: WebClientOptions;
  log: Logger;
  /** A workspace installed Tact: who did, and the bot token it got (the welcome goes to them). */
  onInstalled?: (installed: { teamId: string; userId: string; botToken: string }) => Promise<void>;
}

/**
 * Multi-workspace installs: `/slack/install` shows the "Add to Slack" page, Slack sends the
 * person back to `/slack/oauth_redirect`, the code is exchanged (oauth.v2.access) and the
 * installation stored. Requests are then authorized with that workspace's stored token.
 */
export function createSlackOAuth(options: SlackOAuthOptions): SlackOAuth {
  const log = options.log.child({ component: "slack-oauth" });
  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    installationStore: options.installationStore,
    logger: boltLogger(log),
    clientOptions: options.clientOptions,
  });
  const urlOptions = { scopes: BOT_SCOPES };
  return {
    routes: {
      installPath: (req, res) => installer.handleInstallPath(req, res, {}, urlOptions),
      callback: (req, res) =>
        installer.handleCallback(req, res, {
          successAsync: async (installation, _options, _req, callbackRes) => {
            log.info({ workspace: installation.team?.id ?? installation.enterprise?.id }, "Tact installed");
            const teamId = installation.team?.id;
            const botToken = installation.bot?.token;
            // The installer's welcome, before the page: it is in Slack when they get back there.
            if (teamId && botToken && !installation.isEnterpriseInstall) {
              await options
                .onInstalled?.({ teamId, userId: installation.user.id, botToken })
                .catch((error: unknown) => log.warn({ err: error }, "welcome not sent"));
            }
            callbackRes
              .writeHead(200, { "content-type": "text/html; charset=utf-8" })
              .end(
                "<!doctype html><title>Tact</title><p>Tact is installed. Type <code>/client help</code> in Slack to begin.</p>",
              );
          },
          failureAsync: async (error, _options, _req, callbackRes) => {
            log.warn({ code: error.code }, "a Slack install did not complete");
            callbackRes
              .writeHead(400, { "content-type": "text/html; charset=utf-8" })
              .end("<!doctype html><title>Tact</title><p>The installation did not complete. Please start again.</p>");
          },
        }),
    },
    authorize: (source) => installer.authorize(source),
    async botToken(teamId) {
      const result = await installer.authorize({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
      if (!result.botToken) throw new Error("no bot token stored for this workspace");
      return result.botToken;
    },
  };
}
