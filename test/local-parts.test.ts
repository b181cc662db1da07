import { describe, expect, it } from "vitest";
import { localParts } from "../src/domain/dates.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What Intl says, field by field: the reference localParts must agree with. */
function reference(instant: Date, timeZone: string) {
  const parts: Record<string, string> = {};
  const f =
    formatters.get(timeZone) ??
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      weekday: "short",
    });
  formatters.set(timeZone, f);
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: weekdays[parts.weekday ?? ""],
  };
}

const zones = [
  "UTC",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/St_Johns",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Africa/Monrovia",
  "Europe/Amsterdam",
];

describe("local day, time and weekday of an instant", () => {
  it("agree with the time zone database across DST changes, odd offsets and old local mean times", () => {
    const instants: number[] = [];
    // Every 97 minutes 13 seconds through 2026 (both DST changes everywhere), and around old dates.
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 5_833_000) instants.push(ms);
    for (let ms = Date.UTC(1930, 0, 1); ms < Date.UTC(1930, 2, 1); ms += 3_599_000) instants.push(ms);
    for (let ms = Date.UTC(1971, 11, 1); ms < Date.UTC(1972, 1, 1); ms += 3_599_000) instants.push(ms);
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const ms of instants) {
        const at = new Date(ms);
        const got = localParts(at, zone);
        const want = reference(at, zone);
        if (got.date !== want.date || got.time !== want.time || got.weekday !== want.weekday) {
          wrong.push(`${zone} ${at.toISOString()}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("gives the day before midnight and the day after, where the offset changes at midnight", () => {
    // Paris: 31 Mar 2024 at 01:59:59 UTC is 03:59 local (summer time began at 02:00 local).
    expect(localParts(new Date("2024-03-31T00:59:59Z"), "Europe/Paris")).toEqual({
      date: "2024-03-31",
      time: "01:59",
      weekday: 7,
    });
    expect(localParts(new Date("2024-03-31T01:00:00Z"), "Europe/Paris")).toEqual({
      date: "2024-03-31",
      time: "03:00",
      weekday: 7,
    });
    expect(localParts(new Date("2026-11-29T23:30:00Z"), "Asia/Kathmandu").date).toBe("2026-11-30");
    // Past year 9999, as Intl writes it.
    const far = new Date("+010000-03-01T12:00:00Z");
    expect(localParts(far, "Europe/Paris")).toEqual(reference(far, "Europe/Paris"));
    // Liberia left its old offset (-0:44:30) at 00:44:30 UTC on 7 Jan 1972, inside a quarter-hour.
    expect(localParts(new Date("1972-01-07T00:44:29Z"), "Africa/Monrovia").time).toBe("23:59");
    expect(localParts(new Date("1972-01-07T00:44:30Z"), "Africa/Monrovia").time).toBe("00:44");
  });
});
