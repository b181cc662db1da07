import { findOffboarding } from "../../db/queries/offboardings.ts";
import type { Context } from "../core/context.ts";
import { isStepNumber } from "../domain/wizard/wizard-steps.ts";
import { userError } from "../errors.ts";
import { type Wizard, wizardOf } from "./wizard-record.ts";

export interface WizardRequest {
  wizard: Wizard;
  /** The step the button or form belonged to. */
  step: number;
  op: string;
  arg: string | undefined;
}

/**
 * Every button and form of the wizard comes through here: its id (`<offboarding id>:<step>:
 * <op>[:<arg>]`) can be forged or forwarded, so the wizard is looked up in the presser's
 * workspace and must have been started by the presser. Anything else is refused, the same
 * way whether or not such a wizard exists, and audited.
 */
export async function authorizeWizard(ctx: Context, params: readonly string[]): Promise<WizardRequest> {
  const [idText = "", stepText = "", op = "", arg] = params;
  const id = Number(idText);
  const step = Number(stepText);
  if (!/^\d{1,10}$/.test(idText) || !Number.isSafeInteger(id) || !isStepNumber(step) || !/^[a-z]{1,20}$/.test(op)) {
    await refusal(ctx, { why: "malformed", params: params.join(":").slice(0, 100) });
    throw userError("bad-action", (t) => t.errors.unknownAction);
  }
  const row = await findOffboarding(ctx.db, ctx.workspace.id, id);
  if (!row || row.ownerUserId !== ctx.user.id) {
    await refusal(ctx, { why: row ? "not-the-starter" : "no-such-wizard", offboardingId: id, step, op });
    throw userError("wizard-not-yours", (t) => t.offboarding.refused.press);
  }
  return { wizard: wizardOf(row), step, op, arg };
}

async function refusal(ctx: Context, details: Record<string, unknown>): Promise<void> {
  const id = details.offboardingId;
  await ctx.audit({
    action: "refused.wizard",
    ...(typeof id === "number" ? { subjectType: "offboarding", subjectId: id } : {}),
    details: { ...details, input: ctx.invocation.input.kind },
  });
}
