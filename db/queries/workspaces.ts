import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { workspaces } from "../schema/index.ts";

export type WorkspaceRow = typeof workspaces.$inferSelect;

export interface NewWorkspace {
  platform: string;
  externalId: string;
  /** The platform's own owner; undefined when the platform has not said (owner unknown). */
  ownerUserId?: string | undefined;
  name?: string | undefined;
  timezone?: string | undefined;
  locale?: string | undefined;
  digestChannel?: string | undefined;
  /** From the injected clock, so schedules can tell whether today's digest time came before it. */
  createdAt?: Date | undefined;
}

/** The workspace for a platform id, created on first sight (concurrent first requests are safe). */
export async function findOrCreateWorkspace(db: Db, ws: NewWorkspace): Promise<WorkspaceRow> {
  const found = await findWorkspace(db, ws.platform, ws.externalId);
  if (found) return found;
  const values = {
    platform: ws.platform,
    externalId: ws.externalId,
    ...(ws.ownerUserId ? { ownerUserId: ws.ownerUserId } : {}),
    ...(ws.name ? { name: ws.name } : {}),
    ...(ws.timezone ? { timezone: ws.timezone } : {}),
    ...(ws.locale ? { locale: ws.locale } : {}),
    ...(ws.digestChannel ? { digestChannel: ws.digestChannel } : {}),
    ...(ws.createdAt ? { createdAt: ws.createdAt } : {}),
  };
  const [inserted] = await db.insert(workspaces).values(values).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const raced = await findWorkspace(db, ws.platform, ws.externalId);
  if (!raced) throw new Error("workspace vanished after insert conflict");
  return raced;
}

export async function findWorkspace(db: Db, platform: string, externalId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)));
  return row;
}

/**
 * The workspace row, locked until the transaction ends: changes that depend on who owns it
 * (handing it over) wait for each other instead of both reading the same owner.
 */
export async function lockWorkspace(tx: Db, workspaceId: number): Promise<WorkspaceRow | undefined> {
  const [row] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId)).for("update");
  return row;
}

/**
 * Records the owner the platform named, for a workspace whose owner was not known yet. Never
 * replaces an owner: a hand-over made meanwhile stands. Returns the row as it now is.
 */
export async function adoptPlatformOwner(db: Db, workspaceId: number, ownerUserId: string): Promise<WorkspaceRow> {
  const [adopted] = await db
    .update(workspaces)
    .set({ ownerUserId })
    .where(and(eq(workspaces.id, workspaceId), isNull(workspaces.ownerUserId)))
    .returning();
  if (adopted) return adopted;
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw new Error(`workspace ${workspaceId} not found`);
  return row;
}

export async function updateWorkspace(
  db: Db,
  workspaceId: number,
  changes: Partial<Omit<WorkspaceRow, "id" | "platform" | "externalId" | "createdAt">>,
): Promise<WorkspaceRow> {
  const [row] = await db.update(workspaces).set(changes).where(eq(workspaces.id, workspaceId)).returning();
  if (!row) throw new Error(`workspace ${workspaceId} not found`);
  return row;
}

/**
 * Makes `currency` the workspace's default when it has none yet: true for the one request
 * that set it (two first invoices at once: one of them says so).
 */
export async function adoptDefaultCurrency(db: Db, workspaceId: number, currency: string): Promise<boolean> {
  const rows = await db
    .update(workspaces)
    .set({ defaultCurrency: currency })
    .where(and(eq(workspaces.id, workspaceId), isNull(workspaces.defaultCurrency)))
    .returning({ id: workspaces.id });
  return rows.length > 0;
}

/** Marks the welcome as sent; true for the one caller that marked it (it is sent once, ever). */
export async function claimWelcome(db: Db, workspaceId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(workspaces)
    .set({ welcomedAt: at })
    .where(and(eq(workspaces.id, workspaceId), isNull(workspaces.welcomedAt)))
    .returning({ id: workspaces.id });
  return rows.length > 0;
}

export async function findWorkspaceById(db: Db, id: number): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return row;
}
