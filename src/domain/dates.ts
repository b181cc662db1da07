/** Calendar-day helpers. A day is an ISO `YYYY-MM-DD` string, computed in a time zone. */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  date: string;
  /** `HH:MM`, 24-hour */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: weekdays[parts.weekday ?? ""] ?? 1,
  };
}

/** The calendar day of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

const zoneValidity = new Map<string, boolean>();

/** Whether the runtime knows an IANA zone. Memoised: a tick asks once per due workspace. */
export function isValidTimeZone(timeZone: string): boolean {
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    valid = false;
  }
  // Bounded: zones are a few hundred names, but anyone can type a wrong one.
  if (zoneValidity.size >= 1_000) zoneValidity.clear();
  zoneValidity.set(timeZone, valid);
  return valid;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The first instant of a local day in a time zone (midnight, or the first minute after a
 * DST gap): where a window of local days starts, as an instant a query can compare with.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const target = Date.parse(`${day}T00:00:00Z`);
  let at = target;
  // The zone's offset at the guess moves the guess; two corrections settle it (DST included).
  for (let i = 0; i < 3; i += 1) {
    const p = localParts(new Date(at), timeZone);
    const shift = Date.parse(`${p.date}T${p.time}:00Z`) - target;
    if (shift === 0) break;
    at -= shift;
  }
  // Inside a DST gap the guess may land on the day before: step to the day's first minute.
  while (localDate(new Date(at), timeZone) < day) at += 60_000;
  while (localDate(new Date(at - 60_000), timeZone) === day) at -= 60_000;
  return new Date(at);
}
