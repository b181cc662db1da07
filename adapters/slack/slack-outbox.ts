import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Effect } from "../../src/core/effects.ts";
import { type DeliveryAttempt, type Outbox, type OutboxWorkspace, SendRefused } from "../../src/core/outbox.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import type { DmChannels } from "./dm-channels.ts";
import { SlackEffects } from "./perform-effects.ts";
import { slackErrorCode } from "./slack-error.ts";

export interface SlackOutboxDeps {
  log: Logger;
  dmChannels: DmChannels;
  fetch: typeof fetch;
  /**
   * A Web API client with the workspace's bot token. For a scheduled delivery: one that does
   * not retry on its own (a retry of a post Slack may have taken would post it twice) and
   * whose requests are cancelled when the attempt is.
   */
  clientFor(teamId: string, delivery?: DeliveryAttempt): Promise<WebClient>;
  onTokenRevoked(teamId: string): Promise<void>;
}

/**
 * How the scheduler reaches a Slack workspace: posts, DMs and files. A failed send throws, so
 * the delivery is retried and logged by the scheduler: as refused when Slack said no before
 * anything was posted, as of unknown outcome otherwise.
 */
export function slackOutbox(deps: SlackOutboxDeps): Outbox {
  return {
    platform: "slack",
    async send(workspace: OutboxWorkspace, effect: Effect, delivery?: DeliveryAttempt) {
      if (effect.type === "reply" || effect.type === "update" || effect.type === "form") {
        deps.log.warn({ effect: effect.type }, "the Slack outbox sends posts, DMs and files only; dropped");
        return;
      }
      const teamId = workspace.externalId;
      const client = await deps.clientFor(teamId, delivery);
      const effects = new SlackEffects({
        client,
        t: catalogFor(workspace.locale),
        log: deps.log,
        dmChannels: deps.dmChannels,
        fetch: deps.fetch,
        onTokenRevoked: deps.onTokenRevoked,
      });
      try {
        await effects.perform([effect], { teamId, delivery });
      } catch (error) {
        // Slack answered with an error (ok: false, or HTTP 429) and nothing had been posted:
        // a clean refusal. No answer, a 5xx or a lost connection leave the outcome unknown.
        const code = slackErrorCode(error) ?? (isRateLimited(error) ? "ratelimited" : undefined);
        if (code && effects.posted === 0 && !delivery?.verify) {
          throw new SendRefused(`Slack refused it (${code})`, code);
        }
        throw error;
      }
    },
  };
}

function isRateLimited(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === "slack_webapi_rate_limited_error";
}
