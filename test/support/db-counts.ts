import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";

/** Row counts of the tables a command may write, to prove that nothing was written. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from clients) as clients,
      (select count(*)::int from client_aliases) as aliases,
      (select count(*)::int from incidents) as incidents,
      (select count(*)::int from incidents where withdrawn_at is not null) as withdrawn,
      (select count(*)::int from invoices) as invoices,
      (select count(*)::int from payments) as payments,
      (select count(*)::int from offboardings) as offboardings`,
  );
  return row ?? {};
}

/** How many rows of `table` match `where` (SQL). */
export async function rowCount(db: Db, table: string, where = "true"): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return Number(row?.n);
}
