import { digestInvoice, snoozeInvoice } from "../../db/queries/digest-invoices.ts";
import type { Context } from "../core/context.ts";
import { type ActionDef, actionId, defineAction } from "../core/define-action.ts";
import { reply, update } from "../core/effects.ts";
import { addDays, isValidTimeZone, localDate } from "../domain/dates.ts";
import { loadAssessments } from "../invoices/load-assessments.ts";
import { recordPayment } from "../invoices/record-payment.ts";
import { today } from "../invoices/today.ts";
import { message, textMessage } from "../messages/message.ts";
import { PAID_ACTION, SNOOZE_ACTION } from "./build-digest.ts";

const PAID_CONFIRM_ACTION = "digest-paid-ok";
const PAID_CANCEL_ACTION = "digest-paid-no";

export const SNOOZE_DAYS = 3;

/**
 * The invoice a digest or alert button names, if it is still open: ids in
 * button payloads can be forged or stale, so everything is checked again.
 */
async function openInvoice(ctx: Context, params: string[]) {
  const id = Number(params[0]);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await digestInvoice(ctx.db, ctx.workspace.id, id);
  if (row?.invoice.status !== "open") return undefined;
  return row.invoice;
}

const notFound = (ctx: Context) => [reply(textMessage(ctx.t.digest.actions.notFound))];

/**
 * "Mark paid" sits in a shared channel, one press from a payment: it first asks the person
 * who pressed it, privately, naming the invoice and the amount.
 */
export const digestPaidAction = defineAction({
  name: PAID_ACTION,
  async handler(ctx, params) {
    const invoice = await openInvoice(ctx, params);
    if (!invoice) return notFound(ctx);
    const [current] = await loadAssessments(ctx, { invoiceIds: [invoice.id], which: "all" });
    if (!current || current.outstandingMinor === 0) return notFound(ctx);
    const { t } = ctx;
    const text = t.undo.markPaid.confirm({
      number: invoice.number,
      client: current.source.client.displayName,
      amount: ctx.fmt.money(current.outstandingMinor, invoice.currency),
      date: ctx.fmt.date(today(ctx)),
    });
    return [
      reply(
        message(text)
          .text(text)
          .buttons([
            {
              id: actionId(PAID_CONFIRM_ACTION, invoice.id, current.outstandingMinor),
              label: t.undo.markPaid.confirmButton,
              style: "primary",
              role: "confirm",
            },
            { id: actionId(PAID_CANCEL_ACTION, invoice.id), label: t.undo.markPaid.cancelButton, role: "cancel" },
          ])
          .build(),
      ),
    ];
  },
});

/**
 * "Record the payment": paid in full today, as `/client paid INV-7` would, if what is unpaid
 * is still the amount the person saw (`digest-paid-ok:<invoice id>:<amount>`).
 */
export const digestPaidConfirmAction = defineAction({
  name: PAID_CONFIRM_ACTION,
  async handler(ctx, params) {
    const amount = Number(params[1]);
    const invoice = params.length === 2 && Number.isSafeInteger(amount) ? await openInvoice(ctx, params) : undefined;
    if (!invoice) return notFound(ctx);
    const effects = await recordPayment(ctx, { number: invoice.number, confirmedOutstandingMinor: amount });
    return effects.map((e) => (e.type === "reply" ? update(e.message) : e));
  },
});

/** "Cancel": nothing is recorded, and the question goes away. */
export const digestPaidCancelAction = defineAction({
  name: PAID_CANCEL_ACTION,
  async handler(ctx, params) {
    const id = Number(params[0]);
    const row = Number.isSafeInteger(id) && id > 0 ? await digestInvoice(ctx.db, ctx.workspace.id, id) : undefined;
    const number = row && (row.clientStatus !== "offboarding" || ctx.user.isOwner) ? row.invoice.number : "—";
    return [update(textMessage(ctx.t.undo.markPaid.cancelled({ number })))];
  },
});

/** "Snooze 3 days": no alert and no line in the digest for this invoice until then. */
export const digestSnoozeAction = defineAction({
  name: SNOOZE_ACTION,
  async handler(ctx, params) {
    const invoice = await openInvoice(ctx, params);
    if (!invoice) return notFound(ctx);
    const zone = isValidTimeZone(ctx.workspace.timezone) ? ctx.workspace.timezone : "UTC";
    const until = addDays(localDate(ctx.clock.now(), zone), SNOOZE_DAYS);
    await ctx.db.transaction(async (tx) => {
      await snoozeInvoice(tx, ctx.workspace.id, invoice.id, until);
      await ctx.audit(
        { action: "invoice.snoozed", subjectType: "invoice", subjectId: invoice.id, details: { until } },
        tx,
      );
    });
    return [
      reply(
        textMessage(ctx.t.digest.actions.snoozed({ number: invoice.number, date: ctx.fmt.date(addDays(until, -1)) })),
      ),
    ];
  },
});

export const digestActions: ActionDef[] = [
  digestPaidAction,
  digestPaidConfirmAction,
  digestPaidCancelAction,
  digestSnoozeAction,
];
