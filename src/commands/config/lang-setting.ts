import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { userError } from "../../errors.ts";
import { catalogFor } from "../../messages/catalog.ts";
import { isLocale, locales } from "../../messages/locale.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, settingCommand } from "./config-settings.ts";

export const langSetting: ConfigSetting = {
  name: "lang",
  usage: locales.join("|"),
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.lang,
  show: (ctx) => [
    {
      label: ctx.t.config.labels.lang,
      value: isLocale(ctx.workspace.locale) ? ctx.t.config.languages[ctx.workspace.locale] : ctx.workspace.locale,
      command: settingCommand(langSetting),
    },
  ],
  async apply(ctx, value) {
    const lang = value.trim().toLowerCase();
    if (!isLocale(lang)) {
      throw userError("invalid.choice", (t) =>
        t.invalid.choice({ arg: t.help.argNames.lang, value, choices: locales.join(", ") }),
      );
    }
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { locale: lang });
      await ctx.audit({ action: "config.lang", details: { from: ctx.workspace.locale, to: lang } }, tx);
    });
    // Answer in the language just chosen.
    return [reply(textMessage(catalogFor(lang).config.langSet))];
  },
};
