import { isIsoDate } from "../dates.ts";
import type { StepRecord, WizardEvent, WizardState } from "./wizard-state.ts";
import { STEP_COUNT } from "./wizard-steps.ts";

/** What the owner can do. Step-bound commands name the step their button belonged to. */
export type WizardCommand =
  | { type: "done"; step: number }
  | { type: "skip"; step: number; reason: string }
  | { type: "back"; step: number }
  /** `remindOn`: a local day after `today` on which to remind the owner. */
  | { type: "pause"; step: number; remindOn?: string; today: string }
  | { type: "resume" }
  | { type: "cancel" };

/** Why a command was not applied; the caller tells the owner and changes nothing. */
export type WizardRejection =
  /** The button belongs to another step than the current one (an old message, a double press). */
  | "stale"
  /** The wizard is finished or was cancelled. */
  | "finished"
  | "firstStep"
  | "reasonRequired"
  | "badRemindDate"
  | "notPaused";

export type WizardResult = { ok: true; state: WizardState; finished: boolean } | { ok: false; reason: WizardRejection };

export const SKIP_REASON_MAX = 500;

/**
 * The wizard's state machine, pure: done, skip (with a reason), back, pause (optionally with
 * a reminder day), resume, cancel. A step command on a paused wizard resumes it first: the
 * owner pressing a step's button has plainly come back. Returns a new state; never mutates.
 */
export function applyWizardCommand(state: WizardState, command: WizardCommand, at: Date): WizardResult {
  if (state.status === "done" || state.status === "cancelled") return { ok: false, reason: "finished" };
  const when = at.toISOString();
  const history: WizardEvent[] = [...state.history];
  const steps: StepRecord[] = state.steps.map((s) => ({ ...s }));
  let status = state.status;
  let remindOn = state.remindOn;

  if (command.type === "resume") {
    if (status !== "paused") return { ok: false, reason: "notPaused" };
    history.push({ at: when, step: state.current, type: "resume" });
    return done({ ...state, status: "in_progress", remindOn: null, history });
  }
  if (command.type === "cancel") {
    history.push({ at: when, step: state.current, type: "cancel" });
    return done({ ...state, status: "cancelled", remindOn: null, history });
  }

  if (command.step !== state.current) return { ok: false, reason: "stale" };
  if (command.type === "skip" && command.reason.trim() === "") return { ok: false, reason: "reasonRequired" };
  if (command.type === "back" && state.current <= 1) return { ok: false, reason: "firstStep" };
  if (
    command.type === "pause" &&
    command.remindOn !== undefined &&
    (!isIsoDate(command.remindOn) || command.remindOn <= command.today)
  ) {
    return { ok: false, reason: "badRemindDate" };
  }

  if (status === "paused" && command.type !== "pause") {
    history.push({ at: when, step: state.current, type: "resume" });
    status = "in_progress";
    remindOn = null;
  }

  const step = state.current;
  switch (command.type) {
    case "pause":
      history.push({
        at: when,
        step,
        type: "pause",
        ...(command.remindOn ? { remindOn: command.remindOn } : {}),
      });
      return done({ ...state, status: "paused", remindOn: command.remindOn ?? null, steps, history });
    case "back":
      steps[step - 2] = { status: "pending", at: when };
      history.push({ at: when, step, type: "back" });
      return done({ ...state, status, remindOn, current: step - 1, steps, history });
    case "done":
    case "skip": {
      const reason = command.type === "skip" ? command.reason.trim().slice(0, SKIP_REASON_MAX) : undefined;
      steps[step - 1] = {
        status: command.type === "done" ? "done" : "skipped",
        at: when,
        ...(reason ? { reason } : {}),
      };
      history.push({ at: when, step, type: command.type, ...(reason ? { reason } : {}) });
      if (step >= STEP_COUNT) {
        history.push({ at: when, step, type: "finish" });
        return { ok: true, finished: true, state: { ...state, status: "done", remindOn: null, steps, history } };
      }
      return done({ ...state, status, remindOn, current: step + 1, steps, history });
    }
  }
}

function done(state: WizardState): WizardResult {
  return { ok: true, state, finished: false };
}
