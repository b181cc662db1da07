import { pruneUnloggedEvidence } from "../../db/queries/evidence.ts";
import type { ScheduledJob } from "./run-tick.ts";

/**
 * A message captured by "Log to Tact" is stored when its form opens. If nobody submits the
 * form within a day, the message is forgotten: Tact keeps only what someone chose to log.
 */
export const UNLOGGED_EVIDENCE_TTL_MS = 86_400_000;

/** Housekeeping: deletes captured messages nobody logged within a day. Sends nothing. */
export const pruneEvidence: ScheduledJob = async ({ db, now }) => {
  await pruneUnloggedEvidence(db, new Date(now.getTime() - UNLOGGED_EVIDENCE_TTL_MS));
  return [];
};
