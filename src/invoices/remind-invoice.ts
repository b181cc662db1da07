import { insertReminders } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { actionId } from "../core/define-action.ts";
import { type Effect, reply } from "../core/effects.ts";
import { ownerOnly } from "../core/guards.ts";
import { type SentStage, type Stage, stageKinds, stagesFor } from "../domain/stages.ts";
import { userError } from "../errors.ts";
import { type Catalog, catalogFor } from "../messages/catalog.ts";
import { letterFormatter } from "../messages/letter-formatter.ts";
import { message, textMessage } from "../messages/message.ts";
import { type InvoiceAssessment, replanStages } from "./assess-invoice.ts";
import { lockAndAssess } from "./change-invoice.ts";
import { composeReminder, type ReminderKind } from "./compose-reminder.ts";
import { describeNote } from "./explain-charges.ts";
import { loadAssessments } from "./load-assessments.ts";
import { parseEarlierDates } from "./parse-earlier-dates.ts";
import { requireInvoice } from "./require-invoice.ts";
import { parseSent, type SentInput, sentFields } from "./sent-input.ts";
import { today } from "./today.ts";

/** Button under a draft: record the stage as sent. `reminded:<invoiceId>:<stage>` */
export const REMINDED_ACTION = "reminded";
/** Button that drafts an invoice's reminder (digest, alerts): `remind:<invoiceId>` */
export const REMIND_ACTION = "remind";

/**
 * `/client remind INV-7` (or the Draft reminder button): the letter for the next stage, once
 * it is due, in the client's language, for a person to send. Tact never writes to the client.
 */
export async function draftReminder(ctx: Context, invoice: number | string): Promise<Effect[]> {
  const id = await invoiceIdOf(ctx, invoice);
  const a = found((await loadAssessments(ctx, { invoiceIds: [id], which: "all" }))[0]);
  const { t, fmt } = ctx;
  const inv = a.source.invoice;
  if (inv.status === "void") throw userError("invoice-void", (t) => t.invoices.errors.isVoid({ number: inv.number }));
  let kind: ReminderKind;
  let stage: Stage | null = null;
  if (a.outstandingMinor === 0) {
    if (a.chargesOwedMinor === 0)
      throw userError("nothing-owed", (t) => t.reminders.nothingOwed({ number: inv.number }));
    kind = "charges";
  } else {
    if (inv.disputedSince) throw userError("disputed", (t) => t.reminders.disputed({ number: inv.number }));
    if (!a.overdue) {
      throw userError("not-overdue", (t) => t.reminders.notOverdue({ number: inv.number, due: fmt.date(inv.dueOn) }));
    }
    stage = a.stage.ready;
    if (!stage) throw notYet(ctx, a);
    kind = stage.kind;
  }
  const language = a.terms.language ?? ctx.locale;
  const letter = composeReminder(
    a,
    kind,
    today(ctx),
    ctx.user.name,
    catalogFor(language),
    letterFormatter(language, ctx.workspace.timezone),
  );
  const title = t.reminders.draftTitle({
    stage: t.invoices.stageKinds[kind],
    number: inv.number,
    client: a.source.client.displayName,
    language: t.reminders.languages[language],
  });
  const m = message(title).header(title).text(letter.body);
  // For the person sending it: interest a rate not known yet leaves out (issue 13 §1).
  for (const note of a.chargesWaived ? [] : a.charges.notes) {
    if (note.kind === "missingRate") m.context(describeNote(note, t, fmt, a.source.client.slug, inv.currency));
  }
  m.context(t.reminders.neverSends({ number: inv.number }));
  if (stage) m.buttons([{ id: actionId(REMINDED_ACTION, inv.id, stage.number), label: t.reminders.markSent }]);
  // The record shows when a reminder was first drafted, beside when it was sent.
  await ctx.audit({
    action: "invoice.reminder-drafted",
    subjectType: "invoice",
    subjectId: inv.id,
    details: { number: inv.number, kind, ...(stage ? { stage: stage.number } : {}) },
  });
  return [reply(m.build())];
}

/** Form of the "I sent it" button: `reminded-form:<invoiceId>:<stage>`, date and channel. */
export const REMINDED_FORM = "reminded-form";

/**
 * The "I sent it" button under a draft: asks when and how it went. The invoice is checked as
 * for recording (a forged id is refused here already); recording happens on submission.
 */
