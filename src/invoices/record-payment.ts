import type { Db } from "../../db/database.ts";
import { insertPayment, updateInvoice } from "../../db/queries/invoices.ts";
import type { InvoiceWithPayments, PaymentLine } from "../../db/queries/open-invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";
import { changeInvoice } from "./change-invoice.ts";
import { explainCharges } from "./explain-charges.ts";
import { dayOptions, parseDay, parseMoney } from "./parse-inputs.ts";
import { refuseSynced } from "./refuse-synced.ts";
import { requireInvoice } from "./require-invoice.ts";
import { today } from "./today.ts";

export interface PaymentInput {
  number: string;
  /** An amount, or `charges` to record late-payment charges as paid. */
  what?: string | undefined;
  /** The amount of charges paid, after `charges`. */
  amount?: string | undefined;
  on?: string | undefined;
  /**
   * The unpaid amount the person confirmed (the digest's Mark paid): checked under the lock,
   * so a payment recorded meanwhile makes this one refused rather than a different amount.
   */
  confirmedOutstandingMinor?: number | undefined;
}

/**
 * `/client paid INV-7 [amount] [on date]`: a full or partial payment. What exceeds the
 * unpaid principal goes to the late-payment charges; more than both is refused.
 * `/client paid INV-7 charges [amount]` records charges paid.
 */
export async function recordPayment(ctx: Context, input: PaymentInput): Promise<Effect[]> {
  if (input.what?.toLowerCase() === "charges") return settleCharges(ctx, input);
  if (input.amount !== undefined) throw userError("charges-and-amount", (t) => t.invoices.errors.chargesAndAmount);
  const { invoice, paidOn } = await prepare(ctx, input.number, input.on, "payment");
  const { t, fmt } = ctx;
  const money = (minor: number) => fmt.money(minor, invoice.currency);
  const typed = input.what === undefined ? undefined : parseMoney(input.what, invoice.currency, invoice.number).minor;
  const done = await changeInvoice(ctx, invoice, async (tx, current) => {
    refuseClosed(current);
    // Charges as they stand on the day of payment (never in the future; interest stops with the full payment).
    const atPayment = assessInvoice(current.source, paidOn, loadReferenceRates());
    const outstanding = current.outstandingMinor;
    const chargesOwed = current.chargesWaived ? 0 : atPayment.chargesOwedMinor;
    if (outstanding === 0) {
      throw userError("already-paid", (t) =>
        current.chargesOwedMinor > 0
          ? t.invoices.errors.alreadyPaidCharges({ number: invoice.number, charges: money(current.chargesOwedMinor) })
          : t.invoices.errors.alreadyPaid({ number: invoice.number }),
      );
    }
    const confirmed = input.confirmedOutstandingMinor;
    if (confirmed !== undefined && confirmed !== outstanding) {
      throw userError("outstanding-changed", (t) =>
        t.undo.markPaid.changed({ number: invoice.number, amount: money(outstanding) }),
      );
    }
    const amount = typed ?? outstanding;
    if (amount > outstanding + chargesOwed) {
      throw userError("overpaid", (t) =>
        t.invoices.errors.overpaid({
          amount: money(amount),
          number: invoice.number,
          owed: chargesOwed > 0 ? `${money(outstanding)} + ${money(chargesOwed)}` : money(outstanding),
        }),
      );
    }
    const principal = Math.min(amount, outstanding);
    const charges = amount - principal;
    const added: NewLine[] = [{ kind: "payment", amountMinor: principal, paidOn }];
    if (charges > 0) added.push({ kind: "charges", amountMinor: charges, paidOn });
    const after = await applyPaymentLines(tx, ctx, current, added, "invoice.paid");
    return { after, amount, principal, charges };
  });

  const lines = [
    t.invoices.paymentRecorded({
      amount: money(done.amount),
      number: invoice.number,
      client: done.after.source.client.displayName,
      date: fmt.date(paidOn),
    }),
  ];
  if (done.charges > 0) {
    lines.push(t.invoices.paymentSplit({ principal: money(done.principal), charges: money(done.charges) }));
  }
  return [reply(balanceMessage(ctx, done.after, lines))];
}

