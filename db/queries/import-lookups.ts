import { eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { queryRows } from "../query-rows.ts";
import { clientAliases, clients } from "../schema/index.ts";
import type { ClientRow } from "./clients.ts";
import { normalizeNumber } from "./invoices.ts";

/** Every client of a workspace and its aliases, in two queries, for checking a whole file at once. */
export async function clientsWithAliases(
  db: Db,
  workspaceId: number,
): Promise<{ clients: ClientRow[]; aliases: { clientId: number; alias: string }[] }> {
  const [rows, aliases] = await Promise.all([
    db.select().from(clients).where(eq(clients.workspaceId, workspaceId)).orderBy(clients.id),
    db
      .select({ clientId: clientAliases.clientId, alias: clientAliases.alias })
      .from(clientAliases)
      .where(eq(clientAliases.workspaceId, workspaceId)),
  ]);
  return { clients: rows, aliases };
}

/**
 * Which of these invoice numbers the workspace already has, as written there (keyed by the
 * normalised number). 10,000 numbers a query, however many are asked.
 */
export async function existingInvoiceNumbers(
  db: Db,
  workspaceId: number,
  numbers: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const wanted = [...new Set(numbers.map(normalizeNumber))];
  for (let i = 0; i < wanted.length; i += 10_000) {
    const chunk = JSON.stringify(wanted.slice(i, i + 10_000));
    const rows = await queryRows<{ number: string }>(
      db,
      sql`select number from invoices where workspace_id = ${workspaceId}
            and lower(number) in (select jsonb_array_elements_text(${chunk}::jsonb))`,
    );
    for (const row of rows) found.set(normalizeNumber(row.number), row.number);
  }
  return found;
}
