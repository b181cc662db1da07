import type { Logger } from "pino";
import type { Invocation, InvocationInput } from "./invocation.ts";

/** A request as its log lines name it (the workspace may be unknown: a DM on Discord). */
export type LoggedRequest = Pick<Invocation, "platform" | "requestId"> & {
  workspaceId?: string | undefined;
  input?: InvocationInput | undefined;
};

/**
 * The logger of one request, with the same fields on every platform and in the core:
 * `platform`, `workspace`, `requestId`, and `command` (the verb) or `action` (its name,
 * without its parameters). Never what the person typed.
 */
export function requestLog(log: Logger, request: LoggedRequest): Logger {
  const bound = log.bindings();
  return log.child({
    ...(bound.platform === request.platform ? {} : { platform: request.platform }),
    workspace: request.workspaceId,
    requestId: request.requestId,
    ...(request.input ? subject(request.input) : {}),
  });
}

function subject(input: InvocationInput): { command?: string; action?: string } {
  switch (input.kind) {
    case "text": {
      const verb = input.text.trim().split(/\s+/)[0];
      return verb ? { command: verb } : {};
    }
    case "options":
    case "autocomplete":
      return { command: input.verb };
    case "action":
      return { action: input.actionId.split(":")[0] ?? "" };
    case "form":
      return { action: input.formId.split(":")[0] ?? "" };
    case "message":
      return { action: "log-message" };
    default:
      return { action: input.kind };
  }
}
