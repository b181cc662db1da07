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
      second: "2-digit",
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
  const ms = instant.getTime();
  const offset = Number.isFinite(ms) ? offsetAt(ms, timeZone) : undefined;
  if (offset === undefined) return formattedParts(instant, timeZone);
  const local = new Date(ms + offset);
  // Years past 9999 are written "+010000-…" by toISOString: Intl writes them as it always did.
  if (local.getUTCFullYear() > 9999) return formattedParts(instant, timeZone);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: local.getUTCDay() || 7 };
}

function formattedParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: weekdays[parts.weekday ?? ""] ?? 1,
  };
}

/**
 * Formatting a date is costly (a tick reads the day of 100,000 incidents), so a zone's offset
 * from UTC is read once per quarter of an hour and reused inside it. Today's offsets change on
 * quarter-hour boundaries; a quarter in which the offset is not the same at its first and last
 * second (old local mean times did that) is formatted instant by instant.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number | undefined>>();

function offsetAt(ms: number, timeZone: string): number | undefined {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  if (zone.has(bucket)) return zone.get(bucket);
  if (zone.size > 50_000) zone.clear();
  const start = bucket * QUARTER_HOUR_MS;
  const first = offsetOf(start, timeZone);
  const last = offsetOf(start + QUARTER_HOUR_MS - 1000, timeZone);
  const offset = first !== undefined && first === last ? first : undefined;
  zone.set(bucket, offset);
  return offset;
}

/** The offset at a whole second, read from the formatted parts; undefined when they don't read. */
function offsetOf(ms: number, timeZone: string): number | undefined {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const [y, mo, d, h, mi, sec] = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(
    Number,
  );
  // Years before 1000 or BC are formatted in ways this does not read: the slow path answers them.
  if (y === undefined || !(y >= 1000) || ![mo, d, h, mi, sec].every(Number.isInteger)) return undefined;
  return Date.UTC(y, (mo ?? 1) - 1, d, h, mi, sec) - ms;
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
