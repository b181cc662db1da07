import type { Context } from "../../core/context.ts";
import { reply } from "../../core/effects.ts";
import { userError } from "../../errors.ts";
import type { Catalog } from "../../messages/catalog.ts";
import { type Message, message } from "../../messages/message.ts";
import { noteArg, optional, wordArg } from "../args.ts";
import { configSettings } from "../config/config-registry.ts";
import { type ConfigRow, settingCommand } from "../config/config-settings.ts";
import { defineCommand } from "../define-command.ts";

export const configCommand = defineCommand({
  name: "config",
  group: "other",
  args: {
    setting: optional(wordArg((t) => t.help.argNames.setting)),
    value: optional({ ...noteArg(), label: (t) => t.help.argNames.value }),
  },
  help: (t) => ({ summary: t.help.verbs.config.summary, details: configHelp(t) }),
  examples: ["config", "config lang fr", "config channel #billing", "config digest 09:00 Europe/Paris"],
  // `/client config lang fr` runs the lang setting; only a word that names no setting comes here.
  subcommands: configSettings,
  async handler(ctx, a) {
    if (!a.setting) return [reply(await overview(ctx))];
    // A setting's name comes here only from Discord's registration of before settings were subcommands.
    const setting = a.setting.toLowerCase();
    if (configSettings.some((s) => s.name === setting)) throw userError("outdated", (t) => t.discord.unknownCommand);
    throw userError("unknown-setting", (t) =>
      t.config.unknownSetting({
        setting: a.setting ?? "",
        settings: configSettings.map((s) => `${s.name} ${s.usage}`).join(", "),
      }),
    );
  },
});

/** Every setting with its value and the command that changes it, in the registry's order. */
async function overview(ctx: Context): Promise<Message> {
  const { t } = ctx;
  const rows: ConfigRow[] = [];
  for (const setting of configSettings) {
    rows.push(
      ...((await setting.show?.(ctx)) ?? [{ label: setting.name, value: "", command: settingCommand(setting) }]),
    );
  }
  const lines = rows.map((r) => (r.value === "" ? `${r.label} — ${r.command}` : t.config.row(r)));
  return message([t.config.title, ...lines].join("\n"))
    .header(t.config.title)
    .text(lines.join("\n"))
    .context(t.config.footer({ owner: await ctx.ownerName() }))
    .build();
}

/** `/client help config`: each setting's command and what it does. */
function configHelp(t: Catalog): string {
  return [
    t.help.verbs.config.details,
    ...configSettings.map((s) => t.config.helpRow({ command: settingCommand(s), what: s.help(t).summary })),
  ].join("\n");
}
