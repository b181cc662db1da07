import { userError } from "../errors.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Context } from "./context.ts";

/** A precondition checked before a handler runs; throws a UserError to refuse. */
export type Guard = (ctx: Context) => Promise<void>;

/**
 * Only the workspace owner. Refusals are audited: the article says letting a client go is
 * the owner's job alone, and someone trying otherwise is worth knowing about.
 */
export function ownerOnly(action: (t: Catalog) => string): Guard {
  const guard: Guard = async (ctx) => {
    if (ctx.user.isOwner) return;
    await refuseIfOwnerUnknown(ctx, action);
    await ctx.audit({ action: "refused.owner-only", details: { input: describeInput(ctx) } });
    const owner = await ctx.ownerName();
    throw userError("owner-only", (t) => t.errors.ownerOnly({ action: action(t), owner }));
  };
  ownerOnlyGuardTag.add(guard);
  return guard;
}

/**
 * While the platform has not said who owns the workspace, nobody may do what only the owner
 * may (the first person to try would otherwise decide who the owner is). The adapter asks
 * the platform again on later requests.
 */
export async function refuseIfOwnerUnknown(ctx: Context, action: (t: Catalog) => string): Promise<void> {
  if (ctx.workspace.ownerUserId !== null) return;
  await ctx.audit({ action: "refused.owner-unknown", details: { input: describeInput(ctx) } });
  const platform = ctx.invocation.platform;
  throw userError("owner-unknown", (t) => t.errors.ownerUnknown({ action: action(t), platform }));
}

/** Guards made by ownerOnly, so help can say which commands are the owner's. */
export const ownerOnlyGuardTag = new WeakSet<Guard>();

export const dmOnly: Guard = async (ctx) => {
  if (!ctx.invocation.isDm) throw userError("dm-only", (t) => t.errors.dmOnly);
};

function describeInput(ctx: Context): string {
  const input = ctx.invocation.input;
  switch (input.kind) {
    case "text":
      return input.text.split(/\s+/)[0] ?? "";
    case "options":
      return input.verb;
    case "action":
      return input.actionId.split(":")[0] ?? "";
    case "form":
      return input.formId.split(":")[0] ?? "";
    case "autocomplete":
      return input.verb;
    case "message":
      return "log-message";
    default:
      return input.kind;
  }
}
