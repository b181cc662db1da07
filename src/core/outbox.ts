import type { Locale } from "../messages/locale.ts";
import type { Effect } from "./effects.ts";
import type { Platform } from "./invocation.ts";

/**
 * How the scheduler (or anything not answering a request) reaches an active workspace: each
 * adapter provides one. `post`, `dm` and `file` effects are supported; `reply` has nobody to reply to.
 */
export interface Outbox {
  platform: Platform;
  send(workspace: OutboxWorkspace, effect: Effect, delivery?: DeliveryAttempt): Promise<void>;
}

/** The workspace sent to, as the scheduler knows it: outboxes look nothing up. */
export interface OutboxWorkspace {
  /** The team, guild or console workspace id, as the platform names it. */
  externalId: string;
  /** Its language, for the adapter's own words around the message. */
  locale: Locale;
}

/** One attempt at a scheduled delivery, so that a retry never posts a message twice. */
export interface DeliveryAttempt {
  /**
   * The same on every attempt of one delivery, and short (Discord's nonce takes 25
   * characters): the platform, or a look at what was posted, recognises a message an
   * earlier attempt of it already posted.
   */
  id: string;
  /**
   * An earlier attempt may have posted it (it got no answer in time, or died): look for its
   * messages before posting, and post only what is not there. When that cannot be found
   * out, throw rather than post.
   */
  verify: boolean;
  /** When the first attempt began: an earlier attempt's message is no older. */
  since: Date;
  /** Aborted when the scheduler stops waiting: the request in flight is cancelled. */
  signal: AbortSignal;
}

/**
 * The platform refused the send before anything of it was posted (a deleted channel, a
 * missing permission, a rate limit): trying again cannot post it twice. Any other failure of
 * a send leaves its outcome unknown.
 */
export class SendRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "SendRefused";
  }
}
