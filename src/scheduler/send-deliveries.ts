import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { type DeliveryRow, markDeliveryFailed, markDeliverySent } from "../../db/queries/digest-deliveries.ts";
import type { Clock } from "../clock.ts";
import type { Effect } from "../core/effects.ts";
import type { Outbox } from "../core/outbox.ts";
import { describeError } from "./describe-error.ts";
import { retryDelayMs } from "./retry-policy.ts";

export interface SendDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  outboxes: ReadonlyMap<string, Outbox>;
  /** This process's claimer id. */
  by: string;
  /** How many workspaces are sent to at the same time. */
  concurrency?: number;
  /** A send that takes longer than this counts as failed (and is retried later). */
  sendTimeoutMs?: number;
}

export interface SendReport {
  sent: number;
  failed: number;
}

export interface Target {
  platform: string;
  externalId: string;
}

/**
 * Sends claimed deliveries through each workspace's platform outbox and records the outcome:
 * sent, or failed with a retry time (1, 2, 4… minutes) until it is given up. Workspaces are
 * independent: one whose channel is gone or whose token was revoked is logged and the others
 * carry on. Within a workspace the digest goes before its alerts.
 */
export async function sendDeliveries(
  deps: SendDeps,
  rows: readonly DeliveryRow[],
  targets: ReadonlyMap<number, Target>,
): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  const byWorkspace = new Map<number, DeliveryRow[]>();
  for (const row of rows) byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), row]);
  const queue = [...byWorkspace.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [workspaceId, list] = next;
      list.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.id - b.id);
      for (const row of list) {
        const ok = await sendOne(deps, row, targets.get(workspaceId));
        if (ok) report.sent += 1;
        else report.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  return report;
}

function kindOrder(kind: string): number {
  return kind === "digest" ? 0 : 1;
}

async function sendOne(deps: SendDeps, row: DeliveryRow, target: Target | undefined): Promise<boolean> {
  const log = deps.log.child({
    workspaceId: row.workspaceId,
    delivery: `${row.kind}:${row.key}`,
    attempt: row.attempts,
  });
  try {
    const effect = effectOf(row);
    const outbox = target ? deps.outboxes.get(target.platform) : undefined;
    if (!target || !outbox) throw new Error(`no outbox for platform ${target?.platform ?? "(unknown workspace)"}`);
    await withTimeout(outbox.send(target.externalId, effect), deps.sendTimeoutMs ?? 60_000);
  } catch (error) {
    const delay = retryDelayMs(row.attempts);
    const now = deps.clock.now();
    const retryAt = delay === undefined ? null : new Date(now.getTime() + delay);
    const reason = describeError(error);
    if (retryAt) log.warn({ err: reason, retryAt }, "scheduled send failed; will retry");
    else log.error({ err: reason }, "scheduled send failed too many times; given up");
    try {
      await markDeliveryFailed(deps.db, row.id, deps.by, reason, retryAt);
    } catch (markError) {
      // The claim's lease runs out and a later tick retries it.
      log.warn({ err: describeError(markError) }, "could not record the failed send");
    }
    return false;
  }
  try {
    await markDeliverySent(deps.db, row.id, deps.by, deps.clock.now());
  } catch (error) {
    // Sent but not recorded: say so, since the lease could let it go out twice.
    log.error({ err: describeError(error) }, "sent, but could not record it as sent");
  }
  return true;
}

function effectOf(row: DeliveryRow): Effect {
  const effect = (row.payload as { effect?: Effect } | null)?.effect;
  if (!effect || typeof effect !== "object" || !("type" in effect)) throw new Error("delivery has no effect to send");
  return effect;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the platform within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
