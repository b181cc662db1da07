import type { Db } from "../../db/database.ts";
import {
  type HistoryLine,
  type InvoiceRow,
  invoicesWithPayments,
  type PaymentLine,
  type ReminderLine,
} from "../../db/queries/open-invoices.ts";
import type { ChargeResult } from "../domain/charges/index.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { assessInvoice } from "../invoices/assess-invoice.ts";

/** One invoice of the client, with what was paid and what is still owed on it. */
export interface AccountInvoice {
  invoice: InvoiceRow;
  payments: PaymentLine[];
  /** Reminder stages recorded as sent, in the order they went. */
  reminders: ReminderLine[];
  /** Principal still unpaid (payments and credit notes deducted); 0 once paid or void. */
  outstandingMinor: number;
  daysLate: number;
  /** Interest and fees as computed by the charge engine (issue #3), settled or not. */
  charges: ChargeResult;
  /** Interest and fees still owed: 0 when none, settled or waived. */
  chargesMinor: number;
  /** Charges already paid (`/client paid INV-7 charges`). */
  chargesSettledMinor: number;
  /** Write-offs, waivers, voids and dispute outcomes, oldest first, with the amounts of their day. */
  history: HistoryLine[];
}

export interface ClientAccounts {
  invoices: AccountInvoice[];
  /** Invoices with principal or charges still owed. */
  unpaid: AccountInvoice[];
  /** Principal + charges owed, per currency. */
  owed: Map<string, number>;
}

/**
 * The client's invoices, payments and what is still owed as of `today`, through the invoice
 * engine (`invoicesWithPayments` + `assessInvoice`): one query, whatever the number of invoices.
 */
export async function clientAccounts(
  db: Db,
  workspaceId: number,
  clientId: number,
  today: string,
): Promise<ClientAccounts> {
  const rows = await invoicesWithPayments(db, { workspaceIds: [workspaceId], clientIds: [clientId], which: "all" });
  const rates = loadReferenceRates();
  const list = rows.map((row): AccountInvoice => {
    const a = assessInvoice(row, today, rates);
    return {
      invoice: row.invoice,
      payments: row.payments,
      reminders: row.reminders,
      outstandingMinor: a.outstandingMinor,
      daysLate: a.outstandingMinor > 0 ? a.charges.daysLate : 0,
      charges: a.charges,
      chargesMinor: a.chargesOwedMinor,
      chargesSettledMinor: a.chargesSettledMinor,
      history: row.history,
    };
  });
  const unpaid = list.filter((a) => a.invoice.status !== "void" && a.outstandingMinor + a.chargesMinor > 0);
  const owed = new Map<string, number>();
  for (const a of unpaid) {
    const c = a.invoice.currency;
    owed.set(c, (owed.get(c) ?? 0) + a.outstandingMinor + a.chargesMinor);
  }
  return { invoices: list, unpaid, owed };
}
