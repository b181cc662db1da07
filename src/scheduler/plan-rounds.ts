import { isValidTimeZone, localParts } from "../domain/dates.ts";

/** What the planner needs to know about one workspace's schedule. */
export interface ScheduleSettings {
  workspaceId: number;
  timezone: string;
  /** `HH:MM`, local to `timezone`. */
  digestTime: string;
  /** ISO weekdays, 1 = Monday. */
  digestDays: readonly number[];
  digestChannel: string | null;
  createdAt: Date;
  /** The local date of the latest daily round already claimed, if any. */
  lastRoundDate: string | null;
}

/** A workspace whose daily round (digest and overdue alerts) is due for a local date. */
export interface DueRound {
  workspaceId: number;
  /** The workspace's local date, `YYYY-MM-DD`: the round's key. */
  localDate: string;
}

/**
 * Which workspaces' daily rounds are due at `now`. Pure: the same settings and instant always
 * give the same answer.
 *
 * A round is due on a working day once the local wall-clock time has reached the digest time,
 * until it has been claimed for that local date. Comparing wall-clock times (never adding
 * hours to an instant) keeps a 09:00 digest at 09:00 across DST changes; a time inside a
 * spring-forward gap (02:30 on the night clocks jump from 02:00 to 03:00) is reached at 03:00
 * and still fires that day; a time repeated when clocks go back fires once, as the round is
 * keyed by date. A process that was down at the digest time catches up on its first tick the
 * same local day; a day that has ended is not sent late.
 */
export function planRounds(workspaces: readonly ScheduleSettings[], now: Date): DueRound[] {
  const due: DueRound[] = [];
  for (const ws of workspaces) {
    if (!ws.digestChannel) continue;
    const zone = isValidTimeZone(ws.timezone) ? ws.timezone : "UTC";
    const local = localParts(now, zone);
    if (!ws.digestDays.includes(local.weekday)) continue;
    if (local.time < ws.digestTime) continue;
    if (ws.lastRoundDate !== null && ws.lastRoundDate >= local.date) continue;
    // A workspace that appeared after today's digest time missed nothing: it starts on the
    // next digest day (a first digest the minute someone types a first command would be a
    // surprise, not a catch-up). A creation time ahead of the clock is ignored.
    if (ws.createdAt.getTime() <= now.getTime()) {
      const created = localParts(ws.createdAt, zone);
      if (created.date === local.date && created.time > ws.digestTime) continue;
    }
    due.push({ workspaceId: ws.workspaceId, localDate: local.date });
  }
  return due;
}
