import { createHash } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { lockClientInvoices, updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";
import { type GivenUp, recordGivenUp, type Standing } from "../invoices/record-history.ts";
import { today } from "../invoices/today.ts";
import { type AccountInvoice, clientAccounts } from "./client-accounts.ts";

export interface WrittenOff extends GivenUp {
  number: string;
}

/**
 * Writes off what the client still owes, knowingly, in the wizard's transaction: the client's
 * invoices are locked, then assessed again, and written off only if they still owe exactly
 * what the owner confirmed (`confirmed`, the fingerprint of the amounts the confirmation
 * named); a payment, a credit note or a day's interest in between refuses it.
 *
 * An unpaid invoice is closed as void with its charges waived, so no reminder goes out for
 * it any more; a paid one whose charges were owed keeps its payment and has them waived.
 * Each is recorded in the invoice's history with the amounts given up, and audited: the late
 * payments, the charges that were owed and the risk they showed stay on the card and in the
 * record, marked as written off (DESIGN.md §7).
 */
export async function writeOffInvoices(
  tx: Db,
  ctx: Context,
  clientId: number,
  confirmed: string,
  offboardingId: number,
): Promise<WrittenOff[]> {
  await lockClientInvoices(tx, ctx.workspace.id, clientId);
  const { unpaid } = await clientAccounts(tx, ctx.workspace.id, clientId, today(ctx));
  if (unpaid.length === 0 || owedFingerprint(unpaid) !== confirmed) {
    throw userError("owed-changed", (t) => t.offboarding.owedChanged);
  }
  const out: WrittenOff[] = [];
  for (const a of unpaid) {
    await updateInvoice(
      tx,
      ctx.workspace.id,
      a.invoice.id,
      a.outstandingMinor > 0 ? { status: "void", chargesStatus: "waived" } : { chargesStatus: "waived" },
    );
    const given = await recordGivenUp(tx, ctx, "write-off", standingOfAccount(a), { details: { offboardingId } });
    const entry = { number: a.invoice.number, ...given };
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

export function standingOfAccount(a: AccountInvoice): Standing {
  return {
    invoiceId: a.invoice.id,
    currency: a.invoice.currency,
    outstandingMinor: a.outstandingMinor,
    charges: a.charges,
    chargesSettledMinor: a.chargesSettledMinor,
    chargesOwedMinor: a.chargesMinor,
  };
}

/**
 * What is owed, invoice by invoice, as a short fingerprint carried by the confirmation's
 * button: equal fingerprints mean the same amounts on the same invoices.
 */
export function owedFingerprint(unpaid: readonly AccountInvoice[]): string {
  const key = unpaid
    .map((a) => `${a.invoice.id}:${a.outstandingMinor}:${a.chargesMinor}`)
    .sort()
    .join(",");
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}
