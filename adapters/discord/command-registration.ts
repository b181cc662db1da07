import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { ArgDef, ArgKind } from "../../src/commands/args.ts";
import type { CommandDef, CommandGroup } from "../../src/commands/define-command.ts";
import type { Catalog } from "../../src/messages/catalog.ts";
import { en } from "../../src/messages/en/index.ts";
import { fr } from "../../src/messages/fr/index.ts";
import { truncate } from "./escape-markdown.ts";

export const COMMAND_NAME = "client";

/** Discord's limits on one slash command. */
const MAX_OPTIONS = 25;
const MAX_DESCRIPTION = 100;
const MAX_STRING_LENGTH = 6000;
const MAX_COMMAND_CHARACTERS = 8000;
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

const optionType: Record<ArgKind, ApplicationCommandOptionType.String | ApplicationCommandOptionType.Number> = {
  client: ApplicationCommandOptionType.String,
  slug: ApplicationCommandOptionType.String,
  name: ApplicationCommandOptionType.String,
  text: ApplicationCommandOptionType.String,
  word: ApplicationCommandOptionType.String,
  invoice: ApplicationCommandOptionType.String,
  // Amounts and dates are typed the way people write them (`1 200,50`, `2026-01-15`) and the
  // core's schema reads them; Discord's number option would refuse a decimal comma.
  amount: ApplicationCommandOptionType.String,
  date: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Number,
};

/**
 * A command with subcommands (`config`) is a subcommand group on Discord, where a group cannot
 * be run itself: this subcommand of it runs the command with no subcommand (`/client config show`).
 */
export const OWN_SUBCOMMAND = "show";

/** Discord's name for a group of verbs, when the verbs must be grouped (`/client billing paid`). */
const groupNames: Record<CommandGroup, string> = {
  incidents: "log",
  clients: "clients",
  invoices: "billing",
  schedule: "schedule",
  offboarding: "offboarding",
  other: "more",
};

/** An argument's option name: Discord wants lowercase, so `dueDate` is offered as `due-date`. */
export function optionName(argKey: string): string {
  return argKey.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The argument an option stands for, given its command. */
export function argKeyOf(command: CommandDef, name: string): string | undefined {
  return Object.keys(command.args).find((key) => optionName(key) === name);
}

/**
 * The one `/client` command, derived from the core's command definitions: a subcommand per
 * verb, an option per argument (required ones first, as Discord demands), autocomplete where
 * the argument offers it, English descriptions with French localisations. A verb with subcommands
 * is a group of them (`/client config lang`). Past 25 verbs, the largest groups of other verbs
 * become subcommand groups (`/client billing paid`) until it fits.
 */
export function buildClientCommand(commands: readonly CommandDef[]): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const subcommands = commands.map((c) => (c.subcommands ? subcommandGroup(c) : subcommand(c)));
  let options = subcommands;
  if (subcommands.length > MAX_OPTIONS) options = groupOverflow(commands, subcommands);
  const body: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    ...described((t) => t.discord.commandDescription),
    options,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
  checkLimits(body);
  return body;
}

function subcommand(command: CommandDef): APIApplicationCommandSubcommandOption {
  if (!NAME.test(command.name) || command.name !== command.name.toLowerCase()) {
    throw new Error(`"${command.name}" cannot be a Discord subcommand name`);
  }
  // Discord wants the required options first; they are named, so their order means nothing else.
  const args = Object.entries(command.args)
    .map(([key, arg]) => argOption(command, key, arg))
    .sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  if (args.length > MAX_OPTIONS) throw new Error(`/client ${command.name} has more than ${MAX_OPTIONS} arguments`);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name,
    ...described((t) => command.help(t).summary),
    // Discord refuses a required option after an optional one; the core reads options by name.
    options: [...args.filter((o) => o.required), ...args.filter((o) => !o.required)],
  };
}

function subcommandGroup(command: CommandDef): APIApplicationCommandSubcommandGroupOption {
  const subs = command.subcommands ?? [];
  if (subs.some((s) => s.name === OWN_SUBCOMMAND) || subs.length >= MAX_OPTIONS) {
    throw new Error(`/client ${command.name}: its subcommands cannot be a Discord subcommand group`);
  }
  return {
    type: ApplicationCommandOptionType.SubcommandGroup,
    name: command.name,
    ...described((t) => command.help(t).summary),
    options: [{ ...subcommand({ ...command, args: {} }), name: OWN_SUBCOMMAND }, ...subs.map(subcommand)],
  };
}

