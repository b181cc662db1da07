import { randomBytes } from "node:crypto";
import type { Clock } from "../../src/clock.ts";
import type { Form } from "../../src/messages/message.ts";

const TTL_MS = 15 * 60_000;
const MAX_PENDING = 10_000;

/**
 * A form that could not open as a modal (the answer was deferred, or it follows another
 * form), kept briefly behind an "open the form" button. In memory: with several replicas
 * the button may land elsewhere and answer that it expired, which is safe.
 */
export class PendingForms {
  readonly #clock: Clock;
  readonly #forms = new Map<string, { userId: string; form: Form; at: number }>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  put(userId: string, form: Form): string {
    const now = this.#clock.now().getTime();
    for (const [key, entry] of this.#forms) {
      if (now - entry.at > TTL_MS || this.#forms.size >= MAX_PENDING) this.#forms.delete(key);
    }
    const key = randomBytes(8).toString("hex");
    this.#forms.set(key, { userId, form, at: now });
    return key;
  }

  /** The form, once, for the person it was meant for. */
  take(key: string, userId: string): Form | undefined {
    const entry = this.#forms.get(key);
    if (!entry || entry.userId !== userId || this.#clock.now().getTime() - entry.at > TTL_MS) return undefined;
    this.#forms.delete(key);
    return entry.form;
  }
}
