import type { Context } from "../core/context.ts";
import { isIsoDate } from "../domain/dates.ts";
import { parseSentChannel, type SentChannel } from "../domain/sent-channels.ts";
import { userError } from "../errors.ts";
import type { Catalog } from "../messages/catalog.ts";

/** When and how something went to the client, as typed (a form, or `on …` / `via …`). */
export interface SentInput {
  on?: string | undefined;
  via?: string | undefined;
}

export interface SentRule {
  today: string;
  /** Days it cannot be before, each with why (the letter was drafted, the invoice fell due…). */
  notBefore: readonly { day: string; why: (t: Catalog) => string }[];
}

/**
 * The day it was sent (today when not given) and how (null when not said). Refused with a
 * clear message, nothing written: not a date, in the future, before what it follows, or an
 * unknown channel.
 */
export function parseSent(ctx: Context, input: SentInput, rule: SentRule): { on: string; channel: SentChannel | null } {
  const typed = input.on?.trim() ?? "";
  const on = typed === "" ? rule.today : typed;
  if (!isIsoDate(on)) throw userError("sent-date", (t) => t.reminders.sentDate({ value: on }), "date");
  if (on > rule.today) {
    throw userError("sent-future", (t) => t.reminders.sentFuture({ date: ctx.fmt.date(on) }), "date");
  }
  for (const limit of rule.notBefore) {
    if (on < limit.day) {
      throw userError(
        "sent-before",
        (t) => t.reminders.sentBefore({ date: ctx.fmt.date(on), earliest: ctx.fmt.date(limit.day), why: limit.why(t) }),
        "date",
      );
    }
  }
  const via = input.via?.trim() ?? "";
  if (via === "") return { on, channel: null };
  const channel = parseSentChannel(via);
  if (!channel) throw userError("sent-channel", (t) => t.reminders.sentChannel({ value: via }), "channel");
  return { on, channel };
}

/** The form asking when and how: the day (today to start with) and the channel, both required. */
export function sentFields(t: Catalog, today: string) {
  return [
    { id: "date", label: t.reminders.sentForm.date, multiline: false, required: true, initial: today, maxLength: 10 },
    {
      id: "channel",
      label: t.reminders.sentForm.channel,
      multiline: false,
      required: true,
      maxLength: 40,
      choices: (["email", "post", "registered"] as const).map((value) => ({
        value,
        label: t.reminders.channels[value],
      })),
    },
  ];
}
