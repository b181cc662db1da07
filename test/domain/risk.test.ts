import { describe, expect, it } from "vitest";
import type { KindSummary } from "../../src/domain/advice.ts";
import { assessRisk, type RiskInput } from "../../src/domain/risk.ts";

const base: RiskInput = { today: "2026-06-30", incidents: [], lateEvents: [], overdue: [], hosted: false };
const kind = (k: KindSummary["kind"], recent: number, total = recent): KindSummary => ({
  kind: k,
  recent,
  total,
  first: new Date("2026-01-01"),
  firstRecent: null,
  last: new Date("2026-06-01"),
});

describe("client risk", () => {
  it("is ok with nothing on record, and says so", () => {
    expect(assessRisk(base)).toEqual({ level: "ok", reasons: [{ level: "ok", id: "none" }] });
  });

  it("watches one late payment in a year; sees a pattern in several; ignores older ones", () => {
    expect(assessRisk({ ...base, lateEvents: [{ on: "2026-03-01", days: 5 }] }).level).toBe("watch");
    expect(assessRisk({ ...base, lateEvents: [{ on: "2025-03-01", days: 50 }] }).level).toBe("ok");
    const two = assessRisk({
      ...base,
      lateEvents: [
        { on: "2026-02-01", days: 10 },
        { on: "2026-05-01", days: 20 },
      ],
    });
    expect(two.level).toBe("at-risk");
    expect(two.reasons[0]).toMatchObject({ id: "lateMany", count: 2, averageDays: 15, last: "2026-05-01" });
    const four = assessRisk({
      ...base,
      lateEvents: ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"].map((on) => ({ on, days: null })),
    });
    expect(four.level).toBe("consider-ending");
  });

  it("raises with the days an invoice is overdue", () => {
    const overdue = (days: number) =>
      assessRisk({
        ...base,
        overdue: [{ number: "INV-1", days, amountMinor: 100, currency: "EUR", stageKind: "first" }],
      }).level;
    expect([overdue(5), overdue(31), overdue(61)]).toEqual(["watch", "at-risk", "consider-ending"]);
  });

  it("notices lateness getting worse", () => {
    const r = assessRisk({
      ...base,
      lateEvents: [
        { on: "2026-01-05", days: 2 },
        { on: "2026-02-05", days: 4 },
        { on: "2026-04-05", days: 25 },
      ],
    });
    expect(r.reasons).toContainEqual({ level: "at-risk", id: "worsening", before: 2, after: 15 });
  });

  it("weighs incidents by kind and recency", () => {
    expect(assessRisk({ ...base, incidents: [kind("conduct", 1)] }).level).toBe("watch");
    expect(assessRisk({ ...base, incidents: [kind("conduct", 2)] }).level).toBe("at-risk");
    expect(assessRisk({ ...base, incidents: [kind("conduct", 3)] }).level).toBe("consider-ending");
    expect(assessRisk({ ...base, incidents: [kind("conduct", 0, 5)] }).level).toBe("ok");
    expect(assessRisk({ ...base, incidents: [kind("ethics", 2)] }).level).toBe("at-risk");
    expect(assessRisk({ ...base, incidents: [kind("scope", 2), kind("note", 3)] }).level).toBe("ok");
    expect(
      assessRisk({ ...base, incidents: [kind("scope", 2), kind("advice", 2), kind("flag", 1)] }).reasons.map(
        (r) => r.id,
      ),
    ).toEqual(["many", "advice"]);
  });

  it("flags a hosted client unpaid past the final notice, highest level first", () => {
    const r = assessRisk({
      ...base,
      hosted: true,
      overdue: [{ number: "INV-1", days: 35, amountMinor: 100, currency: "EUR", stageKind: "final" }],
      incidents: [kind("conduct", 1)],
    });
    expect(r.reasons.map((x) => [x.level, x.id])).toEqual([
      ["at-risk", "overdue"],
      ["at-risk", "hostedUnpaid"],
      ["watch", "conduct"],
    ]);
  });
});
