import { pruneProcessedRequests } from "../../db/queries/processed-requests.ts";
import { SIGNED_REQUEST_WINDOW_MS } from "../core/signed-request-window.ts";
import type { ScheduledJob } from "./run-tick.ts";

/**
 * Request ids are kept a day. They must outlive every copy of the request that could still be
 * accepted: a request is refused once its timestamp is more than the window from now, and it
 * was applied at the earliest a window before that timestamp, so anything longer than two
 * windows is safe. A day also covers Slack's retries (minutes) and a slow Socket Mode queue.
 */
export const REQUEST_ID_TTL_MS = 86_400_000;
if (REQUEST_ID_TTL_MS <= 2 * SIGNED_REQUEST_WINDOW_MS)
  throw new Error("applied request ids must be kept longer than a signed request can be replayed");

/** Housekeeping: keeps the table of applied request ids from growing forever. Sends nothing. */
export const pruneRequestIds: ScheduledJob = async ({ db, now }) => {
  await pruneProcessedRequests(db, new Date(now.getTime() - REQUEST_ID_TTL_MS));
  return [];
};