/** `/client paid INV-7 charges [amount] [on date]`. */
async function settleCharges(ctx: Context, input: PaymentInput): Promise<Effect[]> {
  const { invoice, paidOn } = await prepare(ctx, input.number, input.on);
  const money = (minor: number) => ctx.fmt.money(minor, invoice.currency);
  const typed =
    input.amount === undefined ? undefined : parseMoney(input.amount, invoice.currency, invoice.number).minor;
  const { after, amount } = await changeInvoice(ctx, invoice, async (tx, current) => {
    refuseClosed(current);
    if (current.chargesWaived) {
      throw userError("charges-waived", (t) => t.invoices.errors.chargesWaived({ number: invoice.number }));
    }
    const owed = current.chargesOwedMinor;
    if (owed === 0) throw userError("no-charges", (t) => t.invoices.errors.noCharges({ number: invoice.number }));
    const amount = typed ?? owed;
    if (amount > owed) {
      throw userError("overpaid", (t) =>
        t.invoices.errors.overpaid({ amount: money(amount), number: invoice.number, owed: money(owed) }),
      );
    }
    const lines: NewLine[] = [{ kind: "charges", amountMinor: amount, paidOn }];
    return { after: await applyPaymentLines(tx, ctx, current, lines, "invoice.charges-paid"), amount };
  });
  const line = ctx.t.invoices.chargesPaid({
    amount: money(amount),
    number: invoice.number,
    client: after.source.client.displayName,
  });
  return [reply(balanceMessage(ctx, after, [line], { chargesOnly: true }))];
}

/** `/client credit INV-7 100 [on date]`: a credit note lowers the unpaid principal from its day. */
export async function recordCredit(ctx: Context, input: { number: string; amount: string; on?: string | undefined }) {
  const { invoice, paidOn } = await prepare(ctx, input.number, input.on, "payment");
  const money = (minor: number) => ctx.fmt.money(minor, invoice.currency);
  const amount = parseMoney(input.amount, invoice.currency, invoice.number).minor;
  const after = await changeInvoice(ctx, invoice, async (tx, current) => {
    refuseClosed(current);
    if (current.outstandingMinor === 0) {
      throw userError("already-paid", (t) => t.invoices.errors.alreadyPaid({ number: invoice.number }));
    }
    if (amount > current.outstandingMinor) {
      throw userError("over-credited", (t) =>
        t.invoices.errors.overCredited({
          amount: money(amount),
          number: invoice.number,
          outstanding: money(current.outstandingMinor),
        }),
      );
    }
    return applyPaymentLines(tx, ctx, current, [{ kind: "credit", amountMinor: amount, paidOn }], "invoice.credited");
  });
  const line = ctx.t.invoices.creditRecorded({
    amount: money(amount),
    number: invoice.number,
    client: after.source.client.displayName,
    date: ctx.fmt.date(paidOn),
  });
  return [reply(balanceMessage(ctx, after, [line]))];
}

/** A line to add; a synced one carries its source and the source's key for it. */
export type NewLine = Pick<PaymentLine, "kind" | "amountMinor" | "paidOn"> & {
  source?: string | undefined;
  externalId?: string | undefined;
};

/** The invoice named and the day of the payment, checked before anything is locked. */
async function prepare(ctx: Context, number: string, on: string | undefined, what: "payment" | "charges" = "charges") {
  const { invoice } = await requireInvoice(ctx, number);
  // The source is the truth for what was paid and credited: the charges are Tact's own.
  if (what === "payment") refuseSynced(ctx, invoice);
  const paidOn = on ? parseDay(on, "on", dayOptions(ctx)) : today(ctx);
  if (paidOn > today(ctx)) {
    throw userError("future-payment", (t) => t.invoices.errors.futurePayment({ date: ctx.fmt.date(paidOn) }));
  }
  return { invoice, paidOn };
}

/** Nothing is recorded against a void invoice (checked under the lock: a void may have just landed). */
function refuseClosed(current: InvoiceAssessment): void {
  const invoice = current.source.invoice;
  if (invoice.status === "void") {
    throw userError("invoice-void", (t) => t.invoices.errors.isVoid({ number: invoice.number }));
  }
}

