import { addDays } from "./dates.ts";

/**
 * The windows every figure is counted in, each named where it is shown ("in the last 90
 * days", "in the last 12 months"). A window of N days is today and the N − 1 days before it,
 * as local days of the workspace.
 */
export const RECENT_DAYS = 90;
export const YEAR_DAYS = 365;
/** Lateness "lately" (trend): the last 180 days, against the 185 days before them. */
export const TREND_DAYS = 180;

const starts = new Map<string, string>();

/** The first day of the window of `days` days that ends today (asked per client and per fact: remembered). */
export function windowStart(today: string, days: number): string {
  const key = `${today}|${days}`;
  let start = starts.get(key);
  if (start === undefined) {
    if (starts.size > 1000) starts.clear();
    start = addDays(today, 1 - days);
    starts.set(key, start);
  }
  return start;
}

/** Whether a day falls in the window of `days` days that ends today. */
export function inWindow(day: string, today: string, days: number): boolean {
  return day >= windowStart(today, days) && day <= today;
}
