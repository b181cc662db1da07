/** How long a claim may stay unsent before another tick assumes its sender died and retries. */
export const CLAIM_LEASE_MS = 10 * 60_000;

/** After this many failed sends, a delivery is given up (and logged as such). */
export const MAX_ATTEMPTS = 8;

const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/**
 * When to try again after the `attempts`-th failure: 1, 2, 4, 8… minutes, at most an hour;
 * `undefined` once the delivery should be given up.
 */
export function retryDelayMs(attempts: number): number | undefined {
  if (attempts >= MAX_ATTEMPTS) return undefined;
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
