import { insertHistory } from "../../db/queries/invoice-history.ts";
import { findInvoiceById, updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { actionId, defineAction } from "../core/define-action.ts";
import { type Effect, reply, update } from "../core/effects.ts";
import { formatPause, parsePauses } from "../domain/charges/index.ts";
import { daysBetween } from "../domain/dates.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { userError } from "../errors.ts";
import { message, textMessage } from "../messages/message.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";
import { changeInvoice } from "./change-invoice.ts";
import { loadAssessments } from "./load-assessments.ts";
import { requireInvoice } from "./require-invoice.ts";
import { today } from "./today.ts";

export const disputeOutcomes = ["upheld", "not-upheld"] as const;
export type DisputeOutcome = (typeof disputeOutcomes)[number];

/** The question's buttons: `resume:<invoiceId>:<disputed since>:<outcome>`. */
export const RESUME_ACTION = "resume";

/** What a dispute's days are worth: the charges with them paused, and without. */
interface PausedDays {
  since: string;
  days: number;
  /** Interest (and a fee the pause held back) that is owed again if the dispute was not upheld. */
  interestMinor: number;
  feeMinor: number;
}

/**
 * `/client resume INV-7 [upheld|not-upheld]` ends a dispute. Without the outcome, it asks:
 * under L441-10 (and the other statutes), late-payment interest runs from the due date, so a
 * dispute that was not upheld owes the interest of its days again; one that was upheld keeps
 * them free of interest. Nothing changes until the outcome is given, typed or by a button.
 */
export async function resumeInvoice(
  ctx: Context,
  number: string,
  outcome: DisputeOutcome | undefined,
): Promise<Effect[]> {
  const { invoice } = await requireInvoice(ctx, number);
  if (outcome) return [reply(await resolveDispute(ctx, invoice, outcome, undefined))];
  const a = (await loadAssessments(ctx, { invoiceIds: [invoice.id], which: "all" }))[0];
  if (!a?.source.invoice.disputedSince) {
    throw userError("not-disputed", (t) => t.invoices.errors.notDisputed({ number: invoice.number }));
  }
  return [reply(question(ctx, a, pausedDays(a, today(ctx))))];
}

/** The question's buttons. The dispute's first day is in the id: a button of an earlier dispute does nothing. */
export const resumeAction = defineAction({
  name: RESUME_ACTION,
  async handler(ctx, params) {
    const [idText, since = "", outcomeText] = params;
    const id = Number(idText);
    const outcome = disputeOutcomes.find((o) => o === outcomeText);
    const invoice =
      Number.isSafeInteger(id) && id > 0 ? await findInvoiceById(ctx.db, ctx.workspace.id, id) : undefined;
    if (!invoice || !outcome || !/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      throw userError("bad-action", (t) => t.errors.unknownAction);
    }
    return [update(await resolveDispute(ctx, invoice, outcome, since))];
  },
});

/**
 * Ends the dispute under the invoice's lock: upheld, its days join the invoice's pauses (no
 * interest, no reminders counted on them); not upheld, they do not, and their interest is owed
 * again. Recorded in the invoice's history with the amount, and audited.
 */
async function resolveDispute(
  ctx: Context,
  found: { id: number; number: string },
  outcome: DisputeOutcome,
  since: string | undefined,
) {
  const day = today(ctx);
  const { t, fmt } = ctx;
  const done = await changeInvoice(ctx, found, async (tx, current) => {
    const invoice = current.source.invoice;
    const from = invoice.disputedSince;
    if (!from || (since !== undefined && since !== from)) {
      throw userError("not-disputed", (t) => t.invoices.errors.notDisputed({ number: invoice.number }));
    }
    const paused = pausedDays(current, day);
    const pauses = parsePauses(invoice.pauses).map(formatPause);
    if (outcome === "upheld" && from < day) pauses.push(formatPause({ from, to: day }));
    await updateInvoice(tx, ctx.workspace.id, invoice.id, { disputedSince: null, pauses });
    const amounts = { interestMinor: paused.interestMinor, feeMinor: paused.feeMinor };
    await insertHistory(tx, {
      workspaceId: ctx.workspace.id,
      invoiceId: invoice.id,
      kind: outcome === "upheld" ? "dispute-upheld" : "dispute-not-upheld",
      onDay: day,
      currency: invoice.currency,
      ...amounts,
      daysLate: current.charges.daysLate,
      details: {
        from,
        until: day,
        days: paused.days,
        ...(invoice.disputeNote ? { dispute: invoice.disputeNote } : {}),
      },
      recordedBy: ctx.user.id,
      recordedAt: ctx.clock.now(),
    });
    await ctx.audit(
      {
        action: "invoice.resumed",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: {
          number: invoice.number,
          from,
          to: day,
          days: paused.days,
          outcome,
          ...amounts,
          currency: invoice.currency,
        },
      },
      tx,
    );
    return { a: current, paused };
  });
  const { a, paused } = done;
  const p = {
    number: a.source.invoice.number,
    client: a.source.client.displayName,
    days: paused.days,
    interest: fmt.money(paused.interestMinor, a.source.invoice.currency),
    fee: paused.feeMinor > 0 ? fmt.money(paused.feeMinor, a.source.invoice.currency) : null,
    reference: a.charges.law === "none" ? null : t.invoices.charges.references[`${a.charges.law}-interest`],
  };
  return textMessage(outcome === "upheld" ? t.invoices.resume.upheld(p) : t.invoices.resume.notUpheld(p));
}

/**
 * The dispute's days, from its first to yesterday (today is charged again either way), and
 * what they hold back: the charges with those days paused, against the charges without.
 */
function pausedDays(a: InvoiceAssessment, day: string): PausedDays {
  const invoice = a.source.invoice;
  const since = invoice.disputedSince ?? day;
  const rates = loadReferenceRates();
  const charges = (pauses: string[]) =>
    assessInvoice({ ...a.source, invoice: { ...invoice, disputedSince: null, pauses } }, day, rates).charges;
  const without = charges(invoice.pauses);
  const paused = since < day ? charges([...invoice.pauses, formatPause({ from: since, to: day })]) : without;
  return {
    since,
    days: Math.max(0, daysBetween(since, day)),
    interestMinor: Math.max(0, without.interestMinor - paused.interestMinor),
    feeMinor: Math.max(0, (without.fee?.minor ?? 0) - (paused.fee?.minor ?? 0)),
  };
}

function question(ctx: Context, a: InvoiceAssessment, paused: PausedDays) {
  const { t, fmt } = ctx;
  const inv = a.source.invoice;
  const q = t.invoices.resume;
  const p = {
    number: inv.number,
    client: a.source.client.displayName,
    since: fmt.date(paused.since),
    days: paused.days,
    interest: fmt.money(paused.interestMinor, inv.currency),
    fee: paused.feeMinor > 0 ? fmt.money(paused.feeMinor, inv.currency) : null,
    reference: a.charges.law === "none" ? null : t.invoices.charges.references[`${a.charges.law}-interest`],
  };
  const text = q.question(p);
  const id = (outcome: DisputeOutcome) => actionId(RESUME_ACTION, inv.id, paused.since, outcome);
  return message(text)
    .text(text)
    .text([`• ${q.ifNotUpheld(p)}`, `• ${q.ifUpheld(p)}`].join("\n"))
    .context(q.typed({ number: inv.number }))
    .buttons([
      { id: id("not-upheld"), label: q.buttons.notUpheld, style: "primary" },
      { id: id("upheld"), label: q.buttons.upheld },
    ])
    .build();
}
