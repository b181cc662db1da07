import { and, desc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { clients, offboardings, workspaces } from "../schema/index.ts";

export type OffboardingRow = typeof offboardings.$inferSelect;
export type NewOffboarding = typeof offboardings.$inferInsert;

const OPEN = ["in_progress", "paused"];

/** Starts a wizard; undefined when one is already open for this client (one at a time). */
export async function insertOffboarding(db: Db, values: NewOffboarding): Promise<OffboardingRow | undefined> {
  const [row] = await db.insert(offboardings).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findOffboarding(db: Db, workspaceId: number, id: number): Promise<OffboardingRow | undefined> {
  const [row] = await db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.workspaceId, workspaceId), eq(offboardings.id, id)));
  return row;
}

/** The same row, locked until the transaction ends, so two presses apply one after the other. */
export async function lockOffboarding(db: Db, workspaceId: number, id: number): Promise<OffboardingRow | undefined> {
  const [row] = await db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.workspaceId, workspaceId), eq(offboardings.id, id)))
    .for("update");
  return row;
}

/** The wizard in progress or paused for a client, if any. */
export async function openOffboardingFor(
  db: Db,
  workspaceId: number,
  clientId: number,
): Promise<OffboardingRow | undefined> {
  const [row] = await db
    .select()
    .from(offboardings)
    .where(
      and(
        eq(offboardings.workspaceId, workspaceId),
        eq(offboardings.clientId, clientId),
        inArray(offboardings.state, OPEN),
      ),
    );
  return row;
}

/** Every wizard a client went through, newest first (for the written record). */
export async function offboardingsOf(db: Db, workspaceId: number, clientId: number): Promise<OffboardingRow[]> {
  return db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.workspaceId, workspaceId), eq(offboardings.clientId, clientId)))
    .orderBy(desc(offboardings.startedAt), desc(offboardings.id));
}

/** Whether this person started a wizard that is still open (they keep it after a handover). */
export async function hasOpenOffboardingBy(db: Db, workspaceId: number, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: offboardings.id })
    .from(offboardings)
    .where(
      and(
        eq(offboardings.workspaceId, workspaceId),
        eq(offboardings.ownerUserId, userId),
        inArray(offboardings.state, OPEN),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function updateOffboarding(
  db: Db,
  workspaceId: number,
  id: number,
  changes: Partial<Omit<OffboardingRow, "id" | "workspaceId" | "clientId" | "startedAt">>,
): Promise<OffboardingRow> {
  const [row] = await db
    .update(offboardings)
    .set(changes)
    .where(and(eq(offboardings.workspaceId, workspaceId), eq(offboardings.id, id)))
    .returning();
  if (!row) throw new Error(`offboarding ${id} not found`);
  return row;
}

export interface PausedWizardDue {
  offboardingId: number;
  remindOn: string;
  currentStep: number;
  ownerUserId: string;
  steps: Record<string, unknown>;
  workspaceId: number;
  platform: string;
  externalId: string;
  locale: string;
  timezone: string;
  digestTime: string;
  clientSlug: string;
  clientName: string;
}

/**
 * Paused wizards whose reminder day has come somewhere on Earth by `now` (the caller checks
 * each workspace's own day and hour). One query, whatever the number of workspaces.
 */
export async function pausedWizardsWithReminder(db: Db, now: Date): Promise<PausedWizardDue[]> {
  // No time zone is more than 14 hours ahead of UTC: tomorrow in UTC bounds every local today.
  const latest = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  return db
    .select({
      offboardingId: offboardings.id,
      remindOn: sql<string>`${offboardings.remindOn}`,
      currentStep: offboardings.currentStep,
      ownerUserId: offboardings.ownerUserId,
      steps: offboardings.steps,
      workspaceId: workspaces.id,
      platform: workspaces.platform,
      externalId: workspaces.externalId,
      locale: workspaces.locale,
      timezone: workspaces.timezone,
      digestTime: workspaces.digestTime,
      clientSlug: clients.slug,
      clientName: clients.displayName,
    })
    .from(offboardings)
    .innerJoin(workspaces, eq(workspaces.id, offboardings.workspaceId))
    .innerJoin(clients, and(eq(clients.id, offboardings.clientId), eq(clients.workspaceId, offboardings.workspaceId)))
    .where(
      and(
        eq(offboardings.state, "paused"),
        isNotNull(offboardings.remindOn),
        lte(offboardings.remindOn, latest),
        isNull(workspaces.deactivatedAt),
      ),
    )
    .orderBy(offboardings.id);
}
