import type { Db } from "../../db/database.ts";
import { type PausedWizardDue, pausedWizardsWithReminder } from "../../db/queries/offboardings.ts";
import { actionId } from "../core/define-action.ts";
import { dm, type Effect } from "../core/effects.ts";
import { localParts } from "../domain/dates.ts";
import { STEP_COUNT } from "../domain/wizard/wizard-steps.ts";
import { catalogFor } from "../messages/catalog.ts";
import { toLocale } from "../messages/locale.ts";
import { type Message, message } from "../messages/message.ts";
import { WIZARD_ACTION } from "./build-step-message.ts";

export const WIZARD_REMINDER = "wizard-reminder";

/** A reminder to send, in the scheduler's terms: claimed under (workspace, kind, key), once. */
export interface WizardReminderDelivery {
  workspaceId: number;
  kind: typeof WIZARD_REMINDER;
  /** `<offboarding id>:<remind day>:<pause number>`: pausing again for another day is another reminder. */
  key: string;
  payload: { effect: Effect };
}

/**
 * "Remind me in N days" (step 1): the DMs due now, for the scheduler to claim in `deliveries`
 * and send exactly once. A reminder is due on its day in the workspace's time zone, from the
 * workspace's digest time (09:00 by default), so nobody is pinged at midnight; a missed day
 * is caught up. Only paused wizards: resuming first cancels the reminder. One query.
 * Fits the scheduler's `ScheduledJob` signature.
 */
export async function dueWizardReminders(input: {
  db: Db;
  now: Date;
  platforms?: readonly string[];
}): Promise<WizardReminderDelivery[]> {
  const rows = await pausedWizardsWithReminder(input.db, input.now);
  return rows
    .filter((r) => !input.platforms || input.platforms.includes(r.platform))
    .filter((r) => isDue(r, input.now))
    .map((r) => ({
      workspaceId: r.workspaceId,
      kind: WIZARD_REMINDER,
      key: `${r.offboardingId}:${r.remindOn}:${pauseCount(r)}`,
      payload: { effect: dm(r.ownerUserId, buildWizardReminder(r)) },
    }));
}

function isDue(r: PausedWizardDue, now: Date): boolean {
  const local = localParts(now, r.timezone);
  return local.date > r.remindOn || (local.date === r.remindOn && local.time >= r.digestTime);
}

function pauseCount(r: PausedWizardDue): number {
  const history = (r.steps as { history?: { type?: string }[] }).history ?? [];
  return history.filter((e) => e.type === "pause").length;
}

/** The reminder DM, in the workspace's language, with the button to resume. */
export function buildWizardReminder(r: PausedWizardDue): Message {
  const t = catalogFor(toLocale(r.locale));
  const text = t.offboarding.reminder({
    client: r.clientName,
    step: r.currentStep,
    total: STEP_COUNT,
    slug: r.clientSlug,
  });
  return message(text)
    .text(text)
    .buttons([
      {
        id: actionId(WIZARD_ACTION, r.offboardingId, r.currentStep, "resume"),
        label: t.offboarding.buttons.resume,
        style: "primary",
      },
    ])
    .build();
}
