import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { parseTimeZone } from "../../digest/schedule-settings.ts";
import { userError } from "../../errors.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

/**
 * `/client config timezone Europe/Paris`: the workspace's zone on its own, where people look
 * for it (`/client config digest 09:00 Europe/Paris` sets it with the time).
 */
export const timezoneSetting: ConfigSetting = defineSetting({
  name: "timezone",
  usage: "Area/City",
  args: { timezone: valueArg((t) => t.config.labels.timezone) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.timezone,
  show: (ctx) => [
    { label: ctx.t.config.labels.timezone, value: ctx.workspace.timezone, command: settingCommand(timezoneSetting) },
  ],
  async handler(ctx, a) {
    const typed = a.timezone ?? "";
    const zone = parseTimeZone(typed);
    if (!zone) throw userError("invalid-timezone", (t) => t.digest.config.invalidTimeZone({ value: typed }));
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { timezone: zone });
      await ctx.audit({ action: "config.timezone", details: { from: ctx.workspace.timezone, to: zone } }, tx);
    });
    return [reply(textMessage(ctx.t.config.timezoneSet({ timezone: zone, time: ctx.workspace.digestTime })))];
  },
});
