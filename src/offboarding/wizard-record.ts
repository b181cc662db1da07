import type { OffboardingRow } from "../../db/queries/offboardings.ts";
import type { SentChannel } from "../domain/sent-channels.ts";
import type { StepRecord, WizardEvent, WizardState, WizardStatus } from "../domain/wizard/wizard-state.ts";
import { wizardStatuses } from "../domain/wizard/wizard-state.ts";
import { STEP_COUNT } from "../domain/wizard/wizard-steps.ts";
import type { Locale } from "../messages/locale.ts";

/** The incident kinds a letter can give as reasons (flags and notes stay internal). */
export const reasonKinds = ["late", "conduct", "advice", "scope", "ethics"] as const;
export type ReasonKind = (typeof reasonKinds)[number];

export interface LetterRecord {
  text: string;
  /** The drafted text accepted as is, or the owner's own. */
  source: "draft" | "own";
  language: Locale;
  at: string;
  /** When and how the owner says it went to the client ("I sent it"), and when that was said. */
  sent?: { on: string; channel: SentChannel; at: string };
}

/** What the owner recorded along the way (the `texts` column). */
export interface WizardTexts {
  conversation?: { on: string; notes: string; at: string };
  reasons?: ReasonKind[];
  why?: LetterRecord;
  next?: LetterRecord;
  accounts?: { decision: "chase" | "write-off" | "nothing-owed"; at: string; summary: string };
  teamNote?: { posted: boolean; text: string; channelId?: string; at: string };
  lessons?: { lines: string[]; at: string };
}

/** A wizard as the use cases see it: the row, its state for the machine, and its texts. */
export interface Wizard {
  row: OffboardingRow;
  state: WizardState;
  texts: WizardTexts;
}

export function wizardOf(row: OffboardingRow): Wizard {
  const steps = row.steps as { records?: StepRecord[]; history?: WizardEvent[] };
  const records = Array.from({ length: STEP_COUNT }, (_, i) => steps.records?.[i] ?? { status: "pending" as const });
  const status = (wizardStatuses as readonly string[]).includes(row.state)
    ? (row.state as WizardStatus)
    : "in_progress";
  return {
    row,
    state: {
      status,
      current: row.currentStep,
      steps: records,
      remindOn: row.remindOn,
      history: steps.history ?? [],
    },
    texts: row.texts as WizardTexts,
  };
}

/** The columns that hold a state. */
export function stateColumns(state: WizardState) {
  return {
    state: state.status,
    currentStep: state.current,
    remindOn: state.remindOn,
    steps: { records: state.steps, history: state.history } as Record<string, unknown>,
  };
}

export function textsColumn(texts: WizardTexts): Record<string, unknown> {
  return texts as Record<string, unknown>;
}
