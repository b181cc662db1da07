import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { lockClientInvoices } from "../../db/queries/invoices.ts";
import { invoices } from "../../db/schema/index.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";
import { today } from "../invoices/today.ts";
import { type AccountInvoice, clientAccounts } from "./client-accounts.ts";

export interface WrittenOff {
  number: string;
  currency: string;
  principalMinor: number;
  chargesMinor: number;
}

/**
 * Writes off what the client still owes, knowingly, in the wizard's transaction: the client's
 * invoices are locked, then assessed again, and written off only if they still owe exactly
 * what the owner was shown (`shown`); a payment or credit note recorded in between refuses it.
 * Each unpaid invoice is closed as void with its charges waived, so no reminder goes out for
 * it any more, and audited with the amounts given up.
 */
export async function writeOffInvoices(
  tx: Db,
  ctx: Context,
  clientId: number,
  shown: readonly AccountInvoice[],
  offboardingId: number,
): Promise<WrittenOff[]> {
  await lockClientInvoices(tx, ctx.workspace.id, clientId);
  const { unpaid } = await clientAccounts(tx, ctx.workspace.id, clientId, today(ctx));
  if (owedKey(unpaid) !== owedKey(shown)) throw userError("owed-changed", (t) => t.offboarding.owedChanged);
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

/** What is owed, invoice by invoice: equal keys mean the same amounts on the same invoices. */
export function owedKey(unpaid: readonly AccountInvoice[]): string {
  return unpaid
    .map((a) => `${a.invoice.id}:${a.outstandingMinor}:${a.chargesMinor}`)
    .sort()
    .join(",");
}
