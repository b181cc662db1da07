import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { findWorkspace } from "../../db/queries/workspaces.ts";
import type { Effect } from "../../src/core/effects.ts";
import type { Outbox } from "../../src/core/outbox.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { toLocale } from "../../src/messages/locale.ts";
import type { DmChannels } from "./dm-channels.ts";
import { SlackEffects } from "./perform-effects.ts";

export interface SlackOutboxDeps {
  db: Db;
  log: Logger;
  dmChannels: DmChannels;
  fetch: typeof fetch;
  /** A Web API client with the workspace's bot token. */
  clientFor(teamId: string): Promise<WebClient>;
  onTokenRevoked(teamId: string): Promise<void>;
}

/**
 * How the scheduler reaches a Slack workspace: posts, DMs and files. A workspace where the app
 * was uninstalled gets nothing (its data stays); a failed send throws, so the delivery is
 * retried and logged by the scheduler.
 */
export function slackOutbox(deps: SlackOutboxDeps): Outbox {
  return {
    platform: "slack",
    async send(teamId: string, effect: Effect) {
      if (effect.type === "reply" || effect.type === "update" || effect.type === "form") {
        deps.log.warn({ effect: effect.type }, "the Slack outbox sends posts, DMs and files only; dropped");
        return;
      }
      const workspace = await findWorkspace(deps.db, "slack", teamId);
      if (workspace?.deactivatedAt) {
        deps.log.info({ workspace: teamId }, "Tact was uninstalled from this workspace; nothing sent");
        return;
      }
      const client = await deps.clientFor(teamId);
      const effects = new SlackEffects({
        client,
        t: catalogFor(toLocale(workspace?.locale)),
        log: deps.log,
        dmChannels: deps.dmChannels,
        fetch: deps.fetch,
        onTokenRevoked: deps.onTokenRevoked,
      });
      await effects.perform([effect], { teamId });
    },
  };
}
