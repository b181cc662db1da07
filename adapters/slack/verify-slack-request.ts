import { createHmac, timingSafeEqual } from "node:crypto";
import { SIGNED_REQUEST_WINDOW_MS } from "../../src/core/signed-request-window.ts";

/** Slack's window: a request signed more than five minutes before or after now is refused. */
export const MAX_CLOCK_SKEW_SECONDS = SIGNED_REQUEST_WINDOW_MS / 1000;

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: string | Buffer): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest("hex")}`;
}

export type VerifyFailure = "missing-headers" | "bad-timestamp" | "stale" | "future" | "bad-signature";

export interface VerifyInput {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp` */
  timestamp: string | undefined;
  /** `X-Slack-Signature` */
  signature: string | undefined;
  rawBody: Buffer;
  nowSeconds: number;
}

/**
 * Checks a request as Slack's documentation says, before anything is parsed: the timestamp
 * within five minutes either way (Bolt only refuses old ones), then the signature in
 * constant time. Returns why it failed, or undefined when the request is Slack's.
 */
export function verifySlackRequest(input: VerifyInput): VerifyFailure | undefined {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return "missing-headers";
  if (!/^\d{1,12}$/.test(timestamp)) return "bad-timestamp";
  const skew = Number(timestamp) - input.nowSeconds;
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return "stale";
  if (skew > MAX_CLOCK_SKEW_SECONDS) return "future";
  const expected = Buffer.from(slackSignature(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad-signature";
  return undefined;
}
