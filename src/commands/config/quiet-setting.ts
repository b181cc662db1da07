import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { userError } from "../../errors.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

/** `/client config quiet post|silent`: on a day with nothing to report, one short line or nothing. */
export const quietSetting: ConfigSetting = defineSetting({
  name: "quiet",
  usage: "post|silent",
  args: { quiet: valueArg((t) => t.config.labels.quiet, ["post", "silent"]) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.quiet,
  show: ({ t, workspace: ws }) => [
    {
      label: t.config.labels.quiet,
      value: ws.digestQuietPost ? t.digest.config.quietPostShort : t.digest.config.quietSilentShort,
      command: settingCommand(quietSetting),
    },
  ],
  async handler(ctx, a) {
    const choice = a.quiet?.toLowerCase();
    if (choice !== "post" && choice !== "silent") {
      throw userError("invalid-quiet", (t) => t.digest.config.invalidQuiet({ value: a.quiet ?? "" }));
    }
    const post = choice === "post";
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { digestQuietPost: post });
      await ctx.audit({ action: "config.quiet", details: { from: ctx.workspace.digestQuietPost, to: post } }, tx);
    });
    return [reply(textMessage(post ? ctx.t.digest.config.quietPost : ctx.t.digest.config.quietSilent))];
  },
});
