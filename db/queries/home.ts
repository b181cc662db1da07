import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import type { EntryKind } from "../schema/incidents.ts";
import { clients, incidents, offboardings } from "../schema/index.ts";

export interface OpenOffboarding {
  id: number;
  clientId: number;
  slug: string;
  displayName: string;
  state: string;
  currentStep: number;
  updatedAt: Date;
}

/** Wizards in progress or paused that this owner started. */
export async function openOffboardingsOf(db: Db, workspaceId: number, ownerUserId: string): Promise<OpenOffboarding[]> {
  return db
    .select({
      id: offboardings.id,
      clientId: offboardings.clientId,
      slug: clients.slug,
      displayName: clients.displayName,
      state: offboardings.state,
      currentStep: offboardings.currentStep,
      updatedAt: offboardings.updatedAt,
    })
    .from(offboardings)
    .innerJoin(clients, and(eq(clients.id, offboardings.clientId), eq(clients.workspaceId, offboardings.workspaceId)))
    .where(
      and(
        eq(offboardings.workspaceId, workspaceId),
        eq(offboardings.ownerUserId, ownerUserId),
        inArray(offboardings.state, ["in_progress", "paused"]),
      ),
    )
    .orderBy(desc(offboardings.updatedAt));
}

export interface OwnIncident {
  id: number;
  kind: EntryKind;
  note: string | null;
  invoiceRef: string | null;
  occurredAt: Date;
  clientName: string;
}

/** The reporter's latest incidents still in the record. */
export async function recentIncidentsBy(
  db: Db,
  workspaceId: number,
  reporterId: string,
  limit: number,
): Promise<OwnIncident[]> {
  return db
    .select({
      id: incidents.id,
      kind: incidents.kind,
      note: incidents.note,
      invoiceRef: incidents.invoiceRef,
      occurredAt: incidents.occurredAt,
      clientName: clients.displayName,
    })
    .from(incidents)
    .innerJoin(clients, and(eq(clients.id, incidents.clientId), eq(clients.workspaceId, incidents.workspaceId)))
    .where(
      and(eq(incidents.workspaceId, workspaceId), eq(incidents.reporterId, reporterId), isNull(incidents.withdrawnAt)),
    )
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(limit);
}
