import { addDays, daysBetween } from "./dates.ts";

/**
 * Reminder stages (PLAYBOOK.md §2). A client's stage list gives days after the due date, in
 * order: first reminder, second reminder (with interest), final notice, suspension notice.
 * Shorter lists keep the first reminder and the final notice: [1] is a first reminder only,
 * [1, 30] a first reminder and a final notice. The suspension notice (the 4th) applies only
 * to clients the agency hosts.
 */
export const stageKinds = ["first", "second", "final", "suspension"] as const;
export type StageKind = (typeof stageKinds)[number];

export interface Stage {
  /** 1-based position in the client's list; what `invoices.reminded_stage` records. */
  number: number;
  kind: StageKind;
  /** Days after the due date. */
  day: number;
}

const kindsByLength: Record<number, readonly StageKind[]> = {
  1: ["first"],
  2: ["first", "final"],
  3: ["first", "second", "final"],
  4: ["first", "second", "final", "suspension"],
};

/** The stages that apply to a client: its list, without the suspension notice unless hosted. */
export function stagesFor(days: readonly number[], hosted: boolean): Stage[] {
  const kinds = kindsByLength[Math.min(days.length, 4)] ?? [];
  return kinds
    .map((kind, i) => ({ number: i + 1, kind, day: days[i] ?? 0 }))
    .filter((s) => s.kind !== "suspension" || hosted);
}

export interface StageInput {
  dueOn: string;
  /** Today in the workspace's time zone. */
  today: string;
  stages: readonly number[];
  hosted: boolean;
  /** Highest stage a person recorded as sent (0 = none). */
  remindedStage: number;
  /** False once the principal is paid (or the invoice void): no more reminders. */
  open: boolean;
  /** In dispute now: reminders wait. */
  disputed: boolean;
  /** Days spent in dispute so far: the stage clock stops while a dispute runs. */
  pausedDays?: number;
  /** Snoozed from the digest until this day (exclusive). */
  snoozedUntil?: string | null;
}

export interface StagePlan {
  /** Calendar days since the due date (0 when not yet due). */
  daysLate: number;
  /** Days late that count for stages (dispute days excluded). */
  stageDays: number;
  /** The highest stage reached, sent or not. */
  reached: Stage | null;
  /**
   * The stage to send now: the highest reached, if nobody recorded it (or a later one) as
   * sent. After a gap this is only the highest, never several at once.
   */
  due: Stage | null;
  /** The next stage after what is reached or sent, and the day it falls due. */
  next: { stage: Stage; on: string } | null;
}

/** Which reminder stage is due for an invoice on a day, and what comes next. Pure. */
export function planStages(input: StageInput): StagePlan {
  const stages = stagesFor(input.stages, input.hosted);
  const daysLate = Math.max(0, daysBetween(input.dueOn, input.today));
  const paused = input.pausedDays ?? 0;
  const stageDays = Math.max(0, daysLate - paused);
  const reached = stages.filter((s) => s.day <= stageDays).at(-1) ?? null;
  const waiting = !input.open || input.disputed || Boolean(input.snoozedUntil && input.today < input.snoozedUntil);
  const due = reached && !waiting && reached.number > input.remindedStage ? reached : null;
  const after = Math.max(reached?.number ?? 0, input.remindedStage);
  const nextStage = input.open ? stages.find((s) => s.number > after) : undefined;
  const next =
    nextStage && !input.disputed ? { stage: nextStage, on: addDays(input.dueOn, nextStage.day + paused) } : null;
  return { daysLate, stageDays, reached, due, next };
}
