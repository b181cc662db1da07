import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { parseChannel } from "../../digest/schedule-settings.ts";
import { userError } from "../../errors.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

/** `/client config channel #billing` (or `here`): where the digest and overdue alerts are posted. */
export const channelSetting: ConfigSetting = defineSetting({
  name: "channel",
  usage: "#channel|here",
  args: { channel: valueArg((t) => t.config.labels.channel) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.channel,
  show: (ctx) => [
    {
      label: ctx.t.config.labels.channel,
      value: ctx.workspace.digestChannel ? `#${ctx.workspace.digestChannel}` : ctx.t.config.values.noChannel,
      command: settingCommand(channelSetting),
    },
  ],
  async handler(ctx, a) {
    const typed = a.channel ?? "";
    let channel: { id: string; name: string } | undefined;
    if (typed === "" || typed.toLowerCase() === "here" || typed.toLowerCase() === "ici") {
      if (ctx.invocation.isDm) throw userError("channel-in-dm", (t) => t.digest.config.channelInDm);
      channel = { id: ctx.invocation.channelId, name: ctx.invocation.channelId };
    } else {
      channel = parseChannel(typed);
      if (!channel) throw userError("invalid-channel", (t) => t.digest.config.invalidChannel({ value: typed }));
    }
    const chosen = channel;
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { digestChannel: chosen.id });
      await ctx.audit({ action: "config.channel", details: { from: ctx.workspace.digestChannel, to: chosen.id } }, tx);
    });
    return [reply(textMessage(ctx.t.digest.config.channelSet({ channel: chosen.name })))];
  },
});
