import type { Context } from "../core/context.ts";
import { actionId } from "../core/define-action.ts";
import { STEP_COUNT, stepKey, type WizardStepKey } from "../domain/wizard/wizard-steps.ts";
import { describeChargesGivenUp } from "../invoices/describe-history.ts";
import { explainCharges } from "../invoices/explain-charges.ts";
import { givenUp } from "../invoices/record-history.ts";
import type { Button, Message, MessageBuilder } from "../messages/message.ts";
import { message } from "../messages/message.ts";
import { availableReasons, draftLetters, type WizardFacts } from "./wizard-facts.ts";
import type { Wizard } from "./wizard-record.ts";
import { owedFingerprint, standingOfAccount } from "./write-off.ts";

export const WIZARD_ACTION = "wizard";
export const WIZARD_FORM = "wizard-form";
/** Reminder choices for "remind me in N days" at step 1. */
export const REMIND_DAYS = [1, 3, 7, 14] as const;

/** `wizard:<offboarding id>:<step>:<op>[:<arg>]`: the handler re-checks all of it. */
export function wizardAction(wizard: Wizard, op: string, ...args: (string | number)[]): string {
  return actionId(WIZARD_ACTION, wizard.row.id, wizard.state.current, op, ...args);
}

export function wizardFormId(wizard: Wizard, what: string): string {
  return actionId(WIZARD_FORM, wizard.row.id, wizard.state.current, what);
}

export function stepTitle(ctx: Context, step: number): string {
  return ctx.t.offboarding.stepTitles[stepKey(step)];
}

/**
 * The message of the wizard's current step: its guidance in the owner's language, a progress
 * bar, what the step needs from the record, and its buttons. `note` is a line shown first
 * (what just happened), for messages that replace nothing.
 */
export function buildStepMessage(ctx: Context, wizard: Wizard, facts: WizardFacts, note?: string): Message {
  const o = ctx.t.offboarding;
  const step = wizard.state.current;
  const key = stepKey(step);
  const title = o.progress({ step, total: STEP_COUNT, title: o.stepTitles[key] });
  const client = facts.client.displayName;
  const m = message(o.stepHeading({ client, title }))
    .header(o.stepHeading({ client, title: o.stepTitles[key] }))
    .progress(step, STEP_COUNT, title);
  if (note) m.context(note);
  m.text(o.guidance[key]);
  const primary = stepBody[key](ctx, wizard, facts, m);
  m.buttons([...primary, ...commonButtons(ctx, wizard, key)]);
  return m.build();
}

type StepBody = (ctx: Context, wizard: Wizard, facts: WizardFacts, m: MessageBuilder) => Button[];

const stepBody: Record<WizardStepKey, StepBody> = {
  talk(ctx, wizard, facts, m) {
    const o = ctx.t.offboarding;
    const conduct = facts.counts.find((s) => s.kind === "conduct");
    if (conduct) m.context(o.guidance.talkConduct({ count: conduct.total }));
    const conv = wizard.texts.conversation;
    if (conv) m.context(o.guidance.talkRecorded({ date: ctx.fmt.date(conv.on), notes: conv.notes }));
    m.blocks.push({
      type: "select",
      id: wizardAction(wizard, "remind"),
      placeholder: o.buttons.remindMe,
      options: REMIND_DAYS.map((days) => ({ label: o.buttons.remindDays({ days }), value: String(days) })),
    });
    return [{ id: wizardAction(wizard, "conversation"), label: o.buttons.recordConversation, style: "primary" }];
  },
  decide(ctx, wizard, facts, m) {
    const scope = facts.counts.find((s) => s.kind === "scope");
    if (scope) m.context(ctx.t.offboarding.guidance.decideScope({ count: scope.total }));
    return [{ id: wizardAction(wizard, "done"), label: ctx.t.offboarding.buttons.decided, style: "primary" }];
  },
  why(ctx, wizard, facts, m) {
    const o = ctx.t.offboarding;
    const reasons = availableReasons(facts);
    const chosen = new Set(wizard.texts.reasons ?? []);
    m.text(reasons.length > 0 ? o.guidance.chooseReasons : o.guidance.noReasons);
    m.buttons(
      reasons.map((r) => ({
        id: wizardAction(wizard, "reason", r.kind),
        label: o.reasonButton({ kind: ctx.t.incidents.kinds[r.kind], count: r.count, chosen: chosen.has(r.kind) }),
      })),
    );
    letterBlock(ctx, facts, m, draftLetters(ctx, wizard, facts).why);
    return letterButtons(ctx, wizard);
  },
  next(ctx, wizard, facts, m) {
    letterBlock(ctx, facts, m, draftLetters(ctx, wizard, facts).next);
    return letterButtons(ctx, wizard);
  },
  accounts(ctx, wizard, facts, m) {
    const o = ctx.t.offboarding;
    const unpaid = facts.accounts.unpaid;
    if (unpaid.length === 0) {
      m.text(o.guidance.nothingOwed);
      return [{ id: wizardAction(wizard, "done"), label: o.buttons.nothingToSettle, style: "primary" }];
    }
    m.text(owedLines(ctx, facts).join("\n"));
    return [
      { id: wizardAction(wizard, "chase"), label: o.buttons.keepChasing, style: "primary" },
      { id: wizardAction(wizard, "writeoff"), label: o.buttons.writeOff, style: "danger" },
    ];
  },
  record(ctx, wizard) {
    return [{ id: wizardAction(wizard, "record"), label: ctx.t.offboarding.buttons.sendRecord, style: "primary" }];
  },
  letgo(ctx, wizard, facts, m) {
    const o = ctx.t.offboarding;
    m.text(`> ${teamNote(ctx, facts)}`);
    const channel = ctx.workspace.digestChannel;
    const buttons: Button[] = [];
    if (channel) buttons.push({ id: wizardAction(wizard, "post"), label: o.buttons.postNote({ channel }) });
    else m.context(o.guidance.noChannel);
    buttons.push({ id: wizardAction(wizard, "nopost"), label: o.buttons.dontPost, style: "primary" });
    return buttons;
  },
  learn(ctx, wizard, facts, m) {
    const flags = facts.counts.find((s) => s.kind === "flag");
    if (flags) m.context(ctx.t.offboarding.guidance.flagsSoFar({ count: flags.total }));
    return [{ id: wizardAction(wizard, "lessons"), label: ctx.t.offboarding.buttons.writeLessons, style: "primary" }];
  },
};

