/**
 * How far from now the timestamp of a signed platform request may be, either way. Slack
 * publishes five minutes; Discord publishes none, so the same is applied to it. A captured
 * request can be replayed only inside this window, which is why applied request ids are kept
 * longer (see scheduler/prune-request-ids.ts).
 */
export const SIGNED_REQUEST_WINDOW_MS = 5 * 60_000;

/** Whether a request signed at `timestampSeconds` (Unix seconds, as sent) may be accepted at `nowMs`. */
export function withinSignedRequestWindow(timestampSeconds: string, nowMs: number): boolean {
  if (!/^\d{1,12}$/.test(timestampSeconds)) return false;
  return Math.abs(Number(timestampSeconds) * 1000 - nowMs) <= SIGNED_REQUEST_WINDOW_MS;
}
