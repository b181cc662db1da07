import { type ClientRow, findClient, updateClient } from "../../db/queries/clients.ts";
import { memberNames } from "../../db/queries/members.ts";
import { insertOffboarding, type OffboardingRow, openOffboardingFor } from "../../db/queries/offboardings.ts";
import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { dm, type Effect, reply } from "../core/effects.ts";
import { newWizard } from "../domain/wizard/wizard-state.ts";
import { STEP_COUNT } from "../domain/wizard/wizard-steps.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import { buildOpeningMessage } from "./build-opening-message.ts";
import { buildStepMessage } from "./build-step-message.ts";
import { changeWizard } from "./change-wizard.ts";
import { refuseOffboarding } from "./offboarding-guard.ts";
import { loadWizardFacts } from "./wizard-facts.ts";
import { stateColumns, wizardOf } from "./wizard-record.ts";

/**
 * `/client offboard <client>`: starts the owner's private wizard, or resumes the one in
 * progress for that client. Everything goes to the owner's DM; in a channel the owner only
 * gets a private "continuing in a direct message". Nothing is ever posted.
 */
export async function startOffboarding(ctx: Context, query: string): Promise<Effect[]> {
  const client = await clientToOffboard(ctx, query);
  const open = await openOffboardingFor(ctx.db, ctx.workspace.id, client.id);
  if (open) return resumeOffboarding(ctx, client, open);
  if (client.status === "offboarded") {
    throw userError("already-former", (t) =>
      t.offboarding.refused.alreadyFormer({ client: client.displayName, slug: client.slug }),
    );
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertOffboarding(tx, {
      workspaceId: ctx.workspace.id,
      clientId: client.id,
      ownerUserId: ctx.user.id,
      ...stateColumns(newWizard(now)),
      texts: {},
      startedAt: now,
      updatedAt: now,
    });
    if (!inserted) return undefined;
    await updateClient(tx, ctx.workspace.id, client.id, { status: "offboarding" });
    await ctx.audit(
      {
        action: "offboarding.started",
        subjectType: "offboarding",
        subjectId: inserted.id,
        details: { client: client.slug },
      },
      tx,
    );
    return inserted;
  });
  if (!row) {
    // Started a moment ago by a request that won the race: resume that one.
    const raced = await openOffboardingFor(ctx.db, ctx.workspace.id, client.id);
    if (raced) return resumeOffboarding(ctx, client, raced);
    throw new Error("offboarding insert conflicted but none is open");
  }
  const wizard = wizardOf(row);
  const facts = await loadWizardFacts(ctx, { ...client, status: "offboarding" }, row.ownerUserId);
  return [
    ...continuing(ctx),
    dm(ctx.user.id, buildOpeningMessage(ctx, wizard, facts)),
    dm(ctx.user.id, buildStepMessage(ctx, wizard, facts)),
  ];
}

async function resumeOffboarding(ctx: Context, client: ClientRow, row: OffboardingRow): Promise<Effect[]> {
  if (row.ownerUserId !== ctx.user.id) {
    await ctx.audit({
      action: "refused.offboard",
      subjectType: "offboarding",
      subjectId: row.id,
      details: { why: "started-by-someone-else" },
    });
    const names = await memberNames(ctx.db, ctx.workspace.id, [row.ownerUserId]);
    const owner = names.get(row.ownerUserId) ?? row.ownerUserId;
    throw userError("wizard-not-yours", (t) => t.offboarding.refused.otherOwner({ client: client.displayName, owner }));
  }
  let wizard = wizardOf(row);
  if (wizard.state.status === "paused") {
    const result = await changeWizard(ctx, row.id, () => ({ command: { type: "resume" } }));
    if (result.ok) wizard = result.wizard;
  }
  const facts = await loadWizardFacts(ctx, client, row.ownerUserId);
  const note = ctx.t.offboarding.resuming({
    client: client.displayName,
    step: wizard.state.current,
    total: STEP_COUNT,
  });
  return [...continuing(ctx), dm(ctx.user.id, buildStepMessage(ctx, wizard, facts, note))];
}

/**
 * The owner finds any client. A former owner (no longer the workspace's owner) may only
 * reach the client of the wizard they started; for anything else they get the same refusal
 * as anyone, so it reveals nothing.
 */
async function clientToOffboard(ctx: Context, query: string): Promise<ClientRow> {
  if (ctx.user.isOwner) return requireClient(ctx, query);
  const found = await findClient(ctx.db, ctx.workspace.id, query);
  const open = found ? await openOffboardingFor(ctx.db, ctx.workspace.id, found.id) : undefined;
  if (found && open?.ownerUserId === ctx.user.id) return found;
  return refuseOffboarding(ctx, "not-owner");
}

function continuing(ctx: Context): Effect[] {
  return ctx.invocation.isDm ? [] : [reply(textMessage(ctx.t.offboarding.continuingInDm))];
}