export async function askReminderSent(ctx: Context, invoiceId: number, stage: string): Promise<Effect[]> {
  if (!/^\d{1,2}$/.test(stage)) throw userError("bad-action", (t) => t.errors.unknownAction);
  const a = found((await loadAssessments(ctx, { invoiceIds: [invoiceId], which: "all" }))[0]);
  const f = ctx.t.reminders.sentForm;
  return [
    {
      type: "form",
      form: {
        id: actionId(REMINDED_FORM, a.source.invoice.id, stage),
        title: f.title,
        submitLabel: f.save,
        fields: sentFields(ctx.t, today(ctx)),
      },
    },
  ];
}

/**
 * `/client reminded INV-7 [stage] [earlier dates]` (or the Mark as sent button): records the
 * next stage as sent today. Stages go in order: a later stage is recorded only when the
 * owner names it and gives the day each stage before it went out, outside Tact. The invoice
 * row is locked while this is decided, so two people recording at once record it once.
 */
export async function recordReminder(
  ctx: Context,
  invoice: number | string,
  stageText?: string,
  earlierText?: string,
  sent: SentInput = {},
): Promise<Effect[]> {
  const id = await invoiceIdOf(ctx, invoice);
  // Confirming what went out outside Tact is the owner's word; the refusal is audited.
  if (earlierText !== undefined) await ownerOnly((t) => t.reminders.confirmAction)(ctx);
  const now = today(ctx);
  const { t, fmt } = ctx;
  const done = await ctx.db.transaction(async (tx) => {
    const a = found((await lockAndAssess(tx, ctx, [id]))[0]);
    const inv = a.source.invoice;
    const target = stageToRecord(ctx, a, stageText);
    const missing = missingBefore(a, target);
    let confirmed: (Stage & { sentOn: string })[] = [];
    if (missing.length > 0) {
      const names = (t: Catalog) => missing.map((s) => t.invoices.stageKinds[s.kind]);
      const example = (t: Catalog) =>
        `${inv.number} ${target.number} earlier ${missing.map(() => t.reminders.datePlaceholder).join(",")}`;
      if (earlierText === undefined) {
        throw userError("stage-skipped", (t) =>
          t.reminders.skipped({
            stage: t.invoices.stageKinds[target.kind],
            number: inv.number,
            missing: names(t),
            example: example(t),
          }),
        );
      }
      const dates = parseEarlierDates(ctx, earlierText, {
        count: missing.length,
        missing: names,
        example,
        number: inv.number,
        dueOn: inv.dueOn,
        today: now,
        after: a.stage.last?.sentOn ?? null,
      });
      confirmed = missing.map((s, i) => ({ ...s, sentOn: dates[i] ?? now }));
    } else if (earlierText !== undefined) {
      throw userError("nothing-earlier", (t) =>
        t.reminders.nothingEarlier({ stage: t.invoices.stageKinds[target.kind] }),
      );
    }
    // The day it went (today unless said), never before the due date or the stage before it.
    const before = [a.stage.last?.sentOn, ...confirmed.map((c) => c.sentOn)].filter((d): d is string => !!d).sort();
    const { on: day, channel } = parseSent(ctx, sent, {
      today: now,
      notBefore: [
        { day: inv.dueOn, why: (t) => t.reminders.sentBeforeDue },
        ...before.slice(-1).map((d) => ({ day: d, why: (t: Catalog) => t.reminders.sentBeforeLast })),
      ],
    });
    // The stage is due by the same rule as any other, counting what was just confirmed.
    const plan = replanStages(a, [...a.stage.sent, ...confirmed]);
    if (plan.next?.stage.kind !== target.kind || !plan.ready) {
      const on = plan.next?.on ?? inv.dueOn;
      throw stageText === undefined
        ? notYet(ctx, a)
        : userError("stage-not-reached", (t) =>
            t.reminders.stageNotReached({ stage: t.invoices.stageKinds[target.kind], date: fmt.date(on) }),
          );
    }
    const base = { workspaceId: ctx.workspace.id, invoiceId: inv.id, recordedBy: ctx.user.id };
    await insertReminders(tx, [
      ...confirmed.map((s) => ({ ...base, stage: s.number, kind: s.kind, sentOn: s.sentOn, confirmedLater: true })),
      { ...base, stage: target.number, kind: target.kind, sentOn: day, channel },
    ]);
    await ctx.audit(
      {
        action: "invoice.reminded",
        subjectType: "invoice",
        subjectId: inv.id,
        details: {
          number: inv.number,
          stage: target.number,
          kind: target.kind,
          sentOn: day,
          ...(channel ? { channel } : {}),
          ...(confirmed.length > 0
            ? { confirmedEarlier: confirmed.map((s) => ({ stage: s.number, kind: s.kind, sentOn: s.sentOn })) }
            : {}),
        },
      },
      tx,
    );
    const after = replanStages(a, [...a.stage.sent, ...confirmed, { kind: target.kind, sentOn: day }]);
    return { a, target, confirmed, next: after.next, day, channel };
  });
  const { a, target, confirmed, next, day, channel } = done;
  const lines = [
    t.reminders.recorded({
      stage: t.invoices.stageKinds[target.kind],
      number: a.source.invoice.number,
      client: a.source.client.displayName,
    }),
  ];
  // Said only when it is not today's, or when it was said how.
  if (day !== now || channel) {
    lines.push(
      t.reminders.sentOnLine({
        date: fmt.date(day),
        via: channel ? t.reminders.sentVia({ channel: t.reminders.channels[channel] }) : "",
      }),
    );
  }
  if (confirmed.length > 0) {
    lines.push(
      t.reminders.recordedEarlier({
        earlier: confirmed.map((s) =>
          t.reminders.earlierItem({ stage: t.invoices.stageKinds[s.kind], date: fmt.date(s.sentOn) }),
        ),
      }),
    );
  }
  lines.push(
    next
      ? t.reminders.next({ stage: t.invoices.stageKinds[next.stage.kind], date: fmt.date(next.on) })
      : t.reminders.lastStage,
  );
  return [reply(textMessage(lines.join(" ")))];
}