function argOption(command: CommandDef, key: string, arg: ArgDef): APIApplicationCommandBasicOption {
  const name = optionName(key);
  if (!NAME.test(name)) throw new Error(`/client ${command.name}: "${key}" cannot be a Discord option name`);
  // A command with a form takes no option at all (the form opens): none is required then.
  const common = {
    name,
    ...described((t) => arg.describe?.(t) ?? arg.label(t)),
    // A client a linked channel can stand for may be left out (the channel's client is meant).
    required: !arg.optional && !command.form && !(command.clientFromChannel && arg.kind === "client"),
  };
  const type = optionType[arg.kind];
  if (type === ApplicationCommandOptionType.Number) return { ...common, type };
  return {
    ...common,
    type,
    ...(arg.max ? { max_length: Math.min(arg.max, MAX_STRING_LENGTH) } : {}),
    ...(arg.choices
      ? { choices: arg.choices.slice(0, MAX_OPTIONS).map((c) => ({ name: c, value: c })) }
      : arg.autocomplete
        ? { autocomplete: true }
        : {}),
  };
}

/** A description in English with its French localisation when it differs. */
function described(text: (t: Catalog) => string): {
  description: string;
  description_localizations?: { fr: string };
} {
  const english = truncate(text(en), MAX_DESCRIPTION);
  const french = truncate(text(fr), MAX_DESCRIPTION);
  return french === english
    ? { description: english }
    : { description: english, description_localizations: { fr: french } };
}

function groupOverflow(
  commands: readonly CommandDef[],
  subcommands: (APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption)[],
): (APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption)[] {
  const byGroup = new Map<CommandGroup, number[]>();
  commands.forEach((c, i) => {
    byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), i]);
  });
  const grouped = new Set<CommandGroup>();
  let count = subcommands.length;
  for (const [group, members] of [...byGroup].sort((a, b) => b[1].length - a[1].length)) {
    if (count <= MAX_OPTIONS) break;
    grouped.add(group);
    count -= members.length - 1;
  }
  if (count > MAX_OPTIONS) throw new Error(`/client has too many subcommands for Discord (${commands.length})`);
  const out: (APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption)[] = [];
  const emitted = new Set<CommandGroup>();
  commands.forEach((c, i) => {
    if (!grouped.has(c.group)) {
      out.push(subcommands[i] as APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption);
      return;
    }
    if (emitted.has(c.group)) return;
    emitted.add(c.group);
    const indexes = byGroup.get(c.group) ?? [];
    const members = indexes
      .map((j) => subcommands[j])
      .filter((m) => m?.type === ApplicationCommandOptionType.Subcommand);
    if (members.length > MAX_OPTIONS) throw new Error(`/client: the ${c.group} group has more than 25 commands`);
    // Discord nests no group in a group: a command with subcommands stays at the top.
    if (members.length < indexes.length) throw new Error(`/client: the ${c.group} group cannot be a subcommand group`);
    out.push({
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: groupNames[c.group],
      ...described((t) => t.discord.groups[c.group]),
      options: members,
    });
  });
  return out;
}

/** Discord counts names, descriptions (the longest localisation) and choices against 8,000. */
export function commandCharacters(body: RESTPostAPIChatInputApplicationCommandsJSONBody): number {
  type Node = {
    name: string;
    description?: string;
    description_localizations?: Record<string, string | null> | null;
    options?: readonly Node[];
    choices?: readonly { name: string; value: string | number }[];
  };
  const count = (node: Node): number =>
    node.name.length +
    Math.max(
      node.description?.length ?? 0,
      ...Object.values(node.description_localizations ?? {}).map((d) => d?.length ?? 0),
    ) +
    (node.choices ?? []).reduce((n, c) => n + c.name.length + String(c.value).length, 0) +
    (node.options ?? []).reduce((n, o) => n + count(o), 0);
  return count(body as Node);
}

function checkLimits(body: RESTPostAPIChatInputApplicationCommandsJSONBody): void {
  const size = commandCharacters(body);
  if (size > MAX_COMMAND_CHARACTERS) {
    throw new Error(
      `/client is ${size} characters for Discord, over its ${MAX_COMMAND_CHARACTERS}: shorten help summaries`,
    );
  }
}
