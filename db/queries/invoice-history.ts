import type { Db } from "../database.ts";
import { invoiceHistory } from "../schema/index.ts";

export type NewHistory = typeof invoiceHistory.$inferInsert;

/** Records what was decided about an invoice's money (append-only). */
export async function insertHistory(db: Db, values: NewHistory): Promise<void> {
  await db.insert(invoiceHistory).values(values);
}
