import type { Logger } from "pino";

export interface GracefulStopOptions {
  log: Logger;
  /** Docker, Kubernetes and systemd give 10 s between SIGTERM and SIGKILL; stay inside. */
  limitMs?: number;
  /** Ends the process (tests pass their own). */
  exit?: (code: number) => void;
  /** Where signals arrive (tests pass an EventEmitter). */
  signals?: NodeJS.EventEmitter;
}

const STOP_SIGNALS = ["SIGTERM", "SIGINT"] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/**
 * Resolves with the first SIGTERM (docker stop, Kubernetes, systemd) or SIGINT (Ctrl-C).
 * A second signal while stopping means "now": the process exits at once with 1.
 */
export function waitForStopSignal(options: GracefulStopOptions): Promise<StopSignal> {
  const source = options.signals ?? process;
  const exit = options.exit ?? ((code) => process.exit(code));
  return new Promise((resolve) => {
    let received = false;
    for (const signal of STOP_SIGNALS) {
      source.on(signal, () => {
        if (received) {
          options.log.warn({ signal }, "second stop signal: exiting now");
          exit(1);
          return;
        }
        received = true;
        options.log.info({ signal }, "stopping: no new requests, finishing those in flight");
        resolve(signal);
      });
    }
  });
}

/**
 * Runs `stop` (stop taking requests, finish those in flight, stop the scheduler, close the
 * database), then exits: 0 when it finished in time, 1 when it failed or outlasted the
 * limit. Resolves with the code when `exit` returns (tests).
 */
export async function stopGracefully(stop: () => Promise<void>, options: GracefulStopOptions): Promise<number> {
  const { log } = options;
  const exit = options.exit ?? ((code) => process.exit(code));
  const limitMs = options.limitMs ?? 9_500;
  const started = performance.now();
  const watchdog = setTimeout(() => {
    log.error({ limitMs }, "could not stop in time; exiting with work still running");
    exit(1);
  }, limitMs);
  watchdog.unref();
  let code = 0;
  try {
    await stop();
    log.info({ ms: Math.round(performance.now() - started) }, "stopped");
  } catch (error) {
    log.error({ err: error }, "stopping failed");
    code = 1;
  } finally {
    clearTimeout(watchdog);
  }
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  exit(code);
  return code;
}
