import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { describeDays, parseDays } from "../../digest/schedule-settings.ts";
import { userError } from "../../errors.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

/** `/client config days mon-fri` (or `mon,wed,fri`, `daily`, `lun-ven`): the digest's working days. */
export const daysSetting: ConfigSetting = defineSetting({
  name: "days",
  usage: "mon-fri|mon,wed,fri|daily",
  args: { days: valueArg((t) => t.config.labels.days) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.days,
  show: (ctx) => [
    {
      label: ctx.t.config.labels.days,
      value: describeDays(ctx.workspace.digestDays, ctx.t, ctx.fmt),
      command: settingCommand(daysSetting),
    },
  ],
  async handler(ctx, a) {
    const value = a.days ?? "";
    const days = parseDays(value);
    if (!days) throw userError("invalid-days", (t) => t.digest.config.invalidDays({ value }));
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { digestDays: days });
      await ctx.audit({ action: "config.days", details: { from: ctx.workspace.digestDays, to: days } }, tx);
    });
    return [reply(textMessage(ctx.t.digest.config.daysSet({ days: describeDays(days, ctx.t, ctx.fmt) })))];
  },
});
