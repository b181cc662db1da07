import { STEP_COUNT } from "./wizard-steps.ts";

export const wizardStatuses = ["in_progress", "paused", "done", "cancelled"] as const;
export type WizardStatus = (typeof wizardStatuses)[number];

export type StepStatus = "pending" | "done" | "skipped";

/** Where one step stands; `at` is the ISO instant of its last change. */
export interface StepRecord {
  status: StepStatus;
  at?: string;
  /** Why the owner skipped it. */
  reason?: string;
}

/** One thing that happened in the wizard, kept for the written record. */
export interface WizardEvent {
  at: string;
  step: number;
  type: "start" | "done" | "skip" | "back" | "pause" | "resume" | "cancel" | "finish";
  reason?: string;
  remindOn?: string;
}

/** The whole wizard: what the database keeps and the state machine moves. */
export interface WizardState {
  status: WizardStatus;
  /** 1 … 8 while open; stays on the last step once finished. */
  current: number;
  /** Index 0 is step 1. */
  steps: StepRecord[];
  /** Local day (YYYY-MM-DD) on which to remind a paused owner, if asked. */
  remindOn: string | null;
  history: WizardEvent[];
}

export function newWizard(at: Date): WizardState {
  return {
    status: "in_progress",
    current: 1,
    steps: Array.from({ length: STEP_COUNT }, () => ({ status: "pending" as const })),
    remindOn: null,
    history: [{ at: at.toISOString(), step: 1, type: "start" }],
  };
}

export function isOpen(state: Pick<WizardState, "status">): boolean {
  return state.status === "in_progress" || state.status === "paused";
}
