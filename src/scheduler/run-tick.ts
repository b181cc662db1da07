import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { isDatabaseUnavailable } from "../../db/is-unavailable.ts";
import {
  type Claimer,
  claimDeliveries,
  claimRetries,
  type DeliveryRow,
  deliveryTargets,
  type PlannedDelivery,
} from "../../db/queries/digest-deliveries.ts";
import { scheduleRows } from "../../db/queries/digest-rounds.ts";
import type { Clock } from "../clock.ts";
import type { Outbox } from "../core/outbox.ts";
import { planRounds } from "./plan-rounds.ts";
import { CLAIM_LEASE_MS } from "./retry-policy.ts";
import { runRounds } from "./run-rounds.ts";
import { scheduledJobs } from "./scheduled-jobs.ts";
import { sendDeliveries, type Target } from "./send-deliveries.ts";

/**
 * Something else to send on schedule (a wizard's "remind me in N days", say): called each
 * tick, it returns what is due now under unique keys; the scheduler claims and sends it like
 * a digest, exactly once.
 */
export type ScheduledJob = (input: { db: Db; now: Date; platforms: readonly string[] }) => Promise<PlannedDelivery[]>;

export interface TickDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  outboxes: readonly Outbox[];
  /** Identifies this process in claims; one is made up when omitted. */
  instanceId?: string;
  /** Other things sent on schedule; the registered ones (scheduled-jobs.ts) when omitted. */
  jobs?: readonly ScheduledJob[];
  /** At most this many retries are taken per tick (the rest wait for the next). */
  retryBatch?: number;
  sendTimeoutMs?: number;
}

export interface TickReport {
  rounds: number;
  sent: number;
  failed: number;
}

export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * One scheduler tick: which daily rounds are due (a pure function of the settings and the
 * clock), the rounds this process wins, other scheduled jobs, retries whose time has come,
 * then every send. Never throws: a failing step is logged and the others still run.
 */
export async function runTick(deps: TickDeps): Promise<TickReport> {
  const { db, log } = deps;
  const by = deps.instanceId ?? newInstanceId();
  const now = deps.clock.now();
  const claimer: Claimer = { by, now, leaseEnd: new Date(now.getTime() + CLAIM_LEASE_MS) };
  const outboxes = new Map(deps.outboxes.map((o) => [o.platform as string, o]));
  const platforms = [...outboxes.keys()];
  const claimed: DeliveryRow[] = [];
  const targets = new Map<number, Target>();
  let rounds = 0;

  await step(log, "daily rounds", async () => {
    const rows = await scheduleRows(db, platforms, now);
    for (const r of rows) {
      targets.set(r.workspaceId, {
        platform: r.platform,
        externalId: r.externalId,
        locale: r.locale,
        deactivated: false,
      });
    }
    const due = planRounds(rows, now);
    if (due.length === 0) return;
    const mine = await runRounds(db, due, claimer, log);
    rounds = mine.won;
    claimed.push(...mine.deliveries);
  });
  for (const job of deps.jobs ?? scheduledJobs) {
    await step(log, "scheduled job", async () => {
      claimed.push(...(await claimDeliveries(db, await job({ db, now, platforms }), claimer)));
    });
  }
  await step(log, "retries", async () => {
    claimed.push(...(await claimRetries(db, platforms, claimer, deps.retryBatch ?? 100)));
  });
  const unknown = claimed.map((d) => d.workspaceId).filter((id) => !targets.has(id));
  if (unknown.length > 0) {
    await step(log, "delivery targets", async () => {
      for (const [id, target] of await deliveryTargets(db, unknown)) targets.set(id, target);
    });
  }
  if (claimed.length === 0) return { rounds, sent: 0, failed: 0 };
  const report = await sendDeliveries(
    {
      db,
      clock: deps.clock,
      log,
      outboxes,
      by,
      ...(deps.sendTimeoutMs ? { sendTimeoutMs: deps.sendTimeoutMs } : {}),
    },
    claimed,
    targets,
  );
  return { rounds, ...report };
}

async function step(log: Logger, name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    // An outage is the operator's to fix, not a bug in Tact: a warning, as for requests.
    if (isDatabaseUnavailable(error))
      log.warn({ err: error, step: name }, "database unavailable; the next tick tries again");
    else log.error({ err: error, step: name }, "scheduler step failed; the next tick tries again");
  }
}