/**
 * Writes the payments and the invoice's new state, in the caller's transaction (the invoice
 * locked), the state decided by assessing the invoice as it will be: paid once no principal
 * is left, charges settled once none are owed on a paid invoice. `/client paid|credit` and
 * the invoice sources both pay through it.
 */
export async function applyPaymentLines(
  tx: Db,
  ctx: Context,
  current: InvoiceAssessment,
  added: NewLine[],
  action: string,
  auditDetails: Record<string, unknown> = {},
): Promise<InvoiceAssessment> {
  const row = current.source;
  const recordedBy = ctx.user.id;
  const hypothetical: InvoiceWithPayments = {
    ...row,
    payments: [...row.payments, ...added.map((p, i) => ({ ...p, id: -1 - i, recordedBy }))],
  };
  const paid = assessInvoice(hypothetical, today(ctx), loadReferenceRates());
  const status = paid.outstandingMinor === 0 ? "paid" : "open";
  const chargesStatus =
    row.invoice.chargesStatus === "waived"
      ? "waived"
      : status === "paid" && paid.chargesOwedMinor === 0
        ? "settled"
        : "open";
  const changes = { status, chargesStatus, chargesSettledMinor: paid.chargesSettledMinor } as const;
  const paymentIds: number[] = [];
  for (const p of added) {
    const inserted = await insertPayment(tx, {
      workspaceId: ctx.workspace.id,
      invoiceId: row.invoice.id,
      kind: p.kind,
      amountMinor: p.amountMinor,
      paidOn: p.paidOn,
      recordedBy,
      source: p.source ?? null,
      externalId: p.externalId ?? null,
      createdAt: ctx.clock.now(),
    });
    paymentIds.push(inserted.id);
  }
  await updateInvoice(tx, ctx.workspace.id, row.invoice.id, changes);
  await ctx.audit(
    {
      action,
      subjectType: "invoice",
      subjectId: row.invoice.id,
      details: {
        number: row.invoice.number,
        lines: added.map((p) => ({ kind: p.kind, amountMinor: p.amountMinor, paidOn: p.paidOn })),
        // What `/client undo` takes back.
        paymentIds,
        status,
        chargesStatus,
        ...auditDetails,
      },
    },
    tx,
  );
  return assessInvoice({ ...hypothetical, invoice: { ...row.invoice, ...changes } }, today(ctx), loadReferenceRates());
}

/** The confirmation, then where the invoice stands: unpaid, paid (late), charges still owed and how. */
function balanceMessage(ctx: Context, a: InvoiceAssessment, lines: string[], options = { chargesOnly: false }) {
  const { t, fmt } = ctx;
  const invoice = a.source.invoice;
  const money = (minor: number) => fmt.money(minor, invoice.currency);
  const out = [...lines];
  if (options.chargesOnly) {
    // Only the charges changed: say where they stand.
  } else if (a.outstandingMinor > 0) out.push(t.invoices.stillUnpaid({ amount: money(a.outstandingMinor) }));
  else if (a.charges.daysLate > 0) out.push(t.invoices.paidInFullLate({ days: a.charges.daysLate }));
  else out.push(t.invoices.paidInFull);
  const text = out.join(" ");
  const m = message(text).text(text);
  if (a.chargesOwedMinor > 0) {
    const owed = t.invoices.chargesStillOwed({ charges: money(a.chargesOwedMinor), number: invoice.number });
    const settled =
      a.outstandingMinor === 0 ? owed : t.invoices.chargesRemaining({ amount: money(a.chargesOwedMinor) });
    m.text(
      [
        settled,
        ...explainCharges(a.charges, a.chargesSettledMinor, t, fmt, a.source.client.slug).map((l) => `• ${l}`),
      ].join("\n"),
    );
  } else if (a.chargesSettledMinor > 0 && (a.outstandingMinor === 0 || options.chargesOnly)) {
    m.text(t.invoices.chargesSettled);
  }
  return m.build();
}
