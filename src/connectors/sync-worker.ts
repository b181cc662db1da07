import type { Logger } from "pino";
import { claimDueConnections, findConnection, finishSync, pauseConnection } from "../../db/queries/connections.ts";
import type { Clock } from "../clock.ts";
import type { CoreServices } from "../core/context.ts";
import { newInstanceId } from "../scheduler/run-tick.ts";
import { addCounts, emptyCounts, type SyncCounts, type SyncTarget } from "./apply-source-change.ts";
import { SourceError } from "./connector.ts";
import type { ConnectorRuntime } from "./connector-runtime.ts";
import {
  BACKFILL_DAYS,
  CATCH_UP_EVERY_MS,
  CATCH_UP_OVERLAP_MS,
  SYNC_LEASE_MS,
  syncRetryDelayMs,
} from "./sync-policy.ts";
import { MalformedChangeError } from "./validate-source-change.ts";

export interface SyncReport {
  synced: number;
  failed: number;
  counts: SyncCounts;
}

export interface SyncWorker {
  /** Claims the connections due now (or only this one) and syncs them; never throws. */
  runDue(options?: { only?: string }): Promise<SyncReport>;
  /** Asks for a run soon, without waiting for it (/client sync now). */
  kick(): void;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Backfills, daily catch-ups and retries with backoff, for every connection on one database.
 * Each connection is a job in its own row: claimed under a lease by one process at a time
 * (FOR UPDATE SKIP LOCKED), its next run and its failures kept on the row. See
 * docs/stripe.md ("Why no job queue library") for why this and not pg-boss or graphile-worker.
 */
export function startSyncWorker(
  deps: { services: CoreServices; runtime: ConnectorRuntime; clock: Clock; log: Logger; instanceId?: string },
  options: { intervalMs?: number | undefined } = {},
): SyncWorker {
  const by = deps.instanceId ?? newInstanceId();
  const log = deps.log.child({ component: "sync" });
  const { services, runtime, clock } = deps;
  let running: Promise<SyncReport> | undefined;
  let again = false;
  let stopped = false;

  async function syncOne(target: SyncTarget): Promise<SyncCounts> {
    const { connection } = target;
    const connector = runtime.connectors.get(connection.source);
    if (!connector) throw new SourceError(`no connector for ${connection.source}`, false);
    const now = clock.now();
    const backfill = connection.backfilledAt === null || connection.syncedUntil === null;
    const since = backfill ? undefined : new Date((connection.syncedUntil?.getTime() ?? 0) - CATCH_UP_OVERLAP_MS);
    const account = {
      connectionId: connection.id,
      accountId: connection.accountId,
      secrets: runtime.secretsOf(connection),
      timezone: target.workspace.timezone,
      saveSecrets: (secrets: Readonly<Record<string, string>>) => runtime.saveSecrets(connection.id, secrets),
    };
    const counts = emptyCounts();
    const window = { since, backfillFrom: new Date(now.getTime() - BACKFILL_DAYS * 86_400_000), now };
    for await (const change of connector.changes(account, window)) {
      try {
        if (change instanceof MalformedChangeError) throw change;
        addCounts(counts, await runtime.apply(target, change));
      } catch (error) {
        if (!(error instanceof MalformedChangeError)) throw error;
        // One bad object must not stop the others (nor be retried forever).
        log.warn(
          { connection: connection.id, externalId: error.externalId, problems: error.problems },
          "malformed object skipped",
        );
      }
    }
    await finishSync(services.db, connection.id, by, {
      ok: true,
      at: clock.now(),
      syncedUntil: now,
      backfilled: backfill,
      counts: { ...counts, backfill: backfill ? 1 : 0 },
      next: new Date(now.getTime() + CATCH_UP_EVERY_MS),
    });
    log.info({ connection: connection.id, source: connection.source, backfill, ...counts }, "sync finished");
    return counts;
  }

  async function run(only: string | undefined): Promise<SyncReport> {
    const report: SyncReport = { synced: 0, failed: 0, counts: emptyCounts() };
    try {
      await runtime.attachSettingsSources();
      const now = clock.now();
      const claimed = await claimDueConnections(services.db, {
        by,
        now,
        leaseUntil: new Date(now.getTime() + SYNC_LEASE_MS),
        limit: 10,
        sources: [...runtime.connectors.keys()],
        ...(only ? { only } : {}),
      });
      for (const connection of claimed) {
        const target = await findConnection(services.db, connection.id);
        if (!target) continue;
        try {
          addCounts(report.counts, await syncOne({ ...target, connection }));
          report.synced += 1;
        } catch (error) {
          report.failed += 1;
          const attempts = connection.syncAttempts + 1;
          const message = describeSyncError(error);
          log.warn(
            {
              connection: connection.id,
              source: connection.source,
              attempts,
              error: message,
              ...(error instanceof SourceError ? {} : { err: error }),
            },
            "sync failed; retried later",
          );
          if (error instanceof SourceError && error.pause) {
            // Refused for good: paused until the owner connects again (told once, see source-notices.ts).
            await pauseConnection(services.db, connection.id, by, {
              at: clock.now(),
              reason: error.pause,
              error: message,
            }).catch((e: unknown) => log.error({ err: e }, "could not pause the connection"));
            continue;
          }
          // A source asking to wait (429's Retry-After) is not called again before then.
          const wait = Math.max(
            syncRetryDelayMs(attempts),
            error instanceof SourceError ? (error.retryAfterMs ?? 0) : 0,
          );
          await finishSync(services.db, connection.id, by, {
            ok: false,
            at: clock.now(),
            error: message,
            next: new Date(clock.now().getTime() + wait),
          }).catch((e: unknown) => log.error({ err: e }, "could not record a failed sync"));
        }
      }
    } catch (error) {
      log.error({ err: error }, "sync run failed; the next one tries again");
    }
    return report;
  }

  const runDue = (options: { only?: string } = {}): Promise<SyncReport> => {
    if (running) {
      // One run at a time in this process; a run asked for meanwhile follows it.
      return running.then(() => runDue(options));
    }
    running = run(options.only).finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        void runDue();
      }
    });
    return running;
  };

  const timer =
    options.intervalMs === undefined
      ? undefined
      : setInterval(() => {
          if (!stopped && !running) void runDue();
        }, options.intervalMs);
  timer?.unref();
  // The first run right away: a backfill of a connection made from the settings starts at once.
  if (timer) setImmediate(() => void (stopped ? undefined : runDue()));

  return {
    runDue,
    kick() {
      if (stopped) return;
      if (running) again = true;
      else void runDue();
    },
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      while (running) await running;
    },
  };
}

/** What the owner sees as a connection's last error: the source's words, never a stack or a secret. */
export function describeSyncError(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN)$/.test(code)) {
    return `the source could not be reached (${code})`;
  }
  return "an internal error (see the logs)";
}
