import { findOffboarding } from "../../db/queries/offboardings.ts";
import type { Context } from "../core/context.ts";
import { actionId } from "../core/define-action.ts";
import { dm, type Effect, reply } from "../core/effects.ts";
import { localDate } from "../domain/dates.ts";
import { userError } from "../errors.ts";
import { parseSent, type SentInput, sentFields } from "../invoices/sent-input.ts";
import { today } from "../invoices/today.ts";
import { message, textMessage } from "../messages/message.ts";
import { changeWizard } from "./change-wizard.ts";
import { type Wizard, wizardOf } from "./wizard-record.ts";

export const LETTER_SENT_ACTION = "letter-sent";
export const LETTER_SENT_FORM = "letter-sent-form";

export type LetterKey = "why" | "next";
const isLetterKey = (value: string | undefined): value is LetterKey => value === "why" || value === "next";

/** The "I sent it" prompt under a letter just kept (step 3 or 4), to the owner only. */
export function letterSentPrompt(ctx: Context, wizard: Wizard, key: LetterKey): Effect {
  const o = ctx.t.offboarding;
  const title = key === "why" ? o.record.whyTitle : o.record.nextTitle;
  const m = message(o.letterSent.prompt({ title }))
    .text(o.letterSent.prompt({ title }))
    .buttons([{ id: actionId(LETTER_SENT_ACTION, wizard.row.id, key), label: o.letterSent.button }]);
  return dm(wizard.row.ownerUserId, m.build());
}

/**
 * The wizard behind a letter button or form: in the presser's workspace and started by the
 * presser, refused (and audited) alike otherwise, as the wizard's own buttons are.
 */
async function ownWizard(ctx: Context, params: readonly string[]): Promise<{ wizard: Wizard; key: LetterKey }> {
  const [idText = "", key] = params;
  const id = Number(idText);
  if (!/^\d{1,10}$/.test(idText) || !isLetterKey(key)) throw userError("bad-action", (t) => t.errors.unknownAction);
  const row = await findOffboarding(ctx.db, ctx.workspace.id, id);
  if (!row || row.ownerUserId !== ctx.user.id) {
    await ctx.audit({
      action: "refused.wizard",
      subjectType: "offboarding",
      subjectId: id,
      details: { why: row ? "not-the-starter" : "no-such-wizard", op: "letter-sent", input: ctx.invocation.input.kind },
    });
    throw userError("wizard-not-yours", (t) => t.offboarding.refused.press);
  }
  const wizard = wizardOf(row);
  if (!wizard.texts[key]) {
    throw userError("letter-not-kept", (t) =>
      t.offboarding.letterSent.notKept({
        title: key === "why" ? t.offboarding.record.whyTitle : t.offboarding.record.nextTitle,
      }),
    );
  }
  return { wizard, key };
}

/** `letter-sent:<offboarding id>:<why|next>`: the button opens the form (the console asks a line each). */
export async function askLetterSent(ctx: Context, params: readonly string[]): Promise<Effect[]> {
  await ownWizard(ctx, params);
  const f = ctx.t.offboarding.letterSent;
  return [
    {
      type: "form",
      form: {
        id: actionId(LETTER_SENT_FORM, ...params.slice(0, 2)),
        title: f.formTitle,
        submitLabel: ctx.t.reminders.sentForm.save,
        fields: sentFields(ctx.t, today(ctx)),
      },
    },
  ];
}

/**
 * Records when and how a kept letter went to the client. Refused with a clear message and
 * nothing written: not a date, a day in the future or before the letter was kept, no channel
 * or an unknown one. Recording it again corrects it; each time is audited.
 */
export async function recordLetterSent(ctx: Context, params: readonly string[], input: SentInput): Promise<Effect[]> {
  const { wizard, key } = await ownWizard(ctx, params);
  const letter = wizard.texts[key];
  if (!letter) throw userError("bad-action", (t) => t.errors.unknownAction);
  const kept = localDate(new Date(letter.at), ctx.workspace.timezone);
  const sent = parseSent(ctx, input, {
    today: today(ctx),
    notBefore: [{ day: kept, why: (t) => t.offboarding.letterSent.beforeKept }],
  });
  const channel = sent.channel;
  if (!channel) throw userError("sent-channel", (t) => t.offboarding.letterSent.noChannel, "channel");
  const at = ctx.clock.now().toISOString();
  const result = await changeWizard(ctx, wizard.row.id, (w) => {
    const current = w.texts[key];
    if (!current) throw userError("bad-action", (t) => t.errors.unknownAction);
    return {
      texts: { ...w.texts, [key]: { ...current, sent: { on: sent.on, channel, at } } },
      action: "offboarding.letter-sent",
      details: { letter: key, sentOn: sent.on, channel },
    };
  });
  if (!result.ok) throw userError("bad-action", (t) => t.errors.unknownAction);
  const o = ctx.t.offboarding;
  return [
    reply(
      textMessage(
        o.letterSent.recorded({
          title: key === "why" ? o.record.whyTitle : o.record.nextTitle,
          date: ctx.fmt.date(sent.on),
          via: ctx.t.reminders.sentVia({ channel: ctx.t.reminders.channels[channel] }),
        }),
      ),
    ),
  ];
}
