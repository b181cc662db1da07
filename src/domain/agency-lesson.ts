import { daysBetween } from "./dates.ts";

/**
 * The seed's lesson for the agency itself (PLAYBOOK.md §1 and §3, step 8; issue #14 §5): when
 * most clients turn down the agency's advice, the lesson is about how the agency persuades.
 * "Most" is at least 3 clients, and at least half of the active clients with incidents in the
 * last 180 days. Told in the digest at most once every 30 days.
 */
export const AGENCY_LESSON_DAYS = 180;
export const AGENCY_LESSON_MIN_CLIENTS = 3;
export const AGENCY_LESSON_EVERY_DAYS = 30;

export interface AgencyLesson {
  /** Active clients with ignored advice logged in the last 180 days. */
  ignoring: number;
  /** Active clients with incidents (late payments included) in the last 180 days. */
  active: number;
}

/** The lesson, when the facts call for it; null otherwise. */
export function agencyLesson(facts: AgencyLesson): AgencyLesson | null {
  const { ignoring, active } = facts;
  return ignoring >= AGENCY_LESSON_MIN_CLIENTS && ignoring * 2 >= active ? { ignoring, active } : null;
}

/** Whether it may be told today: never told, or told at least 30 days ago. */
export function agencyLessonDue(lastTold: string | null, today: string): boolean {
  return lastTold === null || daysBetween(lastTold, today) >= AGENCY_LESSON_EVERY_DAYS;
}
