import { and, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { clients, invoices } from "../schema/index.ts";

/** An invoice by id within a workspace, with its client's status (for the digest's buttons). */
export async function digestInvoice(db: Db, workspaceId: number, invoiceId: number) {
  const [row] = await db
    .select({ invoice: invoices, clientStatus: clients.status })
    .from(invoices)
    .innerJoin(clients, and(eq(clients.id, invoices.clientId), eq(clients.workspaceId, invoices.workspaceId)))
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)));
  return row;
}

/** Hides an invoice from alerts and the digest until a day (exclusive). */
export async function snoozeInvoice(db: Db, workspaceId: number, invoiceId: number, until: string): Promise<void> {
  await db
    .update(invoices)
    .set({ snoozedUntil: until })
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)));
}
