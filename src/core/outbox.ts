import type { Effect } from "./effects.ts";
import type { Platform } from "./invocation.ts";

/**
 * How the scheduler (or anything not answering a request) reaches a workspace: each adapter
 * provides one. `post`, `dm` and `file` effects are supported; `reply` has nobody to reply to.
 */
export interface Outbox {
  platform: Platform;
  send(workspaceExternalId: string, effect: Effect): Promise<void>;
}
