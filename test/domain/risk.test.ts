import { describe, expect, it } from "vitest";
import { assessRisk } from "../../src/domain/risk.ts";
import { count, facts, late, unpaid } from "./client-facts.ts";

const level = (over: Parameters<typeof facts>[0]) => assessRisk(facts(over)).level;
const ids = (over: Parameters<typeof facts>[0]) => assessRisk(facts(over)).headline.map((r) => r.id);

describe("client risk", () => {
  it("is ok with nothing on record, and says why", () => {
    expect(assessRisk(facts())).toEqual({
      level: "ok",
      headline: [{ level: "ok", id: "none" }],
      reasons: [{ level: "ok", id: "none" }],
    });
  });

  it("watches one late payment in 12 months, ignores older ones, and needs a pattern over time to say at risk", () => {
    expect(level({ latePayments: [late("2026-03-01")] })).toBe("watch");
    expect(level({ latePayments: [late("2025-11-29")] })).toBe("ok");
    // Two, or three within a few weeks, are repeated lateness, not a pattern.
    expect(ids({ latePayments: [late("2026-02-01"), late("2026-05-01")] })).toEqual(["lateRepeat"]);
    expect(level({ latePayments: [late("2026-02-01"), late("2026-02-10"), late("2026-02-20")] })).toBe("watch");
    const pattern = [
      late("2026-02-01", { days: 10 }),
      late("2026-05-01", { days: 20 }),
      late("2026-08-01", { days: 30 }),
    ];
    expect(assessRisk(facts({ latePayments: pattern })).headline).toEqual([
      { level: "at-risk", id: "latePattern", count: 3, since: "2026-02-01", last: "2026-08-01", averageDays: 20 },
    ]);
    const five = ["2026-01-01", "2026-03-01", "2026-05-01", "2026-07-01", "2026-09-01"].map((on) => late(on));
    expect(level({ latePayments: five })).toBe("consider-ending");
  });

  it("reads an unpaid invoice by the reminders' calendar: past the final stage at risk, long past it consider ending", () => {
    expect([5, 29, 30, 59, 60, 471].map((days) => level({ unpaid: [unpaid("INV-1", days)] }))).toEqual([
      "watch",
      "watch",
      "at-risk",
      "at-risk",
      "consider-ending",
      "consider-ending",
    ]);
  });

  it("does not name the same unpaid invoice twice", () => {
    const r = assessRisk(
      facts({ unpaid: [unpaid("INV-7", 5)], latePayments: [late("2026-11-24", { invoice: "INV-7", unpaid: true })] }),
    );
    expect(r.reasons.map((x) => x.id)).toEqual(["overdue"]);
  });

  it("names a hosted client's unpaid invoice past the final notice only once the notice is recorded as sent", () => {
    expect(ids({ hosted: true, unpaid: [unpaid("INV-9", 43)] })).toEqual(["overdue"]);
    expect(ids({ hosted: true, unpaid: [unpaid("INV-9", 43, [{ kind: "final", on: "2026-11-12" }])] })).toEqual([
      "overdue",
      "hostedUnpaid",
    ]);
  });

  it("says a trend only with at least 3 late payments in each period", () => {
    const before = ["2026-01-05", "2026-02-05", "2026-03-05"].map((on, i) => late(on, { days: 50 + 4 * i }));
    const lately = ["2026-07-05", "2026-08-05", "2026-09-05"].map((on, i) => late(on, { days: 60 + 8 * i }));
    expect(assessRisk(facts({ latePayments: [...before, ...lately] })).reasons).toContainEqual({
      level: "at-risk",
      id: "worsening",
      before: 54,
      after: 68,
    });
    const fewer = assessRisk(facts({ latePayments: [...before, ...lately.slice(1)] })).reasons.map((r) => r.id);
    expect(fewer).not.toContain("worsening");
  });

  it("weighs incidents by kind over the last 90 days", () => {
    expect(level({ counts: [count("conduct", 1)] })).toBe("watch");
    expect(level({ counts: [count("conduct", 2)] })).toBe("at-risk");
    expect(level({ counts: [count("conduct", 3)] })).toBe("consider-ending");
    expect(level({ counts: [count("conduct", 0, 5)] })).toBe("ok");
    expect(level({ counts: [count("ethics", 2)] })).toBe("at-risk");
    expect(level({ counts: [count("scope", 2), count("note", 3)] })).toBe("ok");
    expect(ids({ counts: [count("scope", 2), count("advice", 2), count("flag", 1)] })).toEqual(["many"]);
  });

  it("heads the level with the one or two facts that set it; the rest are details", () => {
    const r = assessRisk(
      facts({
        unpaid: [unpaid("INV-9", 43), unpaid("INV-8", 35)],
        latePayments: [late("2026-03-01"), late("2026-06-01"), late("2026-10-17")],
        counts: [count("conduct", 1)],
      }),
    );
    expect(r.level).toBe("at-risk");
    expect(r.headline.map((x) => [x.id, "number" in x ? x.number : ""])).toEqual([
      ["overdue", "INV-9"],
      ["overdue", "INV-8"],
    ]);
    expect(r.reasons.map((x) => x.id)).toEqual(["overdue", "overdue", "latePattern", "conduct"]);
  });
});