/** The stage named (a number in the client's list), or the next one; refused when already behind. */
function stageToRecord(ctx: Context, a: InvoiceAssessment, stageText: string | undefined): Stage {
  const inv = a.source.invoice;
  const { fmt } = ctx;
  if (inv.status === "void") throw userError("invoice-void", (t) => t.invoices.errors.isVoid({ number: inv.number }));
  if (a.outstandingMinor === 0) throw userError("not-open", (t) => t.reminders.notOpen({ number: inv.number }));
  if (inv.disputedSince) throw userError("disputed", (t) => t.reminders.disputed({ number: inv.number }));
  const stages = stagesFor(a.terms.stages, a.terms.hosted);
  let target: Stage | undefined;
  if (stageText === undefined) {
    target = a.stage.next?.stage;
    if (!target) throw userError("nothing-more", (t) => t.reminders.nothingMore({ number: inv.number }));
  } else {
    const n = /^\d{1,2}$/.test(stageText.trim()) ? Number(stageText) : 0;
    target = stages.find((s) => s.number === n);
    if (!target) throw userError("bad-stage", (t) => t.reminders.badStage({ value: stageText, max: stages.length }));
  }
  const stage = target;
  const sent = a.stage.sent.find((s) => s.kind === stage.kind);
  if (sent) {
    throw userError("already-reminded", (t) =>
      t.reminders.alreadySent({
        stage: t.invoices.stageKinds[stage.kind],
        number: inv.number,
        date: fmt.date(sent.sentOn),
      }),
    );
  }
  const last = a.stage.last;
  if (last && rank(last) > rank(stage)) {
    throw userError("already-past", (t) =>
      t.reminders.alreadyPast({
        stage: t.invoices.stageKinds[stage.kind],
        last: t.invoices.stageKinds[last.kind],
        number: inv.number,
        date: fmt.date(last.sentOn),
      }),
    );
  }
  return stage;
}

/** The stages between the last one sent and `target`: each must have gone out before it. */
function missingBefore(a: InvoiceAssessment, target: Stage): Stage[] {
  const after = a.stage.last ? rank(a.stage.last) : -1;
  return stagesFor(a.terms.stages, a.terms.hosted).filter((s) => s.number < target.number && rank(s) > after);
}

function rank(stage: Pick<SentStage, "kind">): number {
  return stageKinds.indexOf(stage.kind);
}

/** Nothing to send yet: what went out last, and when the next stage comes. */
function notYet(ctx: Context, a: InvoiceAssessment) {
  const { next, last } = a.stage;
  const number = a.source.invoice.number;
  if (!next) return userError("nothing-more", (t) => t.reminders.nothingMore({ number }));
  return userError("nothing-due", (t) =>
    t.reminders.nothingDue({
      number,
      stage: t.invoices.stageKinds[next.stage.kind],
      date: ctx.fmt.date(next.on),
      sent: last ? { stage: t.invoices.stageKinds[last.kind], date: ctx.fmt.date(last.sentOn) } : null,
    }),
  );
}

/** An invoice typed by number, or given by id (a button: checked against the workspace later). */
async function invoiceIdOf(ctx: Context, invoice: number | string): Promise<number> {
  return typeof invoice === "string" ? (await requireInvoice(ctx, invoice)).invoice.id : invoice;
}

/** Ids can be forged: the invoice must be this workspace's (loaded so). */
function found(a: InvoiceAssessment | undefined): InvoiceAssessment {
  if (!a) throw userError("bad-action", (t) => t.errors.unknownAction);
  return a;
}
