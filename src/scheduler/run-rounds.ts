import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import {
  type Claimer,
  claimDeliveries,
  type DeliveryRow,
  type PlannedDelivery,
} from "../../db/queries/digest-deliveries.ts";
import { claimRounds, previousRounds, saveRoundPayloads } from "../../db/queries/digest-rounds.ts";
import { digestWorkspaces } from "../../db/queries/digest-workspaces.ts";
import { loadDigestData } from "../digest/load-digest-data.ts";
import { isValidTimeZone } from "../domain/dates.ts";
import { describeError } from "./describe-error.ts";
import { planRoundDeliveries } from "./plan-round-deliveries.ts";
import type { DueRound } from "./plan-rounds.ts";

/**
 * Runs the due daily rounds this process wins, in one transaction: claim each round (a
 * round another process claimed first is skipped), load the data of all won workspaces in a
 * fixed number of queries, and claim what each will send. Returns how many rounds were won
 * and the deliveries claimed, to be sent after the commit. A crash before the commit leaves nothing claimed (the next tick
 * runs the round again); after it, the claims' leases expire and another tick sends them.
 */
export async function runRounds(
  db: Db,
  due: readonly DueRound[],
  c: Claimer,
  log: Logger,
): Promise<{ won: number; deliveries: DeliveryRow[] }> {
  if (due.length === 0) return { won: 0, deliveries: [] };
  return db.transaction(async (tx) => {
    const previous = await previousRounds(
      tx,
      due.map((d) => ({ workspaceId: d.workspaceId, before: d.localDate })),
    );
    const won = await claimRounds(tx, due, c.by, c.now);
    if (won.size === 0) return { won: 0, deliveries: [] };
    const mine = due.filter((d) => won.has(d.workspaceId));
    const today = new Map(mine.map((d) => [d.workspaceId, d.localDate]));
    const workspaces = await digestWorkspaces(
      tx,
      mine.map((d) => d.workspaceId),
    );
    const data = await loadDigestData(
      tx,
      workspaces.map((ws) => ({
        // A zone the platform gave us that Intl does not know must not stop anyone's digest.
        workspace: isValidTimeZone(ws.timezone) ? ws : { ...ws, timezone: "UTC" },
        today: today.get(ws.id) ?? "",
        previous: previous.get(ws.id),
      })),
      c.now,
      (workspaceId, error) =>
        log.error({ err: describeError(error), workspaceId }, "part of a digest could not be assessed; left out"),
    );
    const planned: PlannedDelivery[] = [];
    const payloads: { workspaceId: number; localDate: string; payload: Record<string, unknown> }[] = [];
    for (const d of data.values()) {
      try {
        planned.push(...planRoundDeliveries(d));
        payloads.push({ workspaceId: d.workspace.id, localDate: d.today, payload: { risk: d.riskLevels } });
      } catch (error) {
        // A bug in one workspace's digest must not cost the others theirs.
        log.error({ err: describeError(error), workspaceId: d.workspace.id }, "could not build the daily round");
      }
    }
    await saveRoundPayloads(tx, payloads);
    return { won: won.size, deliveries: await claimDeliveries(tx, planned, c) };
  });
}
