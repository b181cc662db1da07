import { hasOpenOffboardingBy } from "../../db/queries/offboardings.ts";
import type { Context } from "../core/context.ts";
import { type Guard, ownerOnlyGuardTag, refuseIfOwnerUnknown } from "../core/guards.ts";
import { userError } from "../errors.ts";

/**
 * `/client offboard` is the owner's alone (PLAYBOOK.md §3: never delegated). A former owner
 * keeps the wizard they started, so they pass too; the handler then checks that wizard.
 * Anyone else gets the same private refusal whatever the client named, so it reveals
 * nothing; the attempt is audited, and nobody is told.
 */
export const offboardingGuard: Guard = async (ctx) => {
  if (ctx.user.isOwner || (await hasOpenOffboardingBy(ctx.db, ctx.workspace.id, ctx.user.id))) return;
  await refuseIfOwnerUnknown(ctx, (t) => t.offboarding.action.offboard);
  await refuseOffboarding(ctx, "not-owner");
};
ownerOnlyGuardTag.add(offboardingGuard);

export async function refuseOffboarding(ctx: Context, why: string): Promise<never> {
  const input = ctx.invocation.input;
  const asked = input.kind === "text" ? input.text : input.kind === "options" ? JSON.stringify(input.options) : "";
  await ctx.audit({ action: "refused.offboard", details: { why, asked: asked.slice(0, 200) } });
  const owner = await ctx.ownerName();
  throw userError("owner-only", (t) => t.offboarding.refused.offboard({ owner }));
}
