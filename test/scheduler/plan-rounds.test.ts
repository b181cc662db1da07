import { describe, expect, it } from "vitest";
import { localParts } from "../../src/domain/dates.ts";
import { planRounds, type ScheduleSettings } from "../../src/scheduler/plan-rounds.ts";

const MON_FRI = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function ws(over: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return {
    workspaceId: 1,
    timezone: "Europe/Paris",
    digestTime: "09:00",
    digestDays: MON_FRI,
    digestChannel: "general",
    createdAt: new Date("2020-01-01T00:00:00Z"),
    lastRoundDate: null,
    ...over,
  };
}

const dueAt = (settings: ScheduleSettings, at: string) => planRounds([settings], new Date(at));

describe("the daily round planner", () => {
  it("keeps a 09:00 Paris digest at 09:00 local on both sides of the March change", () => {
    // Friday 26 March 2027 is winter time (UTC+1); Monday 29 March is summer time (UTC+2).
    expect(dueAt(ws(), "2027-03-26T07:59:00Z")).toEqual([]);
    expect(dueAt(ws(), "2027-03-26T08:00:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-03-26" }]);
    expect(dueAt(ws({ lastRoundDate: "2027-03-26" }), "2027-03-29T06:59:00Z")).toEqual([]);
    expect(dueAt(ws({ lastRoundDate: "2027-03-26" }), "2027-03-29T07:00:00Z")).toEqual([
      { workspaceId: 1, localDate: "2027-03-29" },
    ]);
  });

  it("keeps a 09:00 Paris digest at 09:00 local on both sides of the October change", () => {
    expect(dueAt(ws(), "2027-10-29T06:59:00Z")).toEqual([]);
    expect(dueAt(ws(), "2027-10-29T07:00:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-10-29" }]);
    expect(dueAt(ws({ lastRoundDate: "2027-10-29" }), "2027-11-01T07:59:00Z")).toEqual([]);
    expect(dueAt(ws({ lastRoundDate: "2027-10-29" }), "2027-11-01T08:00:00Z")).toEqual([
      { workspaceId: 1, localDate: "2027-11-01" },
    ]);
  });

  it("keeps a 09:00 New York digest at 09:00 local across the US change, two weeks before Europe's", () => {
    const ny = ws({ timezone: "America/New_York" });
    expect(dueAt(ny, "2027-03-12T13:59:00Z")).toEqual([]);
    expect(dueAt(ny, "2027-03-12T14:00:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-03-12" }]);
    expect(dueAt({ ...ny, lastRoundDate: "2027-03-12" }, "2027-03-15T12:59:00Z")).toEqual([]);
    expect(dueAt({ ...ny, lastRoundDate: "2027-03-12" }, "2027-03-15T13:00:00Z")).toEqual([
      { workspaceId: 1, localDate: "2027-03-15" },
    ]);
  });

  it("still fires on the spring-forward night when the digest time does not exist", () => {
    // 28 March 2027 in Paris: 01:59 is followed by 03:00; 02:30 never happens.
    const night = ws({ digestTime: "02:30", digestDays: EVERY_DAY, lastRoundDate: "2027-03-27" });
    expect(dueAt(night, "2027-03-28T00:59:00Z")).toEqual([]);
    expect(dueAt(night, "2027-03-28T01:00:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-03-28" }]);
  });

  it("fires once on the autumn night when the digest time happens twice", () => {
    // 31 October 2027 in Paris: 02:30 happens at 00:30Z (summer time) and again at 01:30Z.
    const night = ws({ digestTime: "02:30", digestDays: EVERY_DAY, lastRoundDate: "2027-10-30" });
    expect(dueAt(night, "2027-10-31T00:30:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-10-31" }]);
    expect(dueAt({ ...night, lastRoundDate: "2027-10-31" }, "2027-10-31T01:30:00Z")).toEqual([]);
  });

  it("posts only on the chosen days", () => {
    // Saturday 27 and Sunday 28 November 2027; Tuesday 30.
    expect(dueAt(ws(), "2027-11-27T12:00:00Z")).toEqual([]);
    expect(dueAt(ws(), "2027-11-28T12:00:00Z")).toEqual([]);
    expect(dueAt(ws({ digestDays: [1, 3, 5] }), "2027-11-30T12:00:00Z")).toEqual([]);
    expect(dueAt(ws({ digestDays: [1, 3, 5] }), "2027-12-01T12:00:00Z")).toHaveLength(1);
    expect(dueAt(ws({ digestDays: [6] }), "2027-11-27T12:00:00Z")).toHaveLength(1);
  });

  it("catches up a missed digest later the same day, but never the day after", () => {
    const yesterday = ws({ lastRoundDate: "2027-11-29" });
    expect(dueAt(yesterday, "2027-11-30T16:00:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-11-30" }]);
    // Down all of Tuesday: Wednesday 00:30 local is before Wednesday's digest time, and
    // Tuesday's digest is not sent late.
    expect(dueAt(yesterday, "2027-11-30T23:30:00Z")).toEqual([]);
    expect(dueAt(ws({ lastRoundDate: "2027-11-30" }), "2027-11-30T22:59:00Z")).toEqual([]);
  });

  it("uses each workspace's own zone and date", () => {
    const paris = ws({ workspaceId: 1 });
    const newYork = ws({ workspaceId: 2, timezone: "America/New_York" });
    const tokyo = ws({ workspaceId: 3, timezone: "Asia/Tokyo" });
    // Monday 29 November 2027, 10:00 in Paris, 04:00 in New York, 18:00 in Tokyo.
    expect(planRounds([paris, newYork, tokyo], new Date("2027-11-29T09:00:00Z"))).toEqual([
      { workspaceId: 1, localDate: "2027-11-29" },
      { workspaceId: 3, localDate: "2027-11-29" },
    ]);
    // Friday 3 December 2027, 00:30 UTC: already Friday in Tokyo, still Thursday evening in New York.
    expect(
      planRounds(
        [
          { ...newYork, lastRoundDate: "2027-12-01" },
          { ...tokyo, lastRoundDate: "2027-12-02" },
        ],
        new Date("2027-12-03T00:30:00Z"),
      ),
    ).toEqual([
      { workspaceId: 2, localDate: "2027-12-02" },
      { workspaceId: 3, localDate: "2027-12-03" },
    ]);
  });

  it("plans nothing without a channel, and nothing today for a workspace created after the digest time", () => {
    expect(dueAt(ws({ digestChannel: null }), "2027-11-30T12:00:00Z")).toEqual([]);
    const late = ws({ createdAt: new Date("2027-11-30T10:30:00Z") });
    expect(dueAt(late, "2027-11-30T12:00:00Z")).toEqual([]);
    expect(dueAt(late, "2027-12-01T08:00:00Z")).toEqual([{ workspaceId: 1, localDate: "2027-12-01" }]);
    const early = ws({ createdAt: new Date("2027-11-30T06:00:00Z") });
    expect(dueAt(early, "2027-11-30T12:00:00Z")).toHaveLength(1);
  });

  it.each(["Europe/Paris", "America/New_York", "Australia/Sydney"])(
    "over a year of ticks in %s, runs exactly one round per working day, within a tick of 09:00 local",
    (zone) => {
      let settings = ws({ timezone: zone, lastRoundDate: "2027-01-01" });
      const rounds: string[] = [];
      const start = Date.parse("2027-01-01T00:00:00Z");
      const end = Date.parse("2028-01-01T00:00:00Z");
      for (let at = start; at < end; at += 30 * 60_000) {
        for (const due of planRounds([settings], new Date(at))) {
          const local = localParts(new Date(at), zone);
          expect(local.date).toBe(due.localDate);
          expect(local.time >= "09:00" && local.time < "09:30").toBe(true);
          rounds.push(due.localDate);
          settings = { ...settings, lastRoundDate: due.localDate };
        }
      }
      expect(new Set(rounds).size).toBe(rounds.length);
      const workingDays = countWorkingDays(rounds[0] ?? "", rounds.at(-1) ?? "");
      expect(rounds).toHaveLength(workingDays);
    },
  );
});

function countWorkingDays(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) n++;
  }
  return n;
}
