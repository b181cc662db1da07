import type { Pause } from "./charges/charge-types.ts";
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
  /** 1-based position in the client's list. */
  number: number;
  kind: StageKind;
  /** Days after the due date. */
  day: number;
}

/** A stage a person recorded as sent, and the day it went. */
export interface SentStage {
  kind: StageKind;
  sentOn: string;
}

/** The least time between two reminders, whatever the stages' days say. */
export const MIN_STAGE_GAP_DAYS = 7;

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
  /** The stages recorded as sent, in any order. */
  sent: readonly SentStage[];
  /** False once the principal is paid (or the invoice void): no more reminders. */
  open: boolean;
  /** In dispute now: reminders wait. */
  disputed: boolean;
  /** Closed dispute pauses `[from, to)`: the stage clock stops on those days. */
  pauses?: readonly Pause[];
  /** Snoozed from the digest until this day (exclusive). */
  snoozedUntil?: string | null;
}

export interface StagePlan {
  /** Calendar days since the due date (0 when not yet due). */
  daysLate: number;
  /** Days late that count for stages (dispute days excluded). */
  stageDays: number;
  /** The stages recorded as sent, in the order of the stages, with their days. */
  sent: SentStage[];
  /** The latest stage recorded as sent. */
  last: SentStage | null;
  /**
   * The next stage to send, the first after the last one sent, and the first day it may go:
   * its day after the due date has come and, since the previous stage was sent, at least the
   * gap between the two stages' days (never less than a week). Null once the invoice is
   * settled, in dispute, or every stage was sent.
   */
  next: { stage: Stage; on: string } | null;
  /** The next stage once its day has come: what a draft is for (a snooze aside). */
  ready: Stage | null;
  /** `ready`, unless snoozed from the digest: what an alert announces. */
  due: Stage | null;
}

/**
 * Which reminder stage comes next for an invoice on a day. Pure. Stages go in order and are
 * never skipped: an invoice found 50 days late gets its first reminder, then the next stage a
 * gap later, so a letter never refers to a reminder that was not sent.
 */
export function planStages(input: StageInput): StagePlan {
  const stages = stagesFor(input.stages, input.hosted);
  const daysLate = Math.max(0, daysBetween(input.dueOn, input.today));
  const pauses = input.pauses ?? [];
  const paused = pausedDays(pauses, addDays(input.dueOn, 1), input.today);
  const stageDays = Math.max(0, daysLate - paused);
  const sent = [...input.sent].sort((a, b) => rankOf(a.kind) - rankOf(b.kind) || a.sentOn.localeCompare(b.sentOn));
  const last = sent.at(-1) ?? null;
  const after = last ? rankOf(last.kind) : -1;
  const nextStage = input.open && !input.disputed ? stages.find((s) => rankOf(s.kind) > after) : undefined;
  let next: StagePlan["next"] = null;
  if (nextStage) {
    let on = addDays(input.dueOn, nextStage.day + paused);
    if (last) {
      // Days of the full list (hosted or not): the gap is between the stages' own days.
      const lastDay = stagesFor(input.stages, true).find((s) => s.kind === last.kind)?.day ?? 0;
      const gap = Math.max(MIN_STAGE_GAP_DAYS, nextStage.day - lastDay);
      const afterSent = addDays(last.sentOn, gap + pausedDays(pauses, last.sentOn, input.today));
      if (afterSent > on) on = afterSent;
    }
    next = { stage: nextStage, on };
  }
  const ready = next && next.on <= input.today ? next.stage : null;
  const snoozed = Boolean(input.snoozedUntil && input.today < input.snoozedUntil);
  return { daysLate, stageDays, sent, last, next, ready, due: snoozed ? null : ready };
}

function rankOf(kind: StageKind): number {
  return stageKinds.indexOf(kind);
}

/** Days of the pauses between `from` and `to` (both inclusive). */
function pausedDays(pauses: readonly Pause[], from: string, to: string): number {
  const stop = addDays(to, 1);
  let days = 0;
  for (const p of pauses) {
    // ISO days compare as text: the later start, the earlier end.
    const start = [p.from, from].sort()[1] ?? from;
    const end = [p.to, stop].sort()[0] ?? stop;
    if (start < end) days += daysBetween(start, end);
  }
  return days;
}
