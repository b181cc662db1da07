import type { InvoiceWithPayments } from "../../db/queries/open-invoices.ts";
import { type ChargeResult, computeCharges, parsePauses, resolveTerms, type Terms } from "../domain/charges/index.ts";
import type { RateTable } from "../domain/reference-rates.ts";
import { planStages, type SentStage, type StageInput, type StagePlan } from "../domain/stages.ts";

/** Everything anyone shows about one invoice on one day: balance, charges, reminder stage. */
export interface InvoiceAssessment {
  source: InvoiceWithPayments;
  terms: Terms;
  /** Principal still unpaid (amount − payments − credit notes). */
  outstandingMinor: number;
  paidMinor: number;
  creditedMinor: number;
  charges: ChargeResult;
  /** Charges paid with `/client paid INV-7 charges`. */
  chargesSettledMinor: number;
  /** Charges still owed: 0 when waived or settled. */
  chargesOwedMinor: number;
  chargesWaived: boolean;
  /** Principal unpaid past the due date. */
  overdue: boolean;
  stage: StagePlan;
  /** What `stage` was planned from, to plan again with other stages sent. */
  stageInput: StageInput;
}

/** The invoice's stages as they would stand with these stages sent instead. */
export function replanStages(a: InvoiceAssessment, sent: readonly SentStage[]): StagePlan {
  return planStages({ ...a.stageInput, sent });
}

/**
 * Assesses an invoice from a `invoicesWithPayments` row on `today` (the workspace's local
 * day). Pure: the caller loads rows in bulk and rates once (`loadReferenceRates()`).
 */
export function assessInvoice(row: InvoiceWithPayments, today: string, rates: RateTable): InvoiceAssessment {
  const { invoice, payments } = row;
  const { terms } = resolveTerms(row.workspace.defaultTerms, row.client);
  const sum = (kind: string) => payments.filter((p) => p.kind === kind).reduce((n, p) => n + p.amountMinor, 0);
  const paidMinor = sum("payment");
  const creditedMinor = sum("credit");
  const chargesSettledMinor = sum("charges");
  const outstandingMinor = invoice.status === "void" ? 0 : Math.max(0, invoice.amountMinor - paidMinor - creditedMinor);
  const charges = computeCharges({
    invoice: {
      amountMinor: invoice.amountMinor,
      currency: invoice.currency,
      dueOn: invoice.dueOn,
      status: invoice.status,
      pauses: parsePauses(invoice.pauses),
      disputedSince: invoice.disputedSince,
    },
    payments,
    terms,
    asOf: today,
    rates,
  });
  const chargesWaived = invoice.chargesStatus === "waived";
  // A paid invoice whose charges were settled stays settled, even if the terms change later.
  const closed = invoice.status === "void" || (invoice.status === "paid" && invoice.chargesStatus === "settled");
  const chargesOwedMinor = chargesWaived || closed ? 0 : Math.max(0, charges.totalMinor - chargesSettledMinor);
  const open = invoice.status === "open" && outstandingMinor > 0;
  const stageInput: StageInput = {
    dueOn: invoice.dueOn,
    today,
    stages: terms.stages,
    hosted: terms.hosted,
    sent: row.reminders,
    open,
    disputed: invoice.disputedSince !== null,
    pauses: parsePauses(invoice.pauses),
    snoozedUntil: invoice.snoozedUntil,
  };
  const stage = planStages(stageInput);
  return {
    source: row,
    terms,
    outstandingMinor,
    paidMinor,
    creditedMinor,
    charges,
    chargesSettledMinor,
    chargesOwedMinor,
    chargesWaived,
    overdue: open && invoice.dueOn < today,
    stage,
    stageInput,
  };
}
