import { sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";

export interface PaymentLedger {
  status: string;
  /** Payments standing, and undone. */
  active: number;
  reversed: number;
  /** The sum of the payments standing (credit notes and charges left out). */
  paid: number;
}

/** An invoice's status and its payments, as undo and unpay leave them. */
export async function paymentLedger(db: Db, number: string): Promise<PaymentLedger | undefined> {
  const [row] = await queryRows<PaymentLedger>(
    db,
    sql`select i.status,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is null) as active,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is not null) as reversed,
        (select coalesce(sum(amount_minor), 0)::int from payments p
          where p.invoice_id = i.id and p.reversed_at is null and p.kind = 'payment') as paid
      from invoices i where i.number = ${number}`,
  );
  return row;
}
