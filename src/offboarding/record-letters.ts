import { STEP_COUNT, stepKey } from "../domain/wizard/wizard-steps.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import { isLocale } from "../messages/locale.ts";
import type { RecordBuilder } from "./record-document.ts";
import type { NameOf } from "./render-record.ts";
import type { LetterRecord, Wizard } from "./wizard-record.ts";

/** Both letters of the latest wizard that has them: when and how each was kept, then its text. */
export function renderLetters(b: RecordBuilder, t: Catalog, fmt: Formatter, wizards: readonly Wizard[]): void {
  const r = t.offboarding.record;
  const withLetters = wizards.find((w) => w.texts.why || w.texts.next);
  b.heading(r.letters);
  for (const [title, letter] of [
    [r.whyTitle, withLetters?.texts.why],
    [r.nextTitle, withLetters?.texts.next],
  ] as const) {
    b.heading(title, 3);
    if (!letter) {
      b.paragraph(r.notWritten);
      continue;
    }
    b.paragraph(letterMeta(t, fmt, letter), true);
    b.paragraph(letterSentMeta(t, fmt, letter), true);
    b.quote(letter.text.split("\n"));
  }
}

/** How a letter was kept: drafted by Tact or the owner's own, when, in which language. */
export function letterMeta(t: Catalog, fmt: Formatter, letter: LetterRecord): string {
  const language = isLocale(letter.language) ? t.offboarding.languages[letter.language] : letter.language;
  return t.offboarding.record.letterMeta({
    date: fmt.dateTime(new Date(letter.at)),
    own: letter.source === "own",
    language,
  });
}

/** When and how the owner says the letter went to the client, or that it was not said. */
export function letterSentMeta(t: Catalog, fmt: Formatter, letter: LetterRecord): string {
  const r = t.offboarding.record;
  if (!letter.sent) return r.letterNotSent;
  return r.letterSentMeta({
    date: fmt.date(letter.sent.on),
    via: t.reminders.sentVia({ channel: t.reminders.channels[letter.sent.channel] }),
    recorded: fmt.dateTime(new Date(letter.sent.at)),
  });
}

/** One wizard: who started it, and every step with its status, date and what was recorded. */
export function renderWizard(b: RecordBuilder, t: Catalog, fmt: Formatter, w: Wizard, name: NameOf): void {
  const r = t.offboarding.record;
  b.heading(r.offboarding);
  b.paragraph(
    r.offboardingMeta({
      started: fmt.dateTime(w.row.startedAt),
      by: name(w.row.ownerUserId),
      status: r.wizardStatuses[w.state.status],
    }),
  );
  const x = w.texts;
  const notes: Record<number, string> = {};
  if (x.conversation) notes[1] = r.conversation({ date: fmt.date(x.conversation.on), notes: x.conversation.notes });
  if (x.why) notes[3] = `${letterMeta(t, fmt, x.why)} ${letterSentMeta(t, fmt, x.why)}`;
  if (x.next) notes[4] = `${letterMeta(t, fmt, x.next)} ${letterSentMeta(t, fmt, x.next)}`;
  if (x.accounts) notes[5] = r.accounts[x.accounts.decision]({ owed: x.accounts.summary });
  if (x.teamNote)
    notes[7] = r.teamNote({ posted: x.teamNote.posted, channel: x.teamNote.channelId ?? "", text: x.teamNote.text });
  if (x.lessons) notes[8] = r.lessons({ lines: x.lessons.lines.join("; ") });
  const rows = w.state.steps.map((s, i) => {
    const step = i + 1;
    const note = [notes[step], s.reason].filter(Boolean).join(" · ");
    return [
      `${step}/${STEP_COUNT} ${t.offboarding.stepTitles[stepKey(step)]}`,
      r.stepStatuses[s.status],
      s.at ? fmt.dateTime(new Date(s.at)) : "",
      note,
    ];
  });
  b.table(r.stepHead, rows, r.nothing.steps);
}
