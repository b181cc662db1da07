import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyWizardCommand, type WizardCommand } from "../../src/domain/wizard/apply-wizard-command.ts";
import { isOpen, newWizard, type WizardState } from "../../src/domain/wizard/wizard-state.ts";
import { STEP_COUNT, stepKey } from "../../src/domain/wizard/wizard-steps.ts";

const t0 = new Date("2026-11-27T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function run(state: WizardState, ...commands: WizardCommand[]): WizardState {
  let s = state;
  commands.forEach((c, i) => {
    const r = applyWizardCommand(s, c, later(i + 1));
    if (!r.ok) throw new Error(`rejected ${c.type}: ${r.reason}`);
    s = r.state;
  });
  return s;
}

describe("the offboarding wizard's state machine", () => {
  it("starts at step 1 of 8, in progress, every step pending", () => {
    const s = newWizard(t0);
    expect(s.current).toBe(1);
    expect(s.status).toBe("in_progress");
    expect(s.steps.map((x) => x.status)).toEqual(Array(8).fill("pending"));
    expect(STEP_COUNT).toBe(8);
    expect(stepKey(1)).toBe("talk");
    expect(stepKey(8)).toBe("learn");
  });

  it("walks the eight steps with done and finishes after the last", () => {
    let s = newWizard(t0);
    for (let step = 1; step <= 7; step++) s = run(s, { type: "done", step });
    expect(s.current).toBe(8);
    const last = applyWizardCommand(s, { type: "done", step: 8 }, later(60));
    expect(last.ok && last.finished).toBe(true);
    if (!last.ok) return;
    expect(last.state.status).toBe("done");
    expect(last.state.steps.every((x) => x.status === "done")).toBe(true);
    expect(last.state.history.at(-1)?.type).toBe("finish");
  });

  it("skips a step only with a reason, and keeps the reason", () => {
    const s = newWizard(t0);
    expect(applyWizardCommand(s, { type: "skip", step: 1, reason: "  " }, t0)).toEqual({
      ok: false,
      reason: "reasonRequired",
    });
    const skipped = run(s, { type: "skip", step: 1, reason: "we talked last month already" });
    expect(skipped.current).toBe(2);
    expect(skipped.steps[0]).toMatchObject({ status: "skipped", reason: "we talked last month already" });
  });

  it("goes back one step and reopens it, but not before step 1", () => {
    const s = newWizard(t0);
    expect(applyWizardCommand(s, { type: "back", step: 1 }, t0)).toEqual({ ok: false, reason: "firstStep" });
    const back = run(s, { type: "done", step: 1 }, { type: "done", step: 2 }, { type: "back", step: 3 });
    expect(back.current).toBe(2);
    expect(back.steps[1]?.status).toBe("pending");
    expect(back.steps[0]?.status).toBe("done");
  });

  it("refuses a button from another step than the current one (old message, double press)", () => {
    const s = run(newWizard(t0), { type: "done", step: 1 });
    expect(applyWizardCommand(s, { type: "done", step: 1 }, t0)).toEqual({ ok: false, reason: "stale" });
    expect(applyWizardCommand(s, { type: "skip", step: 3, reason: "x" }, t0)).toEqual({ ok: false, reason: "stale" });
  });

  it("pauses with a reminder day after today, and resumes without it", () => {
    const s = newWizard(t0);
    expect(applyWizardCommand(s, { type: "pause", step: 1, remindOn: "2026-11-27", today: "2026-11-27" }, t0)).toEqual({
      ok: false,
      reason: "badRemindDate",
    });
    expect(applyWizardCommand(s, { type: "pause", step: 1, remindOn: "2026-02-30", today: "2026-01-01" }, t0)).toEqual({
      ok: false,
      reason: "badRemindDate",
    });
    const paused = run(s, { type: "pause", step: 1, remindOn: "2026-12-04", today: "2026-11-27" });
    expect(paused).toMatchObject({ status: "paused", remindOn: "2026-12-04", current: 1 });
    const resumed = run(paused, { type: "resume" });
    expect(resumed).toMatchObject({ status: "in_progress", remindOn: null, current: 1 });
    expect(applyWizardCommand(resumed, { type: "resume" }, t0)).toEqual({ ok: false, reason: "notPaused" });
  });

  it("resumes a paused wizard when one of its step buttons is pressed", () => {
    const paused = run(newWizard(t0), { type: "pause", step: 1, today: "2026-11-27" });
    const s = run(paused, { type: "done", step: 1 });
    expect(s).toMatchObject({ status: "in_progress", current: 2, remindOn: null });
    expect(s.history.map((e) => e.type)).toEqual(["start", "pause", "resume", "done"]);
  });

  it("refuses everything once finished or cancelled", () => {
    const cancelled = run(newWizard(t0), { type: "cancel" });
    expect(isOpen(cancelled)).toBe(false);
    for (const c of [{ type: "done", step: 1 }, { type: "resume" }, { type: "cancel" }] satisfies WizardCommand[]) {
      expect(applyWizardCommand(cancelled, c, t0)).toEqual({ ok: false, reason: "finished" });
    }
  });

  it("dates every event for the written record", () => {
    const s = run(newWizard(t0), { type: "done", step: 1 }, { type: "skip", step: 2, reason: "clear already" });
    expect(s.history).toEqual([
      { at: t0.toISOString(), step: 1, type: "start" },
      { at: later(1).toISOString(), step: 1, type: "done" },
      { at: later(2).toISOString(), step: 2, type: "skip", reason: "clear already" },
    ]);
    expect(s.steps[0]?.at).toBe(later(1).toISOString());
  });

  it("never leaves steps 1..8, never mutates its input, and only moves by one step", () => {
    const command = fc.oneof(
      fc.record({ type: fc.constant("done" as const), step: fc.integer({ min: 0, max: 9 }) }),
      fc.record({
        type: fc.constant("skip" as const),
        step: fc.integer({ min: 0, max: 9 }),
        reason: fc.string({ maxLength: 5 }),
      }),
      fc.record({ type: fc.constant("back" as const), step: fc.integer({ min: 0, max: 9 }) }),
      fc.record({
        type: fc.constant("pause" as const),
        step: fc.integer({ min: 0, max: 9 }),
        today: fc.constant("2026-11-27"),
      }),
      fc.constant({ type: "resume" as const }),
      fc.constant({ type: "cancel" as const }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let s = newWizard(t0);
        for (const c of commands) {
          const before = JSON.stringify(s);
          const r = applyWizardCommand(s, c, t0);
          expect(JSON.stringify(s)).toBe(before);
          if (!r.ok) continue;
          expect(Math.abs(r.state.current - s.current)).toBeLessThanOrEqual(1);
          s = r.state;
          expect(s.current).toBeGreaterThanOrEqual(1);
          expect(s.current).toBeLessThanOrEqual(8);
          expect(s.steps).toHaveLength(8);
          if (s.status !== "paused") expect(s.remindOn).toBeNull();
        }
      }),
    );
  });
});
