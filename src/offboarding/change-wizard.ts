import type { Db } from "../../db/database.ts";
import { updateClient } from "../../db/queries/clients.ts";
import { lockOffboarding, updateOffboarding } from "../../db/queries/offboardings.ts";
import type { Context } from "../core/context.ts";
import { applyWizardCommand, type WizardCommand, type WizardRejection } from "../domain/wizard/apply-wizard-command.ts";
import { userError } from "../errors.ts";
import { stateColumns, type Wizard, type WizardTexts, wizardOf } from "./wizard-record.ts";

/** What to do to a wizard: a command for the state machine, new texts, and writes of its own. */
export interface WizardChange {
  command?: WizardCommand;
  texts?: WizardTexts;
  /** Audit details beyond the command (what was decided, what was written). */
  details?: Record<string, unknown>;
  /** The audit action when not the command's (`offboarding.<command>`, else `offboarding.edit`). */
  action?: string;
  /** More writes in the same transaction, once the change is applied. */
  alsoWrite?: (tx: Db, wizard: Wizard) => Promise<void>;
}

export type ChangeResult =
  | { ok: true; wizard: Wizard; before: Wizard; finished: boolean }
  | { ok: false; reason: WizardRejection; wizard: Wizard };

/**
 * Applies one change to a wizard in one transaction, the row locked so two presses apply
 * one after the other. Re-checks, under the lock, that the person is the one who started
 * it. Finishing makes the client a former client; cancelling makes it active again.
 */
export async function changeWizard(
  ctx: Context,
  offboardingId: number,
  decide: (wizard: Wizard) => WizardChange,
): Promise<ChangeResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await lockOffboarding(tx, ctx.workspace.id, offboardingId);
    if (!row || row.ownerUserId !== ctx.user.id)
      throw userError("wizard-not-yours", (t) => t.offboarding.refused.press);
    const before = wizardOf(row);
    const change = decide(before);
    let state = before.state;
    let finished = false;
    if (change.command) {
      const result = applyWizardCommand(state, change.command, now);
      if (!result.ok) return { ok: false, reason: result.reason, wizard: before };
      state = result.state;
      finished = result.finished;
    }
    const ended = state.status === "done" || state.status === "cancelled";
    const updated = await updateOffboarding(tx, ctx.workspace.id, offboardingId, {
      ...stateColumns(state),
      texts: (change.texts ?? before.texts) as Record<string, unknown>,
      updatedAt: now,
      ...(ended ? { finishedAt: now } : {}),
    });
    const wizard = wizardOf(updated);
    if (finished) await updateClient(tx, ctx.workspace.id, row.clientId, { status: "offboarded" });
    if (state.status === "cancelled") await updateClient(tx, ctx.workspace.id, row.clientId, { status: "active" });
    await change.alsoWrite?.(tx, wizard);
    await ctx.audit(
      {
        action: change.action ?? `offboarding.${change.command?.type ?? "edit"}`,
        subjectType: "offboarding",
        subjectId: offboardingId,
        details: { step: before.state.current, ...(finished ? { finished: true } : {}), ...change.details },
      },
      tx,
    );
    return { ok: true, wizard, before, finished };
  });
}
