import { addDays, isValidTimeZone, localParts } from "../domain/dates.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";

/** `9:00`, `09:00`, `9h`, `9h30`, `9am`, `5:30pm` → `HH:MM` (24-hour); undefined if not a time. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:(?::|h)(\d{2})?)?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase();
  // A bare number is a time only with am/pm or "h": "9" alone is ambiguous.
  if (m[2] === undefined && !half && !/h/i.test(text)) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** An IANA zone in its canonical spelling (`europe/paris` → `Europe/Paris`); undefined if unknown. */
export function parseTimeZone(text: string): string | undefined {
  const zone = text.trim();
  if (zone === "" || !isValidTimeZone(zone)) return undefined;
  return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
}

const dayWords: Record<string, number> = {};
const names: [number, string[]][] = [
  [1, ["mon", "monday", "lun", "lundi"]],
  [2, ["tue", "tues", "tuesday", "mar", "mardi"]],
  [3, ["wed", "wednesday", "mer", "mercredi"]],
  [4, ["thu", "thur", "thurs", "thursday", "jeu", "jeudi"]],
  [5, ["fri", "friday", "ven", "vendredi"]],
  [6, ["sat", "saturday", "sam", "samedi"]],
  [7, ["sun", "sunday", "dim", "dimanche"]],
];
for (const [day, words] of names) for (const w of words) dayWords[w] = day;

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

function dayOf(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, "");
  // Own words only: "__proto__" or "constructor" typed as a day is not a day.
  return Object.hasOwn(dayWords, key) ? dayWords[key] : undefined;
}

/**
 * Working days as ISO weekdays (1 = Monday), from `mon-fri`, `mon,wed,fri`, `fri-mon` (a range
 * wraps round the week), `daily`, in English or French (`lun-ven`). Undefined if not days.
 */
export function parseDays(text: string): number[] | undefined {
  const value = text.trim().toLowerCase();
  if (["daily", "every day", "everyday", "all", "tous les jours"].includes(value)) return ALL_DAYS;
  if (["weekdays", "semaine"].includes(value)) return [1, 2, 3, 4, 5];
  const items = value.split(/[\s,;]+/).filter(Boolean);
  if (items.length === 0) return undefined;
  const days = new Set<number>();
  for (const item of items) {
    const range = item.split(/[-–]/);
    if (range.length === 1) {
      const day = dayOf(item);
      if (day === undefined) return undefined;
      days.add(day);
    } else if (range.length === 2) {
      const from = dayOf(range[0] ?? "");
      const to = dayOf(range[1] ?? "");
      if (from === undefined || to === undefined) return undefined;
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
    } else {
      return undefined;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** "Monday to Friday", "every day", "on Monday, Wednesday and Friday", in the catalog's language. */
export function describeDays(days: readonly number[], t: Catalog, fmt: Formatter): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return t.digest.days.everyDay;
  const name = (d: number) => t.digest.days.names[d - 1] ?? String(d);
  const first = sorted[0];
  const last = sorted.at(-1);
  const contiguous = first !== undefined && last !== undefined && last - first + 1 === sorted.length;
  if (contiguous && sorted.length >= 3) return t.digest.days.range({ from: name(first), to: name(last) });
  return t.digest.days.on({ days: fmt.list(sorted.map(name)) });
}

/** ISO weekday of a `YYYY-MM-DD` day. */
function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * When the next digest goes out: `now` when one is due and not yet sent today (the next tick
 * posts it), else the next chosen day at the digest time. Undefined when no day is chosen.
 */
export function nextDigest(
  settings: { timezone: string; digestTime: string; digestDays: readonly number[] },
  now: Date,
  ranToday: boolean,
): { date: string; time: string; now: boolean } | undefined {
  const local = localParts(now, isValidTimeZone(settings.timezone) ? settings.timezone : "UTC");
  for (let ahead = 0; ahead <= 7; ahead++) {
    const date = addDays(local.date, ahead);
    if (!settings.digestDays.includes(weekdayOf(date))) continue;
    if (ahead === 0 && ranToday) continue;
    return { date, time: settings.digestTime, now: ahead === 0 && local.time >= settings.digestTime };
  }
  return undefined;
}

/**
 * A channel as typed: `#billing`, `billing`, or a platform mention (`<#C123|billing>` from
 * Slack, `<#123>` from Discord). Returns the id to post to and the name to show.
 */
export function parseChannel(text: string): { id: string; name: string } | undefined {
  const value = text.trim();
  const mention = /^<#([A-Za-z0-9]+)(?:\|([^>]*))?>$/.exec(value);
  if (mention?.[1]) return { id: mention[1], name: mention[2] || mention[1] };
  const plain = /^#?([\p{L}\p{N}_-]{1,80})$/u.exec(value);
  if (plain?.[1]) return { id: plain[1], name: plain[1] };
  return undefined;
}
