import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "pino";
import { catalogFor } from "../../src/messages/catalog.ts";
import { toLocale } from "../../src/messages/locale.ts";

/** The one workspace a bot token belongs to, as auth.test names it. */
export interface ServedTeam {
  teamId: string | undefined;
  /** An organisation-wide token (Enterprise Grid) serves the workspaces of its organisation. */
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
}

export interface ServedTeamDeps {
  log: Logger;
  fetch: typeof fetch;
}

type Body = Record<string, unknown>;

/**
 * With one bot token (SLACK_BOT_TOKEN), Tact serves the workspace auth.test names and no other.
 * A request Slack signed for another workspace (the app installed there too) is refused before
 * any listener runs: nothing is written, the person sees why where Slack shows an answer, and
 * the refusal is logged (the workspace's id and the kind of request, nothing of its content).
 */
export function servedTeamOnly(served: ServedTeam, deps: ServedTeamDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as unknown as Body;
    const team = requestTeam(body);
    if (serves(served, team)) {
      await args.next();
      return;
    }
    const kind = requestKind(body);
    deps.log.warn(
      { team: team.teamId ?? null, enterprise: team.enterpriseId ?? null, kind, served: served.teamId ?? null },
      "Slack request refused: it comes from a workspace this bot token does not serve; nothing was written",
    );
    const t = catalogFor(toLocale(requestLocale(body)));
    const text = t.slack.otherWorkspace;
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (kind === "slash_command") {
      await ack?.({ response_type: "ephemeral", text });
    } else if (kind === "view_submission") {
      await ack?.({
        response_action: "update",
        view: {
          type: "modal",
          title: { type: "plain_text", text: "Tact" },
          close: { type: "plain_text", text: t.slack.close },
          blocks: [{ type: "section", text: { type: "plain_text", text } }],
        },
      });
    } else if (kind === "block_suggestion") {
      await ack?.({ options: [] });
    } else {
      await ack?.();
      const responseUrl = body.response_url;
      // Signed by Slack: its response_url is Slack's own.
      if (typeof responseUrl === "string") {
        await deps
          .fetch(responseUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text }),
          })
          .then((res) => res.arrayBuffer())
          .catch(() => deps.log.info({ kind }, "could not tell the person of another workspace why"));
      }
    }
  };
}

/** The workspace a request speaks for, read as the listeners read it. */
function requestTeam(body: Body): { teamId: string | undefined; enterpriseId: string | undefined } {
  const team = body.team as { id?: unknown; enterprise_id?: unknown } | null | undefined;
  const user = body.user as { team_id?: unknown } | undefined;
  const enterprise = body.enterprise as { id?: unknown } | null | undefined;
  return {
    teamId: str(body.team_id) ?? str(team?.id) ?? str(user?.team_id),
    enterpriseId: str(body.enterprise_id) ?? str(enterprise?.id) ?? str(team?.enterprise_id),
  };
}

function serves(served: ServedTeam, team: { teamId: string | undefined; enterpriseId: string | undefined }): boolean {
  if (served.teamId) return team.teamId === served.teamId;
  // An organisation-wide token has no team of its own: its organisation's workspaces are served.
  return served.isEnterpriseInstall && served.enterpriseId !== undefined && team.enterpriseId === served.enterpriseId;
}

function requestKind(body: Body): string {
  if (typeof body.command === "string") return "slash_command";
  if (body.type === "event_callback") {
    const event = body.event as { type?: unknown } | undefined;
    return `event:${str(event?.type) ?? "unknown"}`;
  }
  return str(body.type) ?? "unknown";
}

/** A payload that carries the person's language (`fr-FR`); most do not, and English is used. */
function requestLocale(body: Body): string | undefined {
  const user = body.user as { locale?: unknown } | undefined;
  return str(body.locale) ?? str(user?.locale);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
