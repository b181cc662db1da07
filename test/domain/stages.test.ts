import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../src/domain/dates.ts";
import { planStages, type SentStage, type StageInput, stagesFor } from "../../src/domain/stages.ts";

const base: StageInput = {
  dueOn: "2026-01-15",
  today: "2026-01-15",
  stages: [1, 15, 30, 45],
  hosted: false,
  sent: [],
  open: true,
  disputed: false,
};

const day = (daysLate: number) => addDays(base.dueOn, daysLate);
const plan = (daysLate: number, over: Partial<StageInput> = {}) =>
  planStages({ ...base, today: day(daysLate), ...over });
const sent = (kind: SentStage["kind"], daysLate: number): SentStage => ({ kind, sentOn: day(daysLate) });

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
    const p = plan(3, { sent: [sent("first", 1)] });
    expect(p.due).toBeNull();
    expect(p.last).toEqual({ kind: "first", sentOn: day(1) });
    expect(p.next).toEqual({ stage: { number: 2, kind: "second", day: 15 }, on: day(15) });
  });

  it("starts with the first reminder for an invoice found 50 days late, never a later stage", () => {
    const p = plan(50, { hosted: true });
    expect(p.due).toEqual({ number: 1, kind: "first", day: 1 });
    expect(p.next?.on).toBe(day(1));
  });

  it("after a late first reminder, waits the gap between the stages' days before the next", () => {
    // First sent on day 50: the second (day 15) comes 14 days later, not at once.
    const p = plan(55, { sent: [sent("first", 50)] });
    expect(p.due).toBeNull();
    expect(p.next).toEqual({ stage: { number: 2, kind: "second", day: 15 }, on: day(64) });
    expect(plan(64, { sent: [sent("first", 50)] }).due?.kind).toBe("second");
  });

  it("waits at least a week between two stages, however close their days", () => {
    const p = plan(40, { stages: [1, 3, 5], sent: [sent("first", 36)] });
    expect(p.next?.on).toBe(day(43));
    expect(p.due).toBeNull();
  });

  it("comes after the last stage sent, and stops after the last stage", () => {
    expect(plan(80, { sent: [sent("first", 2), sent("second", 16), sent("final", 31)] }).next).toBeNull();
    const hosted = plan(80, { hosted: true, sent: [sent("first", 2), sent("second", 16), sent("final", 31)] });
    expect(hosted.due?.kind).toBe("suspension");
  });

  it("stops for a paid invoice, waits during a dispute or a snooze", () => {
    expect(plan(20, { open: false })).toMatchObject({ due: null, next: null });
    expect(plan(20, { disputed: true })).toMatchObject({ due: null, next: null });
    const snoozed = plan(20, { sent: [sent("first", 1)], snoozedUntil: day(23) });
    expect(snoozed).toMatchObject({ due: null, ready: { kind: "second" } });
    expect(plan(23, { sent: [sent("first", 1)], snoozedUntil: day(23) }).due?.kind).toBe("second");
  });

  it("does not count days in dispute towards the next stage, nor towards the gap", () => {
    const p = plan(20, { sent: [sent("first", 1)], pauses: [{ from: day(5), to: day(15) }] });
    expect(p.stageDays).toBe(10);
    expect(p.due).toBeNull();
    expect(p.next?.on).toBe(day(25));
  });

  it("property: stages go in order, each its day and a gap after the one before", () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 4 })
          .map((a) => a.sort((x, y) => x - y)),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }),
        (stages, hosted, waits) => {
          // Someone sends each stage the day it is ready, after waiting a few more days.
          const list = stagesFor(stages, hosted);
          const done: SentStage[] = [];
          let today = base.dueOn;
          for (const wait of waits) {
            const p = planStages({ ...base, stages, hosted, sent: done, today });
            if (!p.next) break;
            const expected = list[done.length];
            expect(p.next.stage).toEqual(expected);
            const previous = done.at(-1);
            expect(daysBetween(base.dueOn, p.next.on)).toBeGreaterThanOrEqual(p.next.stage.day);
            if (previous) expect(daysBetween(previous.sentOn, p.next.on)).toBeGreaterThanOrEqual(7);
            today = addDays(p.next.on, wait);
            const ready = planStages({ ...base, stages, hosted, sent: done, today });
            expect(ready.due).toEqual(p.next.stage);
            done.push({ kind: p.next.stage.kind, sentOn: today });
          }
        },
      ),
    );
  });
});
