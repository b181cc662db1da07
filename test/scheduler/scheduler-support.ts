import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { findWorkspace, type WorkspaceRow } from "../../db/queries/workspaces.ts";
import { deliveries, workspaces } from "../../db/schema/index.ts";
import type { Effect } from "../../src/core/effects.ts";
import { type DeliveryAttempt, type Outbox, SendRefused } from "../../src/core/outbox.ts";
import { runTick, type TickReport } from "../../src/scheduler/run-tick.ts";
import { effectsText, type Harness, silentLog } from "../support/harness.ts";

export interface Sent {
  workspace: string;
  effect: Effect;
  text: string;
  /** The scheduler's attempt (its id, whether to look first, since when). */
  delivery?: DeliveryAttempt | undefined;
}

/** An outbox that records what it sends, and fails like a deleted channel for chosen workspaces. */
export function recordingOutbox(platform: Outbox["platform"] = "console") {
  const sent: Sent[] = [];
  const failing = new Set<string>();
  const outbox: Outbox = {
    platform,
    async send({ externalId: workspace }, effect, delivery) {
      if (failing.has(workspace)) throw new SendRefused("channel_not_found", "channel_not_found");
      sent.push({ workspace, effect, text: effectsText([effect]), delivery });
    },
  };
  return { outbox, sent, failing };
}

/**
 * A console workspace with the given schedule settings. Its creation date is set well in the
 * past (the database stamps the real time), so the fixed clock decides alone what is due.
 */
export async function makeWorkspace(
  h: Harness,
  externalId: string,
  settings: Partial<typeof workspaces.$inferInsert> = {},
): Promise<WorkspaceRow> {
  await h.run("/client help", { workspace: externalId });
  const ws = await findWorkspace(h.db.db, "console", externalId);
  if (!ws) throw new Error("workspace not created");
  const [row] = await h.db.db
    .update(workspaces)
    .set({ createdAt: new Date("2020-01-01T00:00:00Z"), ...settings })
    .where(eq(workspaces.id, ws.id))
    .returning();
  if (!row) throw new Error("workspace not updated");
  return row;
}

export function tick(h: Harness, outbox: Outbox, instanceId = "test-a", db: Db = h.db.db): Promise<TickReport> {
  return runTick({ db, clock: h.clock, log: silentLog, outboxes: [outbox], instanceId });
}

export async function deliveryRows(db: Db, workspaceId: number, kind?: string) {
  return db
    .select()
    .from(deliveries)
    .where(
      kind
        ? and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.kind, kind))
        : eq(deliveries.workspaceId, workspaceId),
    )
    .orderBy(deliveries.id);
}
