import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { auditLog, deliveries, incidents } from "../schema/index.ts";
import type { IncidentRow } from "./incidents.ts";

/** Every incident of a client, withdrawn ones included (the record hides nothing), oldest first. */
export async function allIncidentsOf(db: Db, workspaceId: number, clientId: number): Promise<IncidentRow[]> {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.clientId, clientId)))
    .orderBy(asc(incidents.occurredAt), asc(incidents.id));
}

export interface InvoiceEvent {
  at: Date;
  actorId: string;
  action: string;
  invoiceId: number;
  details: Record<string, unknown>;
}

/** What the audit log says happened to these invoices (reminders, write-offs…), oldest first. */
export async function invoiceEvents(
  db: Db,
  workspaceId: number,
  invoiceIds: readonly number[],
): Promise<InvoiceEvent[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await db
    .select({
      at: auditLog.at,
      actorId: auditLog.actorId,
      action: auditLog.action,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.subjectType, "invoice"),
        inArray(
          auditLog.subjectId,
          invoiceIds.map((id) => String(id)),
        ),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({
    at: r.at,
    actorId: r.actorId,
    action: r.action,
    invoiceId: Number(r.subjectId),
    details: r.details,
  }));
}

export interface AlertSent {
  invoiceId: number;
  stage: string;
  sentAt: Date | null;
}

/** Overdue alerts the scheduler posted to the team for these invoices (keys `invoiceId:stage`). */
export async function alertsSentFor(db: Db, workspaceId: number, invoiceIds: readonly number[]): Promise<AlertSent[]> {
  if (invoiceIds.length === 0) return [];
  const rows = await db
    .select({ key: deliveries.key, sentAt: deliveries.sentAt })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.workspaceId, workspaceId),
        eq(deliveries.kind, "alert"),
        eq(deliveries.state, "sent"),
        inArray(
          sql`split_part(${deliveries.key}, ':', 1)`,
          invoiceIds.map((id) => String(id)),
        ),
      ),
    )
    .orderBy(asc(deliveries.sentAt));
  return rows.map((r) => {
    const [invoiceId = "", stage = ""] = r.key.split(":");
    return { invoiceId: Number(invoiceId), stage, sentAt: r.sentAt };
  });
}
