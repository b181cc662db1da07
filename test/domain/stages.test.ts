import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.ts";
import { planStages, type StageInput, stagesFor } from "../../src/domain/stages.ts";

const base: StageInput = {
  dueOn: "2026-01-15",
  today: "2026-01-15",
  stages: [1, 15, 30, 45],
  hosted: false,
  remindedStage: 0,
  open: true,
  disputed: false,
};

const plan = (daysLate: number, over: Partial<StageInput> = {}) =>
  planStages({ ...base, today: addDays(base.dueOn, daysLate), ...over });

describe("reminder stages", () => {
  it("names the default stages; the suspension notice only for hosted clients", () => {
    expect(stagesFor([1, 15, 30, 45], false).map((s) => s.kind)).toEqual(["first", "second", "final"]);
    expect(stagesFor([1, 15, 30, 45], true).map((s) => s.kind)).toEqual(["first", "second", "final", "suspension"]);
    expect(stagesFor([1, 30], true).map((s) => s.kind)).toEqual(["first", "final"]);
  });

  it("is quiet before the first stage and says when it comes", () => {
    const p = plan(0);
    expect(p.due).toBeNull();
    expect(p.next).toEqual({ stage: { number: 1, kind: "first", day: 1 }, on: "2026-01-16" });
  });

  it("is due on the stage's day, then waits for the next once recorded as sent", () => {
    expect(plan(1).due?.kind).toBe("first");
    const sent = plan(3, { remindedStage: 1 });
    expect(sent.due).toBeNull();
    expect(sent.reached?.kind).toBe("first");
    expect(sent.next).toEqual({ stage: { number: 2, kind: "second", day: 15 }, on: "2026-01-30" });
  });

  it("after a gap, only the highest due stage, never several at once", () => {
    const p = plan(40);
    expect(p.due).toEqual({ number: 3, kind: "final", day: 30 });
    expect(p.next).toBeNull();
    expect(plan(50, { hosted: true }).due?.kind).toBe("suspension");
  });

  it("stops for a paid invoice, waits during a dispute or a snooze", () => {
    expect(plan(20, { open: false })).toMatchObject({ due: null, next: null });
    expect(plan(20, { disputed: true })).toMatchObject({ due: null, next: null });
    expect(plan(20, { snoozedUntil: addDays(base.dueOn, 23) }).due).toBeNull();
    expect(plan(23, { snoozedUntil: addDays(base.dueOn, 23) }).due?.kind).toBe("second");
  });

  it("does not count days in dispute towards the next stage", () => {
    const p = plan(20, { pausedDays: 10 });
    expect(p.stageDays).toBe(10);
    expect(p.due?.kind).toBe("first");
    expect(p.next?.on).toBe(addDays(base.dueOn, 25));
  });

  it("property: the due stage is the highest reached and never one already sent", () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 4 })
          .map((a) => a.sort((x, y) => x - y)),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (stages, late, reminded, hosted) => {
          const p = plan(late, { stages, remindedStage: reminded, hosted });
          const reached = stagesFor(stages, hosted).filter((s) => s.day <= late);
          if (p.due) {
            expect(p.due).toEqual(reached.at(-1));
            expect(p.due.number).toBeGreaterThan(reminded);
          } else {
            expect((reached.at(-1)?.number ?? 0) <= reminded).toBe(true);
          }
          if (p.next) expect(p.next.stage.number).toBeGreaterThan(Math.max(reminded, p.reached?.number ?? 0));
        },
      ),
    );
  });
});
