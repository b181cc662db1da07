import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../database.ts";
import { evidence } from "../schema/index.ts";

export type EvidenceRow = typeof evidence.$inferSelect;

export async function insertEvidence(db: Db, values: Omit<EvidenceRow, "id" | "incidentId">): Promise<EvidenceRow> {
  const [row] = await db.insert(evidence).values(values).returning();
  if (!row) throw new Error("evidence insert returned nothing");
  return row;
}

/** A captured message not logged yet, as the one who captured it may submit it. */
export async function pendingEvidence(
  db: Db,
  workspaceId: number,
  id: number,
  capturedBy: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(evidence)
    .where(
      and(
        eq(evidence.workspaceId, workspaceId),
        eq(evidence.id, id),
        eq(evidence.capturedBy, capturedBy),
        isNull(evidence.incidentId),
      ),
    );
  return row;
}

/** Ties the evidence to its incident, once: false when it was already logged. */
export async function attachEvidence(db: Db, workspaceId: number, id: number, incidentId: number): Promise<boolean> {
  const rows = await db
    .update(evidence)
    .set({ incidentId })
    .where(and(eq(evidence.workspaceId, workspaceId), eq(evidence.id, id), isNull(evidence.incidentId)))
    .returning({ id: evidence.id });
  return rows.length === 1;
}

/** The evidence of these incidents, by incident id. */
export async function evidenceOf(
  db: Db,
  workspaceId: number,
  incidentIds: number[],
): Promise<Map<number, EvidenceRow>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.workspaceId, workspaceId), inArray(evidence.incidentId, incidentIds)));
  return new Map(rows.flatMap((r) => (r.incidentId === null ? [] : [[r.incidentId, r] as const])));
}

/** Forgets messages captured before `before` that nobody logged (their form was closed or left). */
export async function pruneUnloggedEvidence(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(evidence)
    .where(and(isNull(evidence.incidentId), lt(evidence.capturedAt, before)))
    .returning({ id: evidence.id });
  return rows.length;
}
