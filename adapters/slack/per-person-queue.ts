/**
 * Runs one person's requests in the order they arrived, so that a command sent right after
 * another sees it applied (read-your-writes: `/client add acme` then `/client late acme`).
 * Different people, and different workspaces, still run side by side.
 */
export class PerPersonQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
