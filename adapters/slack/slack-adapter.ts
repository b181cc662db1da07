import { App, type InstallationQuery, type Receiver, SocketModeReceiver } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Invocation } from "../../src/core/invocation.ts";
import type { DeliveryAttempt } from "../../src/core/outbox.ts";
import type { AdapterDeps, PlatformAdapter } from "../../src/core/platform-adapter.ts";
import { boltLogger } from "./bolt-logger.ts";
import { DmChannels } from "./dm-channels.ts";
import { createInstallationStore, installationKey } from "./installation-store.ts";
import { servedTeamOnly } from "./served-team.ts";
import { slackErrorCode } from "./slack-error.ts";
import { type HandlerDeps, registerListeners, welcomeInstaller } from "./slack-handlers.ts";
import { createSlackOAuth, type SlackOAuth } from "./slack-oauth.ts";
import { slackOutbox } from "./slack-outbox.ts";
import { SlackHttpReceiver } from "./slack-receiver.ts";
import { SlackWorkspaceHints } from "./workspace-hints.ts";

export interface SlackAdapter extends PlatformAdapter {
  /** Resolves when every request received so far has been fully handled (tests, shutdown). */
  settled(): Promise<void>;
}

export interface SlackAdapterOptions {
  /** Web API retries (Slack's client default is about 30 minutes of them; tests use 0). */
  retries?: number;
  /** For response_url posts. */
  fetch?: typeof fetch;
  /** Current time in ms for the signature window (default: the clock's). */
  now?: () => number;
  /** How long a command's acknowledgement waits for its answer (default 2.5 s; Slack allows 3). */
  ackWithinMs?: number;
}

/**
 * Tact on Slack: Bolt over our HTTP server (`/slack/events`, `/slack/install`), or over Socket
 * Mode with SLACK_APP_TOKEN; one bot token (SLACK_BOT_TOKEN) or OAuth installs stored in the
 * database (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET).
 */
