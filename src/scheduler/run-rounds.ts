import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import {
  type Claimer,
  claimDeliveries,
  type DeliveryRow,
  type PlannedDelivery,
} from "../../db/queries/digest-deliveries.ts";
import { claimRounds, finishRounds, previousRounds } from "../../db/queries/digest-rounds.ts";
import { digestWorkspaces } from "../../db/queries/digest-workspaces.ts";
import { roundMemory } from "../digest/digest-data.ts";
import { loadDigestData } from "../digest/load-digest-data.ts";
import { isValidTimeZone } from "../domain/dates.ts";
import { DIGEST, planRoundDeliveries } from "./plan-round-deliveries.ts";
import type { DueRound } from "./plan-rounds.ts";

/**
 * Runs the due daily rounds this process wins. Each round is claimed first, under a lease
 * (a round another process holds is skipped); the data of all won workspaces is loaded in a
 * fixed number of queries and each digest and alert built; then, in one short transaction,
 * what each will send is claimed and the rounds are marked done. Returns how many rounds
 * were won and the deliveries claimed, to be sent next.
 *
 * A process dying before that transaction leaves its rounds claimed: once their lease
 * expires the planner finds them due again and another tick runs them. Dying after it
 * leaves claimed deliveries, which the retry scan sends once their lease expires.
 */
export async function runRounds(
  db: Db,
  due: readonly DueRound[],
  c: Claimer,
  log: Logger,
): Promise<{ won: number; deliveries: DeliveryRow[] }> {
  if (due.length === 0) return { won: 0, deliveries: [] };
  const previous = await previousRounds(
    db,
    due.map((d) => ({ workspaceId: d.workspaceId, before: d.localDate })),
  );
  const won = await claimRounds(db, due, c);
  if (won.size === 0) return { won: 0, deliveries: [] };
  const mine = due.filter((d) => won.has(d.workspaceId));
  const today = new Map(mine.map((d) => [d.workspaceId, d.localDate]));
  const workspaces = await digestWorkspaces(
    db,
    mine.map((d) => d.workspaceId),
  );
  const data = await loadDigestData(
    db,
    workspaces.map((ws) => ({
      // A zone the platform gave us that Intl does not know must not stop anyone's digest.
      workspace: isValidTimeZone(ws.timezone) ? ws : { ...ws, timezone: "UTC" },
      today: today.get(ws.id) ?? "",
      previous: previous.get(ws.id),
    })),
    c.now,
    (workspaceId, error) => log.error({ err: error, workspaceId }, "part of a digest could not be assessed; left out"),
  );
  const planned: PlannedDelivery[] = [];
  const done = mine.map((d) => ({
    workspaceId: d.workspaceId,
    localDate: d.localDate,
    payload: {} as Record<string, unknown>,
  }));
  const roundOf = new Map(done.map((r) => [r.workspaceId, r]));
  for (const d of data.values()) {
    try {
      const deliveries = planRoundDeliveries(d);
      planned.push(...deliveries);
      const round = roundOf.get(d.workspace.id);
      if (round)
        round.payload = roundMemory(
          d,
          deliveries.some((p) => p.kind === DIGEST),
        );
    } catch (error) {
      // A bug in one workspace's digest must not cost the others theirs.
      log.error({ err: error, workspaceId: d.workspace.id }, "could not build the daily round");
    }
  }
  const deliveries = await db.transaction(async (tx) => {
    const claimed = await claimDeliveries(tx, planned, c);
    await finishRounds(tx, done, c.by, c.now);
    return claimed;
  });
  return { won: won.size, deliveries };
}
