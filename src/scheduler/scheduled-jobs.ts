import { pausedSourceNotices } from "../connectors/paused-source-notices.ts";
import { dueWizardReminders } from "../offboarding/wizard-reminders.ts";
import { pruneRequestIds } from "./prune-request-ids.ts";
import { pruneEvidence } from "./prune-unlogged-evidence.ts";
import type { ScheduledJob } from "./run-tick.ts";

/** What else the scheduler sends each tick besides the daily rounds, each exactly once. */
export const scheduledJobs: readonly ScheduledJob[] = [
  // "Remind me in N days" from the owner's offboarding wizard.
  dueWizardReminders,
  // "Xero stopped syncing: connect it again", to the owner, once per pause.
  pausedSourceNotices,
  // Forget platform request ids older than a day.
  pruneRequestIds,
  // Forget messages captured by "Log to Tact" and not logged within a day.
  pruneEvidence,
];
