import type { Db } from "../../db/database.ts";
import { recentlyPausedConnections } from "../../db/queries/connections.ts";
import type { PlannedDelivery } from "../../db/queries/digest-deliveries.ts";
import { dm } from "../core/effects.ts";
import { catalogFor } from "../messages/catalog.ts";
import { createFormatter } from "../messages/format.ts";
import { toLocale } from "../messages/locale.ts";
import { message } from "../messages/message.ts";
import { sourceLabel } from "./source-label.ts";

export const SOURCE_PAUSED = "source-paused";

/**
 * The owner's DM when a source refused a connection for good (its OAuth tokens expired or
 * were revoked): sent once per pause, through the scheduler's deliveries (claimed under
 * `<connection>:<paused at>`), so two replicas or a restart never send it twice. Connecting
 * again ends the pause; a later one is told again. Fits the scheduler's ScheduledJob.
 */
export async function pausedSourceNotices(input: {
  db: Db;
  now: Date;
  platforms: readonly string[];
}): Promise<PlannedDelivery[]> {
  const rows = await recentlyPausedConnections(input.db, input.now, input.platforms);
  return rows.flatMap((r) => {
    if (!r.ownerUserId) return [];
    const locale = toLocale(r.locale);
    const t = catalogFor(locale);
    const fmt = createFormatter(locale, r.timezone);
    const reasons = t.sources.oauth.pauseReasons;
    const text = t.sources.oauth.paused({
      source: sourceLabel(r.source),
      since: fmt.dateTime(r.pausedAt),
      reason:
        r.pauseReason === "tokens-refused" || r.pauseReason === "access-refused"
          ? reasons[r.pauseReason]
          : reasons.other,
      key: r.source,
    });
    return [
      {
        workspaceId: r.workspaceId,
        kind: SOURCE_PAUSED,
        key: `${r.id}:${r.pausedAt.getTime()}`,
        payload: { effect: dm(r.ownerUserId, message(text).text(text).build()) },
      },
    ];
  });
}
