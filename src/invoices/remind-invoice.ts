import { findClientById } from "../../db/queries/clients.ts";
import { type InvoiceRow, updateInvoice } from "../../db/queries/invoices.ts";
import { invoicesWithPayments } from "../../db/queries/open-invoices.ts";
import { isVisible } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { actionId } from "../core/define-action.ts";
import { type Effect, reply } from "../core/effects.ts";
import { loadReferenceRates } from "../domain/reference-rates.ts";
import { planStages, type Stage, stagesFor } from "../domain/stages.ts";
import { userError } from "../errors.ts";
import { catalogFor } from "../messages/catalog.ts";
import { createFormatter } from "../messages/format.ts";
import { message, textMessage } from "../messages/message.ts";
import { assessInvoice, type InvoiceAssessment } from "./assess-invoice.ts";
import { composeReminder, type ReminderKind } from "./compose-reminder.ts";
import { requireInvoice } from "./require-invoice.ts";
import { today } from "./today.ts";

/** Button under a draft: record the stage as sent. `reminded:<invoiceId>:<stage>` */
export const REMINDED_ACTION = "reminded";
/** Button that drafts an invoice's reminder (digest, alerts): `remind:<invoiceId>` */
export const REMIND_ACTION = "remind";

/**
 * `/client remind INV-7` (or the Draft reminder button): the letter for the current stage, in
 * the client's language, for a person to send. Tact never writes to the client.
 */
export async function draftReminder(ctx: Context, invoice: InvoiceRow | number | string): Promise<Effect[]> {
  const a = await assessmentOf(ctx, invoice);
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
    stage = a.stage.reached;
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
    createFormatter(language, ctx.workspace.timezone),
  );
  const title = t.reminders.draftTitle({
    stage: t.invoices.stageKinds[kind],
    number: inv.number,
    client: a.source.client.displayName,
    language: t.reminders.languages[language],
  });
  const m = message(title)
    .header(title)
    .text(letter.body)
    .context(t.reminders.neverSends({ number: inv.number }));
  if (stage) m.buttons([{ id: actionId(REMINDED_ACTION, inv.id, stage.number), label: t.reminders.markSent }]);
  return [reply(m.build())];
}

/**
 * `/client reminded INV-7 [stage]` (or the Mark as sent button): records the current stage
 * (or the one given, if reached) as sent, so it is not proposed again.
 */
export async function recordReminder(
  ctx: Context,
  invoice: InvoiceRow | number | string,
  stageText?: string,
): Promise<Effect[]> {
  const a = await assessmentOf(ctx, invoice);
  const { t, fmt } = ctx;
  const inv = a.source.invoice;
  if (inv.status === "void") throw userError("invoice-void", (t) => t.invoices.errors.isVoid({ number: inv.number }));
  const stages = stagesFor(a.terms.stages, a.terms.hosted);
  let stage: Stage | null = a.stage.reached;
  if (stageText !== undefined) {
    const n = /^\d{1,2}$/.test(stageText.trim()) ? Number(stageText) : 0;
    stage = stages.find((s) => s.number === n) ?? null;
    if (!stage) throw userError("bad-stage", (t) => t.reminders.badStage({ value: stageText, max: stages.length }));
    if (stage.day > a.stage.stageDays) {
      const s = stage;
      throw userError("stage-not-reached", (t) =>
        t.reminders.stageNotReached({
          stage: t.invoices.stageKinds[s.kind],
          date: fmt.date(a.stage.next?.stage.number === s.number ? a.stage.next.on : inv.dueOn),
        }),
      );
    }
  }
  if (!stage) throw notYet(ctx, a);
  if (stage.number <= inv.remindedStage) {
    throw userError("already-reminded", (t) => t.reminders.nothingMore({ number: inv.number }));
  }
  const recorded = stage;
  await ctx.db.transaction(async (tx) => {
    await updateInvoice(tx, ctx.workspace.id, inv.id, { remindedStage: recorded.number });
    await ctx.audit(
      {
        action: "invoice.reminded",
        subjectType: "invoice",
        subjectId: inv.id,
        details: { number: inv.number, stage: recorded.number, kind: recorded.kind },
      },
      tx,
    );
  });
  const plan = planStages({
    dueOn: inv.dueOn,
    today: today(ctx),
    stages: a.terms.stages,
    hosted: a.terms.hosted,
    remindedStage: recorded.number,
    open: a.outstandingMinor > 0,
    disputed: inv.disputedSince !== null,
    pausedDays: a.charges.pausedDays,
  });
  const lines = [
    t.reminders.recorded({
      stage: t.invoices.stageKinds[recorded.kind],
      number: inv.number,
      client: a.source.client.displayName,
    }),
    plan.next
      ? t.reminders.next({ stage: t.invoices.stageKinds[plan.next.stage.kind], date: fmt.date(plan.next.on) })
      : t.reminders.lastStage,
  ];
  return [reply(textMessage(lines.join(" ")))];
}

function notYet(ctx: Context, a: InvoiceAssessment) {
  const next = a.stage.next;
  const number = a.source.invoice.number;
  if (!next) return userError("nothing-more", (t) => t.reminders.nothingMore({ number }));
  return userError("nothing-due", (t) =>
    t.reminders.nothingDue({ number, stage: t.invoices.stageKinds[next.stage.kind], date: ctx.fmt.date(next.on) }),
  );
}

/** By number (typed) or by id (a button: ids can be forged, so it is checked against the workspace). */
async function assessmentOf(ctx: Context, invoice: InvoiceRow | number | string): Promise<InvoiceAssessment> {
  let id: number;
  if (typeof invoice === "string") id = (await requireInvoice(ctx, invoice)).invoice.id;
  else id = typeof invoice === "number" ? invoice : invoice.id;
  const [row] = await invoicesWithPayments(ctx.db, {
    workspaceIds: [ctx.workspace.id],
    invoiceIds: [id],
    which: "all",
  });
  const client = row ? await findClientById(ctx.db, ctx.workspace.id, row.client.id) : undefined;
  if (!row || !client || !isVisible(ctx, client)) throw userError("bad-action", (t) => t.errors.unknownAction);
  return assessInvoice(row, today(ctx), loadReferenceRates());
}
