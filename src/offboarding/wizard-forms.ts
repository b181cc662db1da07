import type { Context } from "../core/context.ts";
import { isIsoDate } from "../domain/dates.ts";
import { userError } from "../errors.ts";
import type { Form } from "../messages/message.ts";
import { wizardFormId } from "./build-step-message.ts";
import type { Wizard } from "./wizard-record.ts";

export const CONVERSATION_MAX = 2000;
export const REASON_MAX = 500;
/** Slack's text input takes 3,000 characters at most; Discord's 4,000. */
export const LETTER_MAX = 3000;
export const LESSON_MAX = 500;
export const LESSONS_MAX_LINES = 20;
/** Discord's text input takes 4,000 characters at most. */
export const LESSONS_TEXT_MAX = 4000;

/** The forms of the wizard. The console fills only the first field: it must be the one that matters. */
export const wizardForms = {
  conversation(ctx: Context, wizard: Wizard, today: string): Form {
    const f = ctx.t.offboarding.forms;
    return {
      id: wizardFormId(wizard, "conversation"),
      title: f.conversationTitle,
      submitLabel: f.save,
      fields: [
        { id: "notes", label: f.conversationNotes, multiline: true, required: true, maxLength: CONVERSATION_MAX },
        { id: "date", label: f.conversationDate, multiline: false, required: false, initial: today, maxLength: 10 },
      ],
    };
  },
  skip(ctx: Context, wizard: Wizard): Form {
    const f = ctx.t.offboarding.forms;
    return {
      id: wizardFormId(wizard, "skip"),
      title: f.skipTitle,
      submitLabel: f.save,
      fields: [{ id: "reason", label: f.skipReason, multiline: true, required: true, maxLength: REASON_MAX }],
    };
  },
  letter(ctx: Context, wizard: Wizard, draft: string): Form {
    const f = ctx.t.offboarding.forms;
    return {
      id: wizardFormId(wizard, "letter"),
      title: f.letterTitle,
      submitLabel: f.save,
      fields: [
        {
          id: "text",
          label: f.letterField,
          multiline: true,
          required: true,
          initial: draft.slice(0, LETTER_MAX),
          maxLength: LETTER_MAX,
        },
      ],
    };
  },
  lessons(ctx: Context, wizard: Wizard): Form {
    const f = ctx.t.offboarding.forms;
    return {
      id: wizardFormId(wizard, "lessons"),
      title: f.lessonsTitle,
      submitLabel: f.save,
      fields: [
        {
          id: "text",
          label: f.lessonsField,
          multiline: true,
          required: true,
          maxLength: LESSONS_MAX_LINES * LESSON_MAX,
        },
      ],
    };
  },
};

// Control characters other than tab and newline never belong in what the owner writes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A submitted text: control characters removed, trimmed, required, at most `max` characters. */
export function formText(value: string | undefined, max: number, what: (t: Context["t"]) => string): string {
  const text = (value ?? "").replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
  if (text === "") throw userError("form-empty", (t) => t.offboarding.invalid.empty({ what: what(t) }));
  if (text.length > max) throw userError("form-too-long", (t) => t.offboarding.invalid.tooLong({ what: what(t), max }));
  return text;
}

const LEADING_DATE = /^(\d{4}-\d{2}-\d{2})\b[\s:,.;–—-]*/;

/**
 * When the conversation happened: the date field, else a date the notes start with (the
 * console has one line), else today. Never in the future.
 */
export function conversationDay(notes: string, dateField: string | undefined, today: string) {
  const field = dateField?.trim() ?? "";
  const leading = LEADING_DATE.exec(notes);
  const typed = field !== "" && field !== today ? field : (leading?.[1] ?? field);
  const rest = leading && typed === leading[1] ? notes.slice(leading[0].length).trim() : notes;
  const on = typed === "" ? today : typed;
  if (!isIsoDate(on) || on > today) {
    throw userError("conversation-date", (t) => t.offboarding.invalid.conversationDate({ value: on }));
  }
  return { on, notes: rest === "" ? notes : rest };
}

/** Lessons, one per line, each kept short; empty lines ignored. */
export function lessonLines(text: string): string[] {
  const lines = text
    .split("\n")
    .map((l) => l.replace(/^[\s•*-]+/, "").trim())
    .filter((l) => l !== "");
  if (lines.length > LESSONS_MAX_LINES) {
    throw userError("form-too-long", (t) =>
      t.offboarding.invalid.tooManyLines({ what: t.offboarding.forms.lessonsField, max: LESSONS_MAX_LINES }),
    );
  }
  return lines.map((l) => (l.length > LESSON_MAX ? `${l.slice(0, LESSON_MAX - 1)}…` : l));
}
