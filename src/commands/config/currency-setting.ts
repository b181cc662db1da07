import { updateWorkspace } from "../../../db/queries/workspaces.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { parseCurrency } from "../../invoices/parse-inputs.ts";
import { textMessage } from "../../messages/message.ts";
import { type ConfigSetting, defineSetting, settingCommand, valueArg } from "./config-settings.ts";

/** `/client config currency EUR`: the currency of amounts typed without one (owner only). */
export const currencySetting: ConfigSetting = defineSetting({
  name: "currency",
  usage: "EUR|GBP|USD|…",
  args: { currency: valueArg((t) => t.config.labels.currency) },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describeCurrency,
  show: ({ t, workspace }) => [
    {
      label: t.config.labels.currency,
      value: workspace.defaultCurrency ?? t.config.values.noCurrency,
      command: settingCommand(currencySetting),
    },
  ],
  async handler(ctx, a) {
    const typed = a.currency ?? "";
    if (typed === "")
      return [reply(textMessage(ctx.t.config.currency.current({ currency: ctx.workspace.defaultCurrency })))];
    const currency = parseCurrency(typed);
    await ctx.db.transaction(async (tx) => {
      await updateWorkspace(tx, ctx.workspace.id, { defaultCurrency: currency });
      await ctx.audit(
        { action: "config.currency", details: { from: ctx.workspace.defaultCurrency, to: currency } },
        tx,
      );
    });
    const example = ctx.fmt.number(500);
    return [reply(textMessage(ctx.t.config.currency.set({ currency, example })))];
  },
});
