import cron from "node-cron";
import type { RatesRefresher } from "../rates/rates-refresher.ts";
import { newInstanceId, runTick, type TickDeps, type TickReport } from "./run-tick.ts";

export interface Scheduler {
  /** Runs one tick now (tests, and the first tick at start). */
  tick(): Promise<TickReport>;
  /** The reference-rates fetch in progress, if any (tests). */
  ratesRefresh(): Promise<void>;
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Ticks every minute, in UTC: each tick decides from the data and the clock what is due in
 * each workspace's own time zone, so no cron expression per workspace is needed and a digest
 * time in a DST gap or a missed minute during downtime is still caught. Claims in the
 * database make several processes on one database safe.
 */
export function startScheduler(
  deps: TickDeps,
  options: { cron?: boolean; rates?: RatesRefresher | undefined } = {},
): Scheduler {
  const instanceId = deps.instanceId ?? newInstanceId();
  const log = deps.log.child({ component: "scheduler" });
  let running: Promise<TickReport> | undefined;
  let ratesRunning: Promise<void> | undefined;
  let stopped = false;

  // Reference rates (issue 13): fetched at start, then once a day (an hour after a failure), beside the ticks (a slow
  // central bank never delays a digest).
  const refreshRatesIfDue = () => {
    const rates = options.rates;
    if (!rates || ratesRunning || stopped || deps.clock.now() < rates.dueAt()) return;
    ratesRunning = rates
      .refresh()
      .then(() => {})
      .finally(() => {
        ratesRunning = undefined;
      });
  };

  const tick = (): Promise<TickReport> => {
    refreshRatesIfDue();
    // One tick at a time in this process: a slow tick makes the next one wait, not overlap.
    running ??= runTick({ ...deps, instanceId, log })
      .then((report) => {
        if (report.rounds + report.sent + report.failed > 0) log.info(report, "scheduler tick");
        return report;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  // Without cron (tests), nothing ticks unless tick() is called.
  const task =
    options.cron === false
      ? undefined
      : cron.schedule(
          "* * * * *",
          async () => {
            if (!stopped) await tick();
          },
          { timezone: "UTC", name: `tact-scheduler-${instanceId}`, noOverlap: true },
        );
  if (task) {
    log.info({ instanceId }, "scheduler started");
    refreshRatesIfDue();
  }

  return {
    tick,
    ratesRefresh: async () => {
      await ratesRunning;
    },
    async stop() {
      stopped = true;
      await task?.destroy();
      await running;
      await options.rates?.stop();
      await ratesRunning;
    },
  };
}