function letterBlock(ctx: Context, facts: WizardFacts, m: MessageBuilder, draft: string): void {
  const o = ctx.t.offboarding;
  m.divider();
  m.context(o.draftLabel({ language: o.languages[facts.letterLocale] }));
  m.text(draft);
  m.divider();
}

function letterButtons(ctx: Context, wizard: Wizard): Button[] {
  const o = ctx.t.offboarding;
  return [
    { id: wizardAction(wizard, "done"), label: o.buttons.useDraft, style: "primary" },
    { id: wizardAction(wizard, "own"), label: o.buttons.writeOwn },
  ];
}

/** Skip (a form asks why), back, pause: on every step but where they make no sense. */
function commonButtons(ctx: Context, wizard: Wizard, key: WizardStepKey): Button[] {
  const b = ctx.t.offboarding.buttons;
  const out: Button[] = [];
  // Step 7's "don't post" already is the way past it.
  if (key !== "letgo") out.push({ id: wizardAction(wizard, "skip"), label: b.skip });
  if (wizard.state.current > 1) out.push({ id: wizardAction(wizard, "back"), label: b.back });
  out.push({ id: wizardAction(wizard, "pause"), label: b.pause });
  return out;
}

/**
 * Step 5's question before a write-off: every amount it gives up, invoice by invoice, and
 * what stays in the record. The button carries the amounts' fingerprint: pressed once they
 * have changed (a payment, a day's interest), it writes nothing off and says so.
 */
export function writeOffConfirmation(ctx: Context, wizard: Wizard, facts: WizardFacts): Message {
  const o = ctx.t.offboarding;
  const { unpaid, owed } = facts.accounts;
  const total = ctx.fmt.list([...owed].map(([currency, minor]) => ctx.fmt.money(minor, currency)));
  const ask = o.writeOff.ask({ client: facts.client.displayName, total, count: unpaid.length });
  const lines = unpaid.map(
    (a) =>
      `• ${o.writeOff.item({
        invoice: a.invoice.number,
        principal: a.outstandingMinor > 0 ? ctx.fmt.money(a.outstandingMinor, a.invoice.currency) : null,
        days: a.charges.daysLate,
        charges: describeChargesGivenUp(givenUp("write-off", facts.today, standingOfAccount(a)), ctx.t, ctx.fmt),
      })}`,
  );
  const m = message(ask)
    .text([ask, ...lines].join("\n"))
    .context(o.writeOff.after);
  // The handover letter kept at step 4 asks for these amounts: it would say something false.
  const letter = wizard.texts.next?.text ?? "";
  if (unpaid.some((a) => letter.includes(a.invoice.number))) m.context(o.writeOff.letterKept);
  return m
    .buttons([
      {
        id: wizardAction(wizard, "confirmwriteoff", owedFingerprint(unpaid)),
        label: o.writeOff.confirm({ total }),
        style: "danger",
      },
      { id: wizardAction(wizard, "choose"), label: o.writeOff.back },
    ])
    .build();
}

/** What is owed, one line per invoice, then the totals and how charges were computed. */
export function owedLines(ctx: Context, facts: WizardFacts): string[] {
  const o = ctx.t.offboarding;
  const lines = facts.accounts.unpaid.map((a) =>
    o.owedLine({
      invoice: a.invoice.number,
      outstanding: ctx.fmt.money(a.outstandingMinor, a.invoice.currency),
      due: ctx.fmt.date(a.invoice.dueOn),
      days: a.daysLate,
      charges: a.chargesMinor > 0 ? ctx.fmt.money(a.chargesMinor, a.invoice.currency) : "",
    }),
  );
  const total = ctx.fmt.list([...facts.accounts.owed].map(([currency, minor]) => ctx.fmt.money(minor, currency)));
  for (const a of facts.accounts.unpaid) {
    if (a.charges.totalMinor <= 0 && a.charges.notes.length === 0) continue;
    // How each invoice's charges were computed, as the invoice commands explain them (issue #3).
    const how = explainCharges(a.charges, a.chargesSettledMinor, ctx.t, ctx.fmt, facts.client.slug);
    lines.push(o.chargesHow({ invoice: a.invoice.number }), ...how.map((l) => `   ${l}`));
  }
  lines.push(o.owedTotal({ total }));
  return lines;
}

/** Step 7's neutral note, in the team's language; the owner is named, never mentioned. */
export function teamNote(ctx: Context, facts: WizardFacts): string {
  return ctx.t.offboarding.teamNote({
    client: facts.client.displayName,
    date: ctx.fmt.date(facts.today),
    owner: facts.signer,
  });
}
