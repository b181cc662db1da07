import { findRound } from "../../db/queries/digest-rounds.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { Context } from "../core/context.ts";
import { isValidTimeZone, localDate } from "../domain/dates.ts";
import { createFormatter } from "../messages/format.ts";
import { describeDays, nextDigest } from "./schedule-settings.ts";

/** "Daily digest at 09:00 (Europe/Paris), Monday to Friday, in #billing. Next one: …" */
export async function describeSchedule(ctx: Context, ws: WorkspaceRow): Promise<string> {
  const { t } = ctx;
  const fmt = createFormatter(ctx.locale, ws.timezone);
  const days = describeDays(ws.digestDays, t, fmt);
  if (!ws.digestChannel)
    return t.digest.config.digestSetNoChannel({ time: ws.digestTime, timezone: ws.timezone, days });
  const zone = isValidTimeZone(ws.timezone) ? ws.timezone : "UTC";
  const ranToday = (await findRound(ctx.db, ws.id, localDate(ctx.clock.now(), zone))) !== undefined;
  const next = nextDigest(ws, ctx.clock.now(), ranToday);
  return t.digest.config.digestSet({
    time: ws.digestTime,
    timezone: ws.timezone,
    days,
    channel: ws.digestChannel,
    next: !next
      ? t.words.none
      : next.now
        ? t.digest.config.nextNow
        : t.digest.config.nextAt({ date: fmt.date(next.date), time: next.time }),
  });
}

/** The whole schedule in one line, for `/client config digest` without a value. */
export function scheduleStatus(ctx: Context, ws: WorkspaceRow): string {
  const { t } = ctx;
  const fmt = createFormatter(ctx.locale, ws.timezone);
  return t.digest.config.status({
    state: ws.digestEnabled ? t.digest.config.on : t.digest.config.off,
    time: ws.digestTime,
    timezone: ws.timezone,
    days: describeDays(ws.digestDays, t, fmt),
    channel: ws.digestChannel ? `#${ws.digestChannel}` : t.digest.config.noChannel,
    quiet: ws.digestQuietPost ? t.digest.config.quietPostShort : t.digest.config.quietSilentShort,
  });
}
