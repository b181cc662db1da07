import { defineAction } from "../core/define-action.ts";
import { userError } from "../errors.ts";
import {
  askReminderSent,
  draftReminder,
  REMIND_ACTION,
  REMINDED_ACTION,
  REMINDED_FORM,
  recordReminder,
} from "./remind-invoice.ts";

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

/** `reminded:<invoiceId>:<stage>`: the "I sent it" button under a draft opens the form. */
export const remindedAction = defineAction({
  name: REMINDED_ACTION,
  handler: (ctx, params) => askReminderSent(ctx, invoiceId(params[0]), params[1] ?? ""),
});

/** `reminded-form:<invoiceId>:<stage>` with `date` and `channel`: records the stage as sent then. */
export const remindedFormAction = defineAction({
  name: REMINDED_FORM,
  handler: (ctx, params, values = {}) =>
    recordReminder(ctx, invoiceId(params[0]), params[1] ?? "", undefined, {
      on: values.date ?? "",
      via: values.channel ?? "",
    }),
});
