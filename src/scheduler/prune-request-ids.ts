import { pruneProcessedRequests } from "../../db/queries/processed-requests.ts";
import type { ScheduledJob } from "./run-tick.ts";

/** Request ids are kept a day: Slack retries within minutes, and Discord ids never repeat. */
export const REQUEST_ID_TTL_MS = 86_400_000;

/** Housekeeping: keeps the table of applied request ids from growing forever. Sends nothing. */
export const pruneRequestIds: ScheduledJob = async ({ db, now }) => {
  await pruneProcessedRequests(db, new Date(now.getTime() - REQUEST_ID_TTL_MS));
  return [];
};
