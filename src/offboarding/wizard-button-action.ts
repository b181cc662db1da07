import type { Context } from "../core/context.ts";
import { defineAction } from "../core/define-action.ts";
import { dm, type Effect, post, update } from "../core/effects.ts";
import { addDays } from "../domain/dates.ts";
import { STEP_COUNT, stepKey } from "../domain/wizard/wizard-steps.ts";
import { userError } from "../errors.ts";
import { message, textMessage } from "../messages/message.ts";
import { authorizeWizard, type WizardRequest } from "./authorize-wizard.ts";
import {
  buildStepMessage,
  REMIND_DAYS,
  teamNote,
  WIZARD_ACTION,
  wizardAction,
  writeOffConfirmation,
} from "./build-step-message.ts";
import { type ChangeResult, changeWizard, type WizardChange } from "./change-wizard.ts";
import { buildRecordFile } from "./export-record.ts";
import { letterSentPrompt } from "./letter-sent.ts";
import { advanced } from "./wizard-advanced.ts";
import { draftLetters, factsFor, type WizardFacts } from "./wizard-facts.ts";
import { wizardForms } from "./wizard-forms.ts";
import { type ReasonKind, reasonKinds, type Wizard } from "./wizard-record.ts";
import { notNow, rejected } from "./wizard-refusal.ts";
import { type WrittenOff, writeOffInvoices } from "./write-off.ts";

/** The wizard's buttons and selects: `wizard:<offboarding id>:<step>:<op>[:<arg>]`. */
export const wizardButtonAction = defineAction({
  name: WIZARD_ACTION,
  async handler(ctx, params) {
    const req = await authorizeWizard(ctx, params);
    const facts = await factsFor(ctx, req.wizard);
    const blocked = await notNow(ctx, req, facts, ["resume", "cancel"].includes(req.op));
    if (blocked) return blocked;
    return pressed(ctx, req, facts);
  },
});

/** Which step each button belongs to; anything else is a forged id. */
const opSteps: Record<string, readonly string[]> = {
  conversation: ["talk"],
  remind: ["talk"],
  done: ["decide", "why", "next", "accounts"],
  reason: ["why"],
  own: ["why", "next"],
  chase: ["accounts"],
  writeoff: ["accounts"],
  confirmwriteoff: ["accounts"],
  choose: ["accounts"],
  record: ["record"],
  post: ["letgo"],
  nopost: ["letgo"],
  lessons: ["learn"],
};

