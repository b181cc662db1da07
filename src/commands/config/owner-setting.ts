import { findMember, type MemberRow, membersNamed } from "../../../db/queries/member-lookup.ts";
import { lockWorkspace, updateWorkspace } from "../../../db/queries/workspaces.ts";
import type { Context } from "../../core/context.ts";
import { dm, reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { userError } from "../../errors.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

// Slack `<@U123>` or `<@U123|name>`, Discord `<@123>` or `<@!123>`: the platform vouches for the id.
const MENTION = /^<@!?([A-Za-z0-9]{1,40})(?:\|[^>]*)?>$/;
// The console's `@name` (the name is the id there), or a name typed without the mention.
const NAME = /^@?([\p{L}\p{N}._-]{1,64})$/u;

/**
 * `/client config owner @person`: only the current owner hands the workspace over. A wizard
 * already in progress stays with whoever started it (its row keeps its owner).
 */
export const ownerSetting: ConfigSetting = defineSetting({
  name: "owner",
  usage: "@user",
  args: { owner: valueArg((t) => t.config.labels.owner) },
  guards: [ownerOnly((t) => t.offboarding.action.owner)],
  describe: (t) => t.config.describe.owner,
  show: async (ctx) => [
    { label: ctx.t.config.labels.owner, value: await ctx.ownerName(), command: settingCommand(ownerSetting) },
  ],
  async handler(ctx, a) {
    const next = await resolvePerson(ctx, a.owner ?? "");
    if (next.userId === ctx.workspace.ownerUserId) {
      throw userError("owner-same", (t) => t.offboarding.owner.same({ owner: next.displayName }));
    }
    const ownerMeanwhile = await ctx.db.transaction(async (tx) => {
      // Two hand-overs at once: the second waits here, then finds it no longer owns the workspace.
      const current = await lockWorkspace(tx, ctx.workspace.id);
      if (!current || current.ownerUserId !== ctx.user.id) return current?.ownerUserId ?? "";
      await updateWorkspace(tx, ctx.workspace.id, { ownerUserId: next.userId });
      await ctx.audit({ action: "config.owner", details: { from: current.ownerUserId, to: next.userId } }, tx);
      return undefined;
    });
    if (ownerMeanwhile !== undefined) {
      const owner = (await findMember(ctx.db, ctx.workspace.id, ownerMeanwhile))?.displayName ?? ownerMeanwhile;
      throw userError("owner-changed", (t) => t.offboarding.owner.changed({ owner }));
    }
    return [
      reply(textMessage(ctx.t.offboarding.owner.set({ owner: next.displayName }))),
      dm(next.userId, textMessage(ctx.t.offboarding.owner.told({ from: ctx.user.name }))),
    ];
  },
});

async function resolvePerson(ctx: Context, value: string): Promise<MemberRow> {
  const mention = MENTION.exec(value);
  if (mention?.[1]) {
    const id = mention[1];
    return (await findMember(ctx.db, ctx.workspace.id, id)) ?? { userId: id, displayName: id };
  }
  const name = NAME.exec(value)?.[1];
  if (!name) throw userError("owner-invalid", (t) => t.offboarding.owner.invalid({ value: value.slice(0, 80) }));
  // A plain name could be a typo: hand over only to someone Tact has seen, by id or by a unique name.
  const byId = await findMember(ctx.db, ctx.workspace.id, name);
  if (byId) return byId;
  const byName = await membersNamed(ctx.db, ctx.workspace.id, name);
  if (byName.length === 1 && byName[0]) return byName[0];
  throw userError("owner-unknown", (t) => t.offboarding.owner.unknown({ value: name }));
}
