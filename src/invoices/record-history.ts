import type { Db } from "../../db/database.ts";
import { insertHistory } from "../../db/queries/invoice-history.ts";
import type { HistoryKind } from "../../db/schema/index.ts";
import type { Context } from "../core/context.ts";
import type { ChargeResult } from "../domain/charges/index.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";
import { today } from "./today.ts";

/** What an invoice owes on the day something is given up: what every money view computes. */
export interface Standing {
  invoiceId: number;
  currency: string;
  outstandingMinor: number;
  charges: ChargeResult;
  chargesSettledMinor: number;
  /** Charges owed that day (0 once waived or settled). */
  chargesOwedMinor: number;
}

/** The amounts given up, as recorded and audited. */
export interface GivenUp {
  kind: "write-off" | "waiver" | "void";
  on: string;
  currency: string;
  /** Principal no longer claimed (0 for a waiver). */
  principalMinor: number;
  interestMinor: number;
  feeMinor: number;
  /** Charges already paid. */
  settledMinor: number;
  /** Charges owed and given up. */
  chargesMinor: number;
  daysLate: number;
}

export function standingOf(a: InvoiceAssessment): Standing {
  return {
    invoiceId: a.source.invoice.id,
    currency: a.source.invoice.currency,
    outstandingMinor: a.outstandingMinor,
    charges: a.charges,
    chargesSettledMinor: a.chargesSettledMinor,
    chargesOwedMinor: a.chargesOwedMinor,
  };
}

/** What giving up `kind` on an invoice standing as `s` today gives up. */
export function givenUp(kind: GivenUp["kind"], on: string, s: Standing): GivenUp {
  return {
    kind,
    on,
    currency: s.currency,
    principalMinor: kind === "waiver" ? 0 : s.outstandingMinor,
    interestMinor: s.charges.interestMinor,
    feeMinor: s.charges.fee?.minor ?? 0,
    settledMinor: s.chargesSettledMinor,
    chargesMinor: s.chargesOwedMinor,
    daysLate: s.charges.daysLate,
  };
}

/**
 * Records a write-off, waiver or void in the invoice's history, in the caller's transaction
 * (the one holding the invoice's lock), with the amounts as they stand and the charges as
 * computed today, so the card and the record can show later what was owed and how.
 */
export async function recordGivenUp(
  tx: Db,
  ctx: Context,
  kind: GivenUp["kind"],
  s: Standing,
  extra: { note?: string | undefined; details?: Record<string, unknown> } = {},
): Promise<GivenUp> {
  const g = givenUp(kind, today(ctx), s);
  await insertHistory(tx, {
    workspaceId: ctx.workspace.id,
    invoiceId: s.invoiceId,
    ...historyAmounts(g),
    details: { ...extra.details, charges: s.charges },
    note: extra.note ?? null,
    recordedBy: ctx.user.id,
    recordedAt: ctx.clock.now(),
  });
  return g;
}

function historyAmounts(g: GivenUp): {
  kind: HistoryKind;
  onDay: string;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  feeMinor: number;
  settledMinor: number;
  chargesMinor: number;
  daysLate: number;
} {
  const { on, ...rest } = g;
  return { ...rest, onDay: on };
}