async function pressed(ctx: Context, req: WizardRequest, facts: WizardFacts): Promise<Effect[]> {
  const { wizard, op, arg } = req;
  const id = wizard.row.id;
  const o = ctx.t.offboarding;
  const key = stepKey(wizard.state.current);
  const allowed = opSteps[op];
  if (allowed && !allowed.includes(key)) throw userError("bad-action", (t) => t.errors.unknownAction);
  const now = ctx.clock.now().toISOString();

  switch (op) {
    case "conversation":
      return [{ type: "form", form: wizardForms.conversation(ctx, wizard, facts.today) }];
    case "skip":
      return [{ type: "form", form: wizardForms.skip(ctx, wizard) }];
    case "own": {
      const drafts = draftLetters(ctx, wizard, facts);
      return [{ type: "form", form: wizardForms.letter(ctx, wizard, key === "why" ? drafts.why : drafts.next) }];
    }
    case "lessons":
      return [{ type: "form", form: wizardForms.lessons(ctx, wizard) }];

    case "reason": {
      const kind = reasonKinds.find((k) => k === arg);
      if (!kind) throw userError("bad-action", (t) => t.errors.unknownAction);
      const chosen = new Set<ReasonKind>(wizard.texts.reasons ?? []);
      if (chosen.has(kind)) chosen.delete(kind);
      else chosen.add(kind);
      const result = await changeWizard(ctx, id, (w) => ({
        texts: { ...w.texts, reasons: reasonKinds.filter((k) => chosen.has(k)) },
        details: { reasons: [...chosen] },
      }));
      if (!result.ok) return rejected(ctx, result.reason, result.wizard, facts);
      return [update(buildStepMessage(ctx, result.wizard, facts))];
    }

    case "remind": {
      const days = Number(arg);
      if (!(REMIND_DAYS as readonly number[]).includes(days))
        throw userError("bad-action", (t) => t.errors.unknownAction);
      const remindOn = addDays(facts.today, days);
      return paused(ctx, facts, await changeWizard(ctx, id, () => pause(wizard, facts, remindOn)));
    }
    case "pause":
      return paused(ctx, facts, await changeWizard(ctx, id, () => pause(wizard, facts)));
    case "resume": {
      const result = await changeWizard(ctx, id, () => ({ command: { type: "resume" } }));
      // Resuming a wizard that is not paused just shows where it stands.
      const current = result.wizard;
      return [
        update(
          textMessage(o.resuming({ client: facts.client.displayName, step: current.state.current, total: STEP_COUNT })),
        ),
        dm(ctx.user.id, buildStepMessage(ctx, current, facts)),
      ];
    }
    case "cancel": {
      const result = await changeWizard(ctx, id, () => ({ command: { type: "cancel" } }));
      if (!result.ok) return rejected(ctx, result.reason, result.wizard, facts);
      return [update(textMessage(o.cancelled({ client: facts.client.displayName })))];
    }
    case "back":
      return advanced(
        ctx,
        facts,
        await changeWizard(ctx, id, () => ({ command: { type: "back", step: req.step } })),
        "button",
      );

    case "done": {
      const change: WizardChange = { command: { type: "done", step: req.step } };
      if (key === "why" || key === "next") {
        const drafts = draftLetters(ctx, wizard, facts);
        change.texts = {
          ...wizard.texts,
          [key]: {
            text: key === "why" ? drafts.why : drafts.next,
            source: "draft",
            language: facts.letterLocale,
            at: now,
          },
        };
      }
      if (key === "accounts") {
        if (facts.accounts.unpaid.length > 0) throw userError("bad-action", (t) => t.errors.unknownAction);
        // Back at step 5 after a write-off, nothing is owed: the decision stays the write-off.
        const kept = wizard.texts.accounts?.decision === "write-off" ? wizard.texts.accounts : undefined;
        change.texts = { ...wizard.texts, accounts: kept ?? { decision: "nothing-owed", at: now, summary: "" } };
      }
      const kept = await changeWizard(ctx, id, () => change);
      const prompt = kept.ok && (key === "why" || key === "next") ? [letterSentPrompt(ctx, kept.wizard, key)] : [];
      return advanced(ctx, facts, kept, "button", undefined, prompt);
    }
    // Writing off asks first, naming the amounts; the confirmation's button carries them.
    case "writeoff":
      if (facts.accounts.unpaid.length === 0) throw userError("bad-action", (t) => t.errors.unknownAction);
      return [update(writeOffConfirmation(ctx, wizard, facts))];
    case "choose":
      return [update(buildStepMessage(ctx, wizard, facts))];
    case "chase":
    case "confirmwriteoff": {
      const summary = owedSummary(ctx, facts);
      const count = facts.accounts.unpaid.length;
      const writingOff = op === "confirmwriteoff";
      if (writingOff && !arg) throw userError("bad-action", (t) => t.errors.unknownAction);
      let written: WrittenOff[] = [];
      const result = await changeWizard(ctx, id, (w) => ({
        command: { type: "done", step: req.step },
        texts: { ...w.texts, accounts: { decision: writingOff ? "write-off" : "chase", at: now, summary } },
        details: { decision: writingOff ? "writeoff" : "chase", owed: summary },
        ...(writingOff
          ? {
              alsoWrite: async (tx) => {
                written = await writeOffInvoices(tx, ctx, facts.client.id, arg ?? "", id);
              },
            }
          : {}),
      }));
      const line = writingOff
        ? [
            o.wroteOff({ total: summary, count: written.length || count }),
            ctx.t.invoices.history.kept({ kind: "write-off" }),
          ].join(" ")
        : o.keptChasing;
      return advanced(ctx, facts, result, "button", line);
    }
    case "record": {
      const result = await changeWizard(ctx, id, () => ({ command: { type: "done", step: req.step } }));
      if (!result.ok) return rejected(ctx, result.reason, result.wizard, facts);
      const file = await buildRecordFile(ctx, facts.client);
      return advanced(ctx, facts, result, "button", o.recordSent, [file]);
    }
    case "post":
    case "nopost": {
      const channelId = ctx.workspace.digestChannel;
      if (op === "post" && !channelId) throw userError("bad-action", (t) => t.errors.unknownAction);
      const text = teamNote(ctx, facts);
      const result = await changeWizard(ctx, id, (w) => ({
        command: { type: "done", step: req.step },
        texts: {
          ...w.texts,
          teamNote: { posted: op === "post", text, at: now, ...(op === "post" && channelId ? { channelId } : {}) },
        },
        details: { posted: op === "post" },
      }));
      if (op === "post" && channelId && result.ok) {
        return advanced(ctx, facts, result, "button", o.notePosted({ channel: channelId }), [
          post(channelId, textMessage(text)),
        ]);
      }
      return advanced(ctx, facts, result, "button", o.noteNotPosted);
    }
    default:
      throw userError("bad-action", (t) => t.errors.unknownAction);
  }
}

function pause(wizard: Wizard, facts: WizardFacts, remindOn?: string): WizardChange {
  return {
    command: { type: "pause", step: wizard.state.current, today: facts.today, ...(remindOn ? { remindOn } : {}) },
    ...(remindOn ? { details: { remindOn } } : {}),
  };
}

function paused(ctx: Context, facts: WizardFacts, result: ChangeResult): Effect[] {
  if (!result.ok) return rejected(ctx, result.reason, result.wizard, facts);
  const o = ctx.t.offboarding;
  const w = result.wizard;
  const text = o.paused({
    step: w.state.current,
    total: STEP_COUNT,
    client: facts.client.displayName,
    slug: facts.client.slug,
  });
  const m = message(text).text(text);
  if (w.state.remindOn) m.context(o.remindSet({ date: ctx.fmt.date(w.state.remindOn) }));
  m.buttons([
    { id: wizardAction(w, "resume"), label: o.buttons.resume, style: "primary" },
    { id: wizardAction(w, "cancel"), label: o.buttons.cancel },
  ]);
  return [update(m.build())];
}

function owedSummary(ctx: Context, facts: WizardFacts): string {
  return ctx.fmt.list([...facts.accounts.owed].map(([currency, minor]) => ctx.fmt.money(minor, currency)));
}
