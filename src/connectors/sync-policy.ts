/** A catch-up a day once a connection syncs well. */
export const CATCH_UP_EVERY_MS = 24 * 60 * 60_000;
/** A sync may hold its connection this long before another process assumes it died. */
export const SYNC_LEASE_MS = 30 * 60_000;
/** A backfill reads this far back. */
export const BACKFILL_DAYS = 365;
/** A catch-up re-reads a little before the last one ended: changes are idempotent, gaps are not. */
export const CATCH_UP_OVERLAP_MS = 10 * 60_000;

const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;

/** When to try a failing source again after the `attempts`-th failure in a row: 5, 10, 20 minutes… at most 6 hours. */
export function syncRetryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}
