/** What Bolt's `ack` takes for a slash command: nothing, or the answer itself. */
export type AckFn = (response?: Record<string, unknown>) => Promise<void>;

/** Slack waits 3 s for the acknowledgement; the answer goes in it when ready well before. */
export const ANSWER_IN_ACK_WITHIN_MS = 2_500;

/**
 * The acknowledgement of one slash command, held open for a short while so that the answer can
 * travel in it (one HTTP exchange instead of two). Past the deadline it is sent empty and the
 * answer goes to the response_url. Whatever happens, it is sent exactly once.
 */
export class AckSlot {
  #open = true;
  readonly #timer: NodeJS.Timeout;
  #sent: Promise<void> | undefined;

  constructor(
    private readonly ack: AckFn,
    withinMs: number = ANSWER_IN_ACK_WITHIN_MS,
  ) {
    this.#timer = setTimeout(() => void this.close(), withinMs);
  }

  /** Sends `response` as the acknowledgement; false when it was already sent (the answer goes elsewhere). */
  async answer(response: Record<string, unknown>): Promise<boolean> {
    if (!this.#open) return false;
    this.#open = false;
    clearTimeout(this.#timer);
    this.#sent = this.ack(response);
    await this.#sent;
    return true;
  }

  /** Sends the empty acknowledgement if nothing was sent yet, and waits until it is. */
  async close(): Promise<void> {
    if (this.#open) {
      this.#open = false;
      clearTimeout(this.#timer);
      this.#sent = this.ack();
    }
    await this.#sent;
  }
}
