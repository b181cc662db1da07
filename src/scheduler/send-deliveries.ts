import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { type DeliveryRow, markDeliveryFailed, markDeliverySent } from "../../db/queries/digest-deliveries.ts";
import type { Clock } from "../clock.ts";
import type { Effect } from "../core/effects.ts";
import { type DeliveryAttempt, type Outbox, SendRefused } from "../core/outbox.ts";
import { toLocale } from "../messages/locale.ts";
import { errorMessage } from "../serialize-error.ts";
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
  /**
   * A send that takes longer than this is cancelled; its outcome is unknown, so the retry
   * looks for it before sending again.
   */
  sendTimeoutMs?: number;
}

export interface SendReport {
  sent: number;
  failed: number;
}

export interface Target {
  platform: string;
  externalId: string;
  locale: string;
  /** Tact was removed from it: nothing is sent there (its data is kept). */
  deactivated: boolean;
}

/**
 * Sends claimed deliveries through each workspace's platform outbox and records the outcome:
 * sent, or failed with a retry time (1, 2, 4… minutes) until it is given up. A send with no
 * clear answer (cancelled at the timeout, a lost connection) is not taken as failed: it may
 * have been posted, so every later attempt first looks for it on the platform. Workspaces are
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
  const verify = mayHaveBeenPosted(row);
  const aborter = new AbortController();
  try {
    const effect = effectOf(row);
    const outbox = target ? deps.outboxes.get(target.platform) : undefined;
    if (!target || !outbox) {
      throw new SendRefused(`no outbox for platform ${target?.platform ?? "(unknown workspace)"}`, "no_outbox");
    }
    if (target.deactivated) {
      log.info({ workspace: target.externalId }, "Tact was removed from this workspace; nothing sent");
    } else {
      const attempt: DeliveryAttempt = { id: `t${row.id}`, verify, since: row.claimedAt, signal: aborter.signal };
      const to = { externalId: target.externalId, locale: toLocale(target.locale) };
      await withTimeout(outbox.send(to, effect, attempt), deps.sendTimeoutMs ?? 60_000, aborter);
    }
  } catch (error) {
    // Refused: nothing went out. Anything else (no answer in time, a connection lost, an
    // error of the platform's own) may have posted it: the next attempt looks first.
    const unknown = verify || !(error instanceof SendRefused);
    const delay = retryDelayMs(row.attempts);
    const now = deps.clock.now();
    const retryAt = delay === undefined ? null : new Date(now.getTime() + delay);
    const reason = errorMessage(error);
    if (retryAt) {
      log.warn(
        { err: error, retryAt, outcome: unknown ? "unknown" : "refused" },
        unknown
          ? "scheduled send got no clear answer; will look for it before sending again"
          : "scheduled send failed; will retry",
      );
    } else if (unknown) {
      log.error({ err: error }, "scheduled send given up: whether it was posted could not be found out");
    } else {
      log.error({ err: error }, "scheduled send failed too many times; given up");
    }
    try {
      await markDeliveryFailed(deps.db, row.id, deps.by, reason, retryAt, unknown);
    } catch (markError) {
      // The claim's lease runs out and a later tick retries it (looking first).
      log.warn({ err: markError }, "could not record the failed send");
    }
    return false;
  }
  try {
    await markDeliverySent(deps.db, row.id, deps.by, deps.clock.now());
  } catch (error) {
    // Sent but not recorded: the lease runs out and the retry looks for it before sending.
    log.error({ err: error }, "sent, but could not record it as sent");
  }
  return true;
}

/** An earlier attempt got no clear answer, or its process died while sending. */
function mayHaveBeenPosted(row: DeliveryRow): boolean {
  return (row.payload as { uncertain?: unknown } | null)?.uncertain === true;
}

function effectOf(row: DeliveryRow): Effect {
  const effect = (row.payload as { effect?: Effect } | null)?.effect;
  if (!effect || typeof effect !== "object" || !("type" in effect)) {
    throw new SendRefused("delivery has no effect to send", "no_effect");
  }
  return effect;
}

/** How long an aborted send may take to let go of its request before the outcome is recorded. */
const ABORT_GRACE_MS = 5_000;

/**
 * The send, given at most `ms`: then its request is aborted (not left to finish behind the
 * scheduler's back and post after the retry), and once it has let go, the timeout is thrown.
 */
async function withTimeout(promise: Promise<void>, ms: number, aborter: AbortController): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    const first = await Promise.race([promise.then(() => "done" as const), timedOut]);
    if (first === "done") return;
  } finally {
    clearTimeout(timer);
  }
  aborter.abort(new Error(`no answer from the platform within ${ms / 1000} s`));
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => {}),
    new Promise<void>((resolve) => {
      grace = setTimeout(resolve, Math.min(ABORT_GRACE_MS, ms));
    }),
  ]);
  clearTimeout(grace);
  throw new Error(`no answer from the platform within ${ms / 1000} s; the request was cancelled`);
}
