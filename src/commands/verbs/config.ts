import { reply } from "../../core/effects.ts";
import { userError } from "../../errors.ts";
import { isLocale } from "../../messages/locale.ts";
import { textMessage } from "../../messages/message.ts";
import { noteArg, optional, wordArg } from "../args.ts";
import { configSettings } from "../config/config-registry.ts";
import { defineCommand } from "../define-command.ts";

export const configCommand = defineCommand({
  name: "config",
  group: "other",
  args: {
    setting: optional(wordArg((t) => t.help.argNames.setting)),
    value: optional({ ...noteArg(), label: (t) => t.help.argNames.value }),
  },
  help: (t) => t.help.verbs.config,
  examples: ["config", "config lang fr"],
  async handler(ctx, a) {
    const { t } = ctx;
    if (!a.setting) {
      const lang = isLocale(ctx.workspace.locale) ? t.config.languages[ctx.workspace.locale] : ctx.workspace.locale;
      return [
        reply(textMessage(t.config.current({ lang, owner: await ctx.ownerName(), timezone: ctx.workspace.timezone }))),
      ];
    }
    const name = a.setting.toLowerCase();
    const setting = configSettings.find((s) => s.name === name);
    if (!setting) {
      throw userError("unknown-setting", (t) =>
        t.config.unknownSetting({
          setting: a.setting ?? "",
          settings: configSettings.map((s) => `${s.name} ${s.usage}`).join(", "),
        }),
      );
    }
    for (const guard of setting.guards) await guard(ctx);
    return setting.apply(ctx, a.value ?? "");
  },
});
