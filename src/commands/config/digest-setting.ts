import { updateWorkspace, type WorkspaceRow } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { describeSchedule, scheduleStatus } from "../../digest/describe-schedule.ts";
import { parseTime, parseTimeZone } from "../../digest/schedule-settings.ts";
import { userError } from "../../errors.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

/**
 * `/client config digest 09:00 Europe/Paris` (time, zone, or both), `on`, `off`; without a
 * value, the current schedule. The zone is the workspace's: days late are counted in it too.
 */
export const digestSetting: ConfigSetting = defineSetting({
  name: "digest",
  usage: "HH:MM [Area/City]|on|off",
  args: { schedule: valueArg((t) => t.config.labels.digest) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.digest,
  show: ({ t, workspace: ws }) => [
    {
      label: t.config.labels.digest,
      value: ws.digestEnabled
        ? t.config.values.digestOn({ time: ws.digestTime })
        : t.config.values.digestOff({ time: ws.digestTime }),
      command: settingCommand(digestSetting),
    },
  ],
  async handler(ctx, a) {
    const value = a.schedule ?? "";
    const words = value.split(/\s+/).filter(Boolean);
    if (words.length === 0) return [reply(textMessage(scheduleStatus(ctx, ctx.workspace)))];
    const single = words.length === 1 ? words[0]?.toLowerCase() : undefined;
    let changes: Partial<WorkspaceRow>;
    if (single === "off" || single === "on") {
      changes = { digestEnabled: single === "on" };
    } else {
      changes = {};
      for (const word of words) {
        const time = changes.digestTime === undefined ? parseTime(word) : undefined;
        if (time) {
          changes.digestTime = time;
          continue;
        }
        if (changes.timezone === undefined && /[/]|^(utc|gmt)$/i.test(word)) {
          const zone = parseTimeZone(word);
          if (!zone) throw userError("invalid-timezone", (t) => t.digest.config.invalidTimeZone({ value: word }));
          changes.timezone = zone;
          continue;
        }
        throw userError("invalid-digest", (t) => t.digest.config.invalidDigest({ value }));
      }
      // Setting a time means wanting the digest.
      changes.digestEnabled = true;
    }
    const updated = await ctx.db.transaction(async (tx) => {
      const row = await updateWorkspace(tx, ctx.workspace.id, changes);
      await ctx.audit(
        {
          action: "config.digest",
          details: {
            from: {
              time: ctx.workspace.digestTime,
              timezone: ctx.workspace.timezone,
              enabled: ctx.workspace.digestEnabled,
            },
            to: { time: row.digestTime, timezone: row.timezone, enabled: row.digestEnabled },
          },
        },
        tx,
      );
      return row;
    });
    if (!updated.digestEnabled) return [reply(textMessage(ctx.t.digest.config.digestOff))];
    const schedule = await describeSchedule(ctx, updated);
    const text = single === "on" ? `${ctx.t.digest.config.digestOn} ${schedule}` : schedule;
    return [reply(textMessage(text))];
  },
});
