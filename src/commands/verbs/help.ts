import { defineAction } from "../../core/define-action.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnlyGuardTag } from "../../core/guards.ts";
import { userError } from "../../errors.ts";
import { HELP_ACTION } from "../../home/welcome.ts";
import type { Catalog } from "../../messages/catalog.ts";
import { labelValue } from "../../messages/label-value.ts";
import { type Message, message } from "../../messages/message.ts";
import { optional, wordArg } from "../args.ts";
import type { CommandIndex } from "../command-index.ts";
import { type CommandDef, type CommandGroup, defineCommand } from "../define-command.ts";
import { usageOf } from "../usage.ts";

/** `/client help [topic]`, over the commands the index holds (help among them). */
export function helpCommandFor(commands: () => CommandIndex): CommandDef {
  return defineCommand({
    name: "help",
    group: "other",
    args: { topic: optional(wordArg((t) => t.help.argNames.verb)) },
    help: (t) => t.help.verbs.help,
    examples: ["help", "help late"],
    async handler(ctx, a) {
      if (!a.topic) return [reply(overview(commands().list, ctx.t))];
      const command = commands().get(a.topic.toLowerCase().replace(/^\/client\s+/, ""));
      if (!command) throw userError("unknown-topic", (t) => t.help.unknownTopic({ topic: a.topic ?? "" }));
      return [reply(detail(command, ctx.t))];
    },
  });
}

/** `help[:topic]`: the welcome's help button runs `/client help [topic]`. */
export const helpAction = defineAction({
  name: HELP_ACTION,
  command: (params) => ({ verb: "help", options: params[0] ? { topic: params[0] } : {} }),
});

const groupOrder: CommandGroup[] = ["incidents", "clients", "invoices", "schedule", "offboarding", "other"];

function overview(list: readonly CommandDef[], t: Catalog): Message {
  const m = message(t.help.title).header(t.help.title).text(t.help.intro);
  const groups: Record<CommandGroup, string> = t.help.groups;
  for (const group of groupOrder) {
    const commands = list.filter((c) => c.group === group);
    if (commands.length === 0) continue;
    m.text(
      [
        groups[group],
        ...commands.map(
          (c) =>
            `• ${labelValue(withAliases(c, t), c.help(t).summary, t.locale)}${isOwnerOnly(c) ? ` (${t.help.ownerOnly})` : ""}`,
        ),
      ].join("\n"),
    );
  }
  return m.build();
}

function detail(command: CommandDef, t: Catalog): Message {
  const h = command.help(t);
  const title = labelValue(`/client ${command.name}`, h.summary, t.locale);
  return message(title)
    .header(`/client ${command.name}`)
    .text(
      `${h.summary[0]?.toUpperCase() ?? ""}${h.summary.slice(1)}. ${h.details}${isOwnerOnly(command) ? ` ${t.help.ownerOnly}` : ""}${also(command, t)}`,
    )
    .inLocale(t.locale)
    .fields([
      { label: t.help.usage, value: usageOf(command, t) },
      { label: t.help.examples, value: command.examples.map((e) => `/client ${e}`).join("\n") },
    ])
    .build();
}

/** The usage with the verb's names in this language: `/client late|retard <client> …`. */
function withAliases(command: CommandDef, t: Catalog): string {
  const usage = usageOf(command, t);
  const aliases = t.help.aliases(command.name);
  if (aliases.length === 0) return usage;
  return `/client ${[command.name, ...aliases].join("|")}${usage.slice(`/client ${command.name}`.length)}`;
}

function also(command: CommandDef, t: Catalog): string {
  const aliases = t.help.aliases(command.name);
  return aliases.length > 0 ? ` ${t.help.alsoCalled({ names: aliases.map((a) => `/client ${a}`).join(", ") })}` : "";
}

function isOwnerOnly(command: CommandDef): boolean {
  return command.guards?.some((g) => ownerOnlyGuardTag.has(g)) ?? false;
}
