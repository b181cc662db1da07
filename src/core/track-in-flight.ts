import type { Core } from "./create-core.ts";

export interface TrackedCore extends Core {
  /** Requests started and not yet answered. */
  readonly inFlight: number;
  /** Resolves once every request started so far has been answered. */
  idle(): Promise<void>;
}

/**
 * Counts the requests the core is working on, so a graceful stop can wait for them: the
 * HTTP server knows its own requests, but not the work an adapter does after acknowledging
 * one, nor what arrives over a gateway or Socket Mode.
 */
export function trackInFlight(core: Core): TrackedCore {
  const running = new Set<Promise<unknown>>();
  function track<T>(work: Promise<T>): Promise<T> {
    running.add(work);
    const forget = () => running.delete(work);
    work.then(forget, forget);
    return work;
  }
  return {
    // Everything else passes through untouched.
    ...core,
    handle: (invocation) => track(core.handle(invocation)),
    complete: (invocation) => track(core.complete(invocation)),
    get inFlight() {
      return running.size;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
