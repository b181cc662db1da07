import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { clientAliases, clients, type SourceObjectKind, sourceObjects } from "../schema/index.ts";

export type SourceObjectRow = typeof sourceObjects.$inferSelect;

interface Key {
  workspaceId: number;
  connectionId: string;
  kind: SourceObjectKind;
  externalId: string;
}

/**
 * The mirror row of a source object, locked for this transaction (created empty when new):
 * two processes applying the same event queue here, and the second sees what the first wrote.
 */
export async function lockSourceObject(db: Db, key: Key, at: Date): Promise<SourceObjectRow> {
  // One statement: the upsert takes the row lock whether it inserts or finds the row.
  const [row] = await db
    .insert(sourceObjects)
    .values({ ...key, updatedAt: at })
    .onConflictDoUpdate({
      target: [sourceObjects.connectionId, sourceObjects.kind, sourceObjects.externalId],
      set: { updatedAt: at },
    })
    .returning();
  if (!row) throw new Error("source object upsert returned nothing");
  return row;
}

export async function updateSourceObject(
  db: Db,
  id: number,
  changes: Partial<
    Pick<SourceObjectRow, "parentId" | "data" | "version" | "clientId" | "linkedBy" | "invoiceId" | "problem">
  > & { updatedAt: Date },
): Promise<void> {
  await db.update(sourceObjects).set(changes).where(eq(sourceObjects.id, id));
}

export async function findSourceObject(
  db: Db,
  connectionId: string,
  kind: SourceObjectKind,
  externalId: string,
): Promise<SourceObjectRow | undefined> {
  const [row] = await db
    .select()
    .from(sourceObjects)
    .where(
      and(
        eq(sourceObjects.connectionId, connectionId),
        eq(sourceObjects.kind, kind),
        eq(sourceObjects.externalId, externalId),
      ),
    );
  return row;
}

/** The credit notes of an invoice, or the invoices of a customer. */
export async function sourceChildren(
  db: Db,
  connectionId: string,
  kind: SourceObjectKind,
  parentId: string,
): Promise<SourceObjectRow[]> {
  return db
    .select()
    .from(sourceObjects)
    .where(
      and(
        eq(sourceObjects.connectionId, connectionId),
        eq(sourceObjects.kind, kind),
        eq(sourceObjects.parentId, parentId),
      ),
    )
    .orderBy(asc(sourceObjects.id));
}

/** Invoices seen but not recorded in Tact (their customer is not linked, or something stops them). */
export async function waitingInvoices(db: Db, workspaceId: number): Promise<SourceObjectRow[]> {
  return db
    .select()
    .from(sourceObjects)
    .where(
      and(
        eq(sourceObjects.workspaceId, workspaceId),
        eq(sourceObjects.kind, "invoice"),
        isNull(sourceObjects.invoiceId),
        sql`${sourceObjects.data}->>'status' is distinct from 'draft'`,
      ),
    )
    .orderBy(asc(sourceObjects.connectionId), asc(sourceObjects.parentId), asc(sourceObjects.id));
}

/** Customers of these connections, by external id. */
export async function sourceCustomers(
  db: Db,
  connectionId: string,
  externalIds: readonly string[],
): Promise<SourceObjectRow[]> {
  if (externalIds.length === 0) return [];
  return db
    .select()
    .from(sourceObjects)
    .where(
      and(
        eq(sourceObjects.connectionId, connectionId),
        eq(sourceObjects.kind, "customer"),
        inArray(sourceObjects.externalId, [...externalIds]),
      ),
    );
}

/**
 * Clients whose display name or an alias is exactly this name (case-insensitively): a
 * customer is matched only when exactly one answers.
 */
export async function clientsNamed(db: Db, workspaceId: number, name: string): Promise<{ id: number }[]> {
  const q = name.trim().toLowerCase();
  if (q === "") return [];
  return db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        eq(clients.workspaceId, workspaceId),
        sql`(lower(${clients.displayName}) = ${q} or exists (select 1 from ${clientAliases} a
          where a.client_id = ${clients.id} and a.alias = ${q}))`,
      ),
    )
    .limit(2);
}
