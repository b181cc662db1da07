import { errorCode } from "../db/prepare-data-dir.ts";
import { errorMessage } from "./serialize-error.ts";

/** Tact cannot start: the message names the real cause and what to check, in one line. */
export class StartError extends Error {
  readonly code = "start";
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "StartError";
  }
}

/** Why the HTTP server could not listen on PORT. */
export function portError(port: number, error: unknown): StartError {
  switch (errorCode(error)) {
    case "EADDRINUSE":
      return new StartError(
        `PORT ${port} is already in use: stop what listens there, or set PORT to a free port`,
        error,
      );
    case "EACCES":
    case "EPERM":
      return new StartError(`PORT ${port} needs privileges Tact does not have: use a port above 1023`, error);
    default:
      return new StartError(`the HTTP server could not listen on PORT ${port}: ${errorMessage(error)}`, error);
  }
}

const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * When an API could not be reached (DNS, refused, timed out), at any depth of causes: the
 * message that says so ("getaddrinfo ENOTFOUND discord.com"), else undefined.
 */
export function networkFailure(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = errorCode(e);
    if (code && (NETWORK_CODES.has(code) || code.startsWith("UND_ERR_CONNECT"))) return errorMessage(e) || code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
