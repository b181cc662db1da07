import { defineAction } from "../../core/define-action.ts";
import { userError } from "../../errors.ts";
import { draftReminder, REMIND_ACTION, REMINDED_ACTION, recordReminder } from "../../invoices/remind-invoice.ts";

function invoiceId(param: string | undefined): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) throw userError("bad-action", (t) => t.errors.unknownAction);
  return id;
}

/** `remind:<invoiceId>`: drafts the reminder for the invoice's current stage (digest and alert buttons). */
export const remindAction = defineAction({
  name: REMIND_ACTION,
  handler: (ctx, params) => draftReminder(ctx, invoiceId(params[0])),
});

/** `reminded:<invoiceId>:<stage>`: the Mark as sent button under a draft. */
export const remindedAction = defineAction({
  name: REMINDED_ACTION,
  handler: (ctx, params) => recordReminder(ctx, invoiceId(params[0]), params[1] ?? ""),
});
