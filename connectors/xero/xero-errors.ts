import { SourceError } from "../../src/connectors/connector.ts";

/** An HTTP answer from Xero that was not a success: only what Tact needs of it, never a token. */
export class XeroHttpError extends Error {
  constructor(
    readonly status: number,
    /** Seconds, from a 429's Retry-After. */
    readonly retryAfterS: number | undefined,
    /** Xero's own word for it ("invalid_grant", "AuthenticationUnsuccessful"…), short. */
    readonly detail: string,
  ) {
    super(`Xero answered ${status}${detail ? ` (${detail})` : ""}`);
    this.name = "XeroHttpError";
  }
}

/** A rate-limit wait up to this long is waited out inside the sync; a longer one ends it. */
export const LONGEST_WAIT_S = 60;
const ATTEMPTS = 4;

/**
 * Runs a (read-only) call to Xero, waiting out a 429 for as long as Retry-After says when that is short
 * (Xero's minute limit: 60 calls a minute per organisation); a longer wait (the daily limit)
 * ends the sync, which the worker resumes after it.
 */
export async function waitingOutRateLimits<T>(
  call: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
): Promise<T> {
  let resets = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      // A kept-alive connection the server closed just as it was reused: the read is asked once more.
      if ((error as { code?: unknown } | null)?.code === "ECONNRESET" && resets++ === 0) continue;
      if (!(error instanceof XeroHttpError) || error.status !== 429) throw error;
      const wait = error.retryAfterS ?? LONGEST_WAIT_S;
      if (wait > LONGEST_WAIT_S || attempt >= ATTEMPTS) throw error;
      await sleep(wait * 1000);
    }
  }
}

/** Reads Retry-After (seconds, or an HTTP date) as seconds from now. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Xero's failure as the owner reads it in /client sync (and as the worker acts on it). */
export function xeroSourceError(error: unknown, what: "api" | "identity"): SourceError {
  if (error instanceof SourceError) return error;
  if (error instanceof XeroHttpError) {
    const s = error.status;
    if (what === "identity" && s === 400 && error.detail === "invalid_grant") {
      return new SourceError("Xero refused the connection's tokens (expired or revoked)", false, {
        pause: "tokens-refused",
      });
    }
    if (what === "identity" && (s === 400 || s === 401)) {
      return new SourceError(
        `Xero refused Tact's app credentials (${error.detail || s}): check XERO_CLIENT_ID and XERO_CLIENT_SECRET`,
        false,
      );
    }
    if (s === 401) {
      return new SourceError("Xero refused the connection's tokens (expired or revoked)", false, {
        pause: "tokens-refused",
      });
    }
    if (s === 403) {
      return new SourceError(
        "Xero refused access to the organisation (disconnected, or the app lost its access)",
        false,
        {
          pause: "access-refused",
        },
      );
    }
    if (s === 429) {
      return new SourceError("Xero asked to slow down (rate limit)", true, {
        ...(error.retryAfterS !== undefined ? { retryAfterMs: error.retryAfterS * 1000 } : {}),
      });
    }
    if (s >= 500) return new SourceError(`Xero answered with an error ${s}`, true);
    return new SourceError(`Xero refused the request (${s}${error.detail ? ` ${error.detail}` : ""})`, false);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === "string" &&
    /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|ECONNABORTED|EAI_AGAIN|UND_ERR_\w+)$/.test(code)
  ) {
    return new SourceError(`Xero could not be reached (${code})`, true);
  }
  if ((error as { name?: unknown } | null)?.name === "TimeoutError") {
    return new SourceError("Xero did not answer in time", true);
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) {
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    return new SourceError(`Xero could not be reached${typeof cause === "string" ? ` (${cause})` : ""}`, true);
  }
  return new SourceError("Xero could not be read (unexpected answer)", true);
}
