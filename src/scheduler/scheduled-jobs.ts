import { dueWizardReminders } from "../offboarding/wizard-reminders.ts";
import { pruneRequestIds } from "./prune-request-ids.ts";
import type { ScheduledJob } from "./run-tick.ts";

/** What else the scheduler sends each tick besides the daily rounds, each exactly once. */
export const scheduledJobs: readonly ScheduledJob[] = [
  // "Remind me in N days" from the owner's offboarding wizard.
  dueWizardReminders,
  // Forget platform request ids older than a day.
  pruneRequestIds,
];
