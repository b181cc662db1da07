import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { invoices } from "../../db/schema/index.ts";
import type { Context } from "../core/context.ts";
import type { AccountInvoice } from "./client-accounts.ts";

export interface WrittenOff {
  number: string;
  currency: string;
  principalMinor: number;
  chargesMinor: number;
}

/**
 * Writes off what the client still owes, knowingly: each unpaid invoice is closed as void
 * with its charges waived, so no reminder goes out for it any more. Each one is audited
 * with the amounts given up, so the record says what was written off and when.
 */
export async function writeOffInvoices(
  tx: Db,
  ctx: Context,
  unpaid: readonly AccountInvoice[],
  offboardingId: number,
): Promise<WrittenOff[]> {
  if (unpaid.length === 0) return [];
  await tx
    .update(invoices)
    .set({ status: "void", chargesStatus: "waived" })
    .where(
      and(
        eq(invoices.workspaceId, ctx.workspace.id),
        inArray(
          invoices.id,
          unpaid.map((a) => a.invoice.id),
        ),
      ),
    );
  const out: WrittenOff[] = [];
  for (const a of unpaid) {
    const entry = {
      number: a.invoice.number,
      currency: a.invoice.currency,
      principalMinor: a.outstandingMinor,
      chargesMinor: a.chargesMinor,
    };
    out.push(entry);
    await ctx.audit(
      {
        action: "invoice.written-off",
        subjectType: "invoice",
        subjectId: a.invoice.id,
        details: { ...entry, offboardingId },
      },
      tx,
    );
  }
  return out;
}
