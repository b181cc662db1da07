import { insertIncident } from "../../db/queries/incidents.ts";
import type { Context } from "../core/context.ts";
import { defineAction } from "../core/define-action.ts";
import type { Effect } from "../core/effects.ts";
import { stepKey } from "../domain/wizard/wizard-steps.ts";
import { aboutField, userError } from "../errors.ts";
import { authorizeWizard, type WizardRequest } from "./authorize-wizard.ts";
import { WIZARD_FORM } from "./build-step-message.ts";
import { changeWizard } from "./change-wizard.ts";
import { letterSentPrompt } from "./letter-sent.ts";
import { advanced } from "./wizard-advanced.ts";
import { draftLetters, factsFor, type WizardFacts } from "./wizard-facts.ts";
import {
  CONVERSATION_MAX,
  conversationDay,
  formText,
  LESSONS_TEXT_MAX,
  LETTER_MAX,
  lessonLines,
  REASON_MAX,
} from "./wizard-forms.ts";
import { notNow } from "./wizard-refusal.ts";

/** The wizard's forms: `wizard-form:<offboarding id>:<step>:<what>`, values by field id. */
export const wizardFormAction = defineAction({
  name: WIZARD_FORM,
  async handler(ctx, params, values = {}) {
    const req = await authorizeWizard(ctx, params);
    const facts = await factsFor(ctx, req.wizard);
    const blocked = await notNow(ctx, req, facts, false);
    if (blocked) return blocked;
    return submitted(ctx, req, facts, values);
  },
});

async function submitted(
  ctx: Context,
  req: WizardRequest,
  facts: WizardFacts,
  values: Record<string, string>,
): Promise<Effect[]> {
  const { wizard, op } = req;
  const id = wizard.row.id;
  const key = stepKey(wizard.state.current);
  const f = (t: Context["t"]) => t.offboarding.forms;
  const now = ctx.clock.now().toISOString();
  switch (op) {
    case "skip": {
      // Each problem is said under its field, and the form stays open.
      const reason = await aboutField("reason", () => formText(values.reason, REASON_MAX, (t) => f(t).skipReason));
      return advanced(
        ctx,
        facts,
        await changeWizard(ctx, id, () => ({ command: { type: "skip", step: req.step, reason } })),
        "form",
      );
    }
    case "conversation": {
      if (key !== "talk") break;
      const notes = await aboutField("notes", () =>
        formText(values.notes, CONVERSATION_MAX, (t) => f(t).conversationNotes),
      );
      const day = await aboutField("date", () => conversationDay(notes, values.date, facts.today));
      const conversation = { ...day, at: now };
      const result = await changeWizard(ctx, id, (w) => ({
        command: { type: "done", step: req.step },
        texts: { ...w.texts, conversation },
        details: { conversationOn: conversation.on },
      }));
      return advanced(ctx, facts, result, "form");
    }
    case "letter": {
      if (key !== "why" && key !== "next") break;
      const text = await aboutField("text", () => formText(values.text, LETTER_MAX, (t) => f(t).letterField));
      const drafts = draftLetters(ctx, wizard, facts);
      const draft = key === "why" ? drafts.why : drafts.next;
      const letter = {
        text,
        source: text === draft.trim() ? "draft" : "own",
        language: facts.letterLocale,
        at: now,
      } as const;
      const result = await changeWizard(ctx, id, (w) => ({
        command: { type: "done", step: req.step },
        texts: { ...w.texts, [key]: letter },
        details: { letter: key, source: letter.source },
      }));
      return advanced(
        ctx,
        facts,
        result,
        "form",
        undefined,
        result.ok ? [letterSentPrompt(ctx, result.wizard, key)] : [],
      );
    }
    case "lessons": {
      if (key !== "learn") break;
      const lines = await aboutField("text", () =>
        lessonLines(formText(values.text, LESSONS_TEXT_MAX, (t) => f(t).lessonsField)),
      );
      const at = ctx.clock.now();
      const result = await changeWizard(ctx, id, (w) => ({
        command: { type: "done", step: req.step },
        texts: { ...w.texts, lessons: { lines, at: now } },
        details: { lessons: lines.length },
        alsoWrite: async (tx) => {
          for (const note of lines) {
            await insertIncident(tx, {
              workspaceId: ctx.workspace.id,
              clientId: facts.client.id,
              // Their own kind: on the card and in the record, never counted toward risk (issue #14).
              kind: "lesson",
              note,
              reporterId: ctx.user.id,
              source: ctx.invocation.platform,
              occurredAt: at,
              createdAt: at,
            });
          }
        },
      }));
      return advanced(ctx, facts, result, "form", ctx.t.offboarding.lessonsSaved({ count: lines.length }));
    }
  }
  throw userError("bad-action", (t) => t.errors.unknownAction);
}
