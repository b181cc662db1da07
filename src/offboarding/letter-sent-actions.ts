import { defineAction } from "../core/define-action.ts";
import { askLetterSent, LETTER_SENT_ACTION, LETTER_SENT_FORM, recordLetterSent } from "./letter-sent.ts";

/** `letter-sent:<offboarding id>:<why|next>`: "I sent it" under a kept letter opens the form. */
export const letterSentAction = defineAction({
  name: LETTER_SENT_ACTION,
  handler: (ctx, params) => askLetterSent(ctx, params),
});

/** `letter-sent-form:<offboarding id>:<why|next>` with `date` and `channel`: records when and how it went. */
export const letterSentFormAction = defineAction({
  name: LETTER_SENT_FORM,
  handler: (ctx, params, values = {}) =>
    recordLetterSent(ctx, params, { on: values.date ?? "", via: values.channel ?? "" }),
});