export function createSlackAdapter(deps: AdapterDeps, options: SlackAdapterOptions = {}): SlackAdapter {
  const { core, config, http, clock } = deps;
  const log = deps.log.child({ platform: "slack" });
  const fetchFn = options.fetch ?? globalThis.fetch;
  const logger = boltLogger(log);
  // Bolt hands a failed listener's request body to app.error, for the request's log fields.
  const errors = { extendedErrorHandler: true } as const;
  const clientOptions: WebClientOptions = {
    logger,
    retryConfig: { retries: options.retries ?? 2, factor: 2 },
    ...(config.SLACK_API_URL ? { slackApiUrl: withSlash(config.SLACK_API_URL) } : {}),
  };
  const installationStore = deps.installations && createInstallationStore(deps.installations);
  const oauth: SlackOAuth | undefined =
    config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET
      ? createSlackOAuth({
          clientId: config.SLACK_CLIENT_ID,
          clientSecret: config.SLACK_CLIENT_SECRET,
          stateSecret: config.SLACK_STATE_SECRET,
          installationStore: installationStore ?? missing("installation records for OAuth installs"),
          clientOptions,
          log,
          onInstalled: async ({ teamId, userId, botToken }) => {
            if (!handlerDeps) return;
            await welcomeInstaller(handlerDeps, new WebClient(botToken, clientOptions), teamId, userId);
          },
        })
      : undefined;
  const token = oauth ? undefined : config.SLACK_BOT_TOKEN;
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const httpReceiver = new SlackHttpReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET ?? "",
    log,
    // The injected clock: the real one in production, the test's own in tests.
    now: options.now ?? (() => clock.now().getTime()),
    install: oauth?.routes,
    acceptEvents: !socketMode && Boolean(config.SLACK_SIGNING_SECRET),
  });
  http.route("/slack", httpReceiver.handler());

  const dmChannels = new DmChannels();
  let app: App | undefined;
  /** The listeners' dependencies, once started (the install callback's welcome uses them). */
  let handlerDeps: HandlerDeps | undefined;
  let socketReceiver: SocketModeReceiver | undefined;

  /** Tact removed from a workspace, or back in it: its data is kept. Throws when that could not be recorded. */
  async function presence(teamId: string, kind: "removed" | "restored") {
    const invocation: Invocation = {
      platform: "slack",
      workspaceId: teamId,
      userId: "",
      channelId: "",
      isDm: false,
      input: { kind },
    };
    const { effects } = await core.handle(invocation);
    if (effects.length > 0) throw new Error(`could not record that the workspace was ${kind}`);
  }

  async function deactivate(teamId: string, enterpriseId: string | undefined, isEnterpriseInstall: boolean) {
    await presence(teamId, "removed");
    if (oauth) {
      await installationStore
        ?.deleteInstallation?.({ teamId, enterpriseId, isEnterpriseInstall } as InstallationQuery<boolean>)
        .catch(() =>
          log.info(
            { key: installationKey({ teamId, enterpriseId, isEnterpriseInstall }) },
            "no installation to delete",
          ),
        );
    }
  }

  async function clientFor(teamId: string, delivery?: DeliveryAttempt): Promise<WebClient> {
    if (delivery) {
      // A scheduled delivery: no retry inside the client, and requests cancelled with the attempt.
      return new WebClient(oauth ? await oauth.botToken(teamId) : token, {
        ...clientOptions,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        fetch: (url, init) =>
          fetchFn(url, {
            ...init,
            signal: init?.signal ? AbortSignal.any([init.signal, delivery.signal]) : delivery.signal,
          }),
      });
    }
    if (oauth) return new WebClient(await oauth.botToken(teamId), clientOptions);
    return app?.client ?? new WebClient(token, clientOptions);
  }

  return {
    outbox: slackOutbox({
      log,
      dmChannels,
      fetch: fetchFn,
      clientFor,
      onTokenRevoked: (teamId) => deactivate(teamId, undefined, false),
    }),

    async start() {
      let receiver: Receiver = httpReceiver;
      if (socketMode && config.SLACK_APP_TOKEN) {
        socketReceiver = new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN,
          logger,
          installerOptions: { clientOptions },
        });
        receiver = socketReceiver;
      }
      if (token) {
        const auth = await verifyToken(new WebClient(token, clientOptions));
        // Running with this token means the app is installed there (again).
        if (auth.teamId) await presence(auth.teamId, "restored");
        app = new App({ receiver, token, botId: auth.botId, botUserId: auth.userId, clientOptions, logger, ...errors });
        // One token, one workspace: requests Slack signed for any other are refused, unwritten.
        app.use(servedTeamOnly(auth, { log, fetch: fetchFn }));
      } else if (oauth) {
        app = new App({ receiver, authorize: oauth.authorize, clientOptions, logger, ...errors });
      } else {
        throw new Error("Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET");
      }
      handlerDeps = {
        core,
        log,
        hints: new SlackWorkspaceHints(log, () => clock.now().getTime()),
        dmChannels,
        fetch: fetchFn,
        ackWithinMs: options.ackWithinMs,
        deactivate,
      };
      registerListeners(app, handlerDeps);
      await app.start();
      log.info({ mode: socketMode ? "socket" : "http", install: oauth ? "oauth" : "token" }, "Slack adapter ready");
    },

    async stop() {
      await httpReceiver.settled();
      if (socketReceiver) await socketReceiver.stop().catch(() => {});
    },

    settled: () => httpReceiver.settled(),
  };
}

async function verifyToken(client: WebClient): Promise<{
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
  botId: string | undefined;
  userId: string | undefined;
}> {
  try {
    const res = await client.auth.test();
    return {
      teamId: res.team_id || undefined,
      enterpriseId: res.enterprise_id || undefined,
      isEnterpriseInstall: res.is_enterprise_install === true,
      botId: res.bot_id,
      userId: res.user_id,
    };
  } catch (error) {
    const code = slackErrorCode(error);
    throw new Error(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token from the app's "OAuth & Permissions" page`
        : "Slack could not be reached to check SLACK_BOT_TOKEN (auth.test); check the network or SLACK_API_URL",
    );
  }
}

function missing(what: string): never {
  throw new Error(`the Slack adapter was given no ${what}`);
}

/** Bolt's WebClient joins method names to the base URL: it must end with a slash. */
function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
