import type { SlashCommand } from "@slack/bolt";
import type { LoggedRequest } from "../../src/core/request-log.ts";
import { actionIdFromElement } from "./render-blocks.ts";

/** A request as its log lines name it (the same fields as the core's), read from the body Slack sent. */
export function loggedRequest(body: unknown): LoggedRequest {
  const b = (body ?? {}) as Partial<SlashCommand> & {
    team?: { id?: string } | null;
    event_id?: string;
    actions?: Parameters<typeof actionIdFromElement>[0][];
  };
  const action = b.actions?.[0] && actionIdFromElement(b.actions[0]);
  return {
    platform: "slack",
    workspaceId: b.team_id ?? b.team?.id ?? undefined,
    requestId: b.trigger_id ?? b.event_id,
    input: b.command ? { kind: "text", text: b.text ?? "" } : action ? { kind: "action", actionId: action } : undefined,
  };
}
