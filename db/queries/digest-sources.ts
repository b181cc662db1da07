import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../database.ts";
import { connections, sourceObjects } from "../schema/index.ts";

/** Connections of these workspaces whose syncs fail, since when and why. */
export async function failingConnections(
  db: Db,
  workspaceIds: readonly number[],
): Promise<{ workspaceId: number; source: string; failingSince: Date; lastError: string | null }[]> {
  if (workspaceIds.length === 0) return [];
  const rows = await db
    .select({
      workspaceId: connections.workspaceId,
      source: connections.source,
      failingSince: connections.failingSince,
      lastError: connections.lastError,
    })
    .from(connections)
    .where(and(inArray(connections.workspaceId, [...workspaceIds]), isNotNull(connections.failingSince)));
  return rows.flatMap((r) => (r.failingSince ? [{ ...r, failingSince: r.failingSince }] : []));
}

/**
 * Open invoices waiting because their customer is linked to no client, with their due days:
 * the digest tells the owner about the overdue ones. Only waiting rows are read (an index
 * covers them), never the synced invoices already recorded.
 */
export async function unlinkedOpenInvoices(
  db: Db,
  workspaceIds: readonly number[],
): Promise<
  {
    workspaceId: number;
    connectionId: string;
    source: string;
    customerId: string;
    name: string | null;
    dueOn: string;
  }[]
> {
  if (workspaceIds.length === 0) return [];
  const customer = alias(sourceObjects, "customer");
  return db
    .select({
      workspaceId: sourceObjects.workspaceId,
      connectionId: sourceObjects.connectionId,
      source: connections.source,
      customerId: sql<string>`coalesce(${sourceObjects.parentId}, '')`,
      name: sql<string | null>`${customer.data}->>'name'`,
      dueOn: sql<string>`${sourceObjects.data}->>'dueOn'`,
    })
    .from(sourceObjects)
    .innerJoin(connections, eq(connections.id, sourceObjects.connectionId))
    .leftJoin(
      customer,
      and(
        eq(customer.connectionId, sourceObjects.connectionId),
        eq(customer.kind, "customer"),
        eq(customer.externalId, sourceObjects.parentId),
      ),
    )
    .where(
      and(
        inArray(sourceObjects.workspaceId, [...workspaceIds]),
        eq(sourceObjects.kind, "invoice"),
        isNull(sourceObjects.invoiceId),
        sql`${sourceObjects.data}->>'status' = 'open'`,
        isNull(customer.clientId),
      ),
    );
}
