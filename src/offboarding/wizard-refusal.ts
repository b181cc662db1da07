import type { Context } from "../core/context.ts";
import { dm, type Effect, reply } from "../core/effects.ts";
import type { WizardRejection } from "../domain/wizard/apply-wizard-command.ts";
import { isOpen } from "../domain/wizard/wizard-state.ts";
import { STEP_COUNT } from "../domain/wizard/wizard-steps.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import type { WizardRequest } from "./authorize-wizard.ts";
import { buildStepMessage } from "./build-step-message.ts";
import type { WizardFacts } from "./wizard-facts.ts";
import type { Wizard } from "./wizard-record.ts";

/** A finished wizard, or a button from a step already left: say so, change nothing. */
export async function notNow(ctx: Context, req: WizardRequest, facts: WizardFacts, anyStep: boolean) {
  if (!isOpen(req.wizard.state)) return rejected(ctx, "finished", req.wizard, facts);
  if (!anyStep && req.step !== req.wizard.state.current) return rejected(ctx, "stale", req.wizard, facts);
  return undefined;
}

export function rejected(ctx: Context, reason: WizardRejection, wizard: Wizard, facts: WizardFacts): Effect[] {
  const o = ctx.t.offboarding;
  switch (reason) {
    case "finished":
      return [reply(textMessage(o.refused.finished({ client: facts.client.displayName, slug: facts.client.slug })))];
    case "stale":
      return [
        reply(textMessage(o.refused.stale({ step: wizard.state.current, total: STEP_COUNT }))),
        dm(ctx.user.id, buildStepMessage(ctx, wizard, facts)),
      ];
    case "reasonRequired":
      throw userError("form-empty", (t) => t.offboarding.invalid.empty({ what: t.offboarding.forms.skipReason }));
    default:
      throw userError("bad-action", (t) => t.errors.unknownAction);
  }
}
