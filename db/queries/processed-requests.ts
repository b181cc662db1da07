import { lt } from "drizzle-orm";
import type { Db } from "../database.ts";
import { processedRequests } from "../schema/index.ts";

/** Forgets request ids older than `before`; platforms only resend within minutes. */
export async function pruneProcessedRequests(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(processedRequests)
    .where(lt(processedRequests.at, before))
    .returning({ key: processedRequests.key });
  return rows.length;
}
