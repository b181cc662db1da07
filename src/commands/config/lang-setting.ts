import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { catalogFor } from "../../messages/catalog.ts";
import { isLocale, locales } from "../../messages/locale.ts";
import { textMessage } from "../../messages/message.ts";
import { choiceArg } from "../args.ts";
import { type ConfigSetting, defineSetting, settingCommand } from "./config-settings.ts";

export const langSetting: ConfigSetting = defineSetting({
  name: "lang",
  usage: locales.join("|"),
  args: { lang: choiceArg(locales, (t) => t.help.argNames.lang) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.lang,
  show: (ctx) => [
    {
      label: ctx.t.config.labels.lang,
      value: isLocale(ctx.workspace.locale) ? ctx.t.config.languages[ctx.workspace.locale] : ctx.workspace.locale,
      command: settingCommand(langSetting),
    },
  ],
  async handler(ctx, { lang }) {
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { locale: lang });
      await ctx.audit({ action: "config.lang", details: { from: ctx.workspace.locale, to: lang } }, tx);
    });
    // Answer in the language just chosen.
    return [reply(textMessage(catalogFor(lang).config.langSet))];
  },
});
