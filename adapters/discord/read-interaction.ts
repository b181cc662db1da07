import {
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIModalSubmission,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from "discord-api-types/v10";
import type { CommandDef } from "../../src/commands/define-command.ts";
import { findCommand } from "../../src/commands/registry.ts";
import type { InvocationInput } from "../../src/core/invocation.ts";
import { argKeyOf, COMMAND_NAME, OWN_SUBCOMMAND } from "./command-registration.ts";
import { FORM_BUTTON_PREFIX, parseScopedId } from "./custom-id.ts";
import { capturedFromDiscord, LOG_MESSAGE_COMMAND } from "./message-command.ts";

/** Who sent an interaction, from where. */
export interface InteractionOrigin {
  /** The server: from the payload, or from a DM button's scoped id; absent in a bare DM. */
  guildId: string | undefined;
  userId: string;
  userName: string;
  channelId: string;
  channelName: string | undefined;
  /** The server's preferred locale when Discord says it, else the user's. */
  locale: string | undefined;
  isDm: boolean;
}

/** What an interaction asks of the bot. */
export type InteractionRequest =
  | { kind: "ping" }
  /** A slash command, button, select or form: run by the core. */
  | { kind: "invoke"; input: InvocationInput; command?: CommandDef | undefined }
  | { kind: "complete"; verb: string; option: string; partial: string }
  /** The adapter's own button re-opening a form that could not open in time. */
  | { kind: "open-form"; key: string }
  /** Not ours (another command name, an unknown component). */
  | { kind: "ignore" }
  /** A slash or context-menu command Tact does not (or no longer) define: registration is out of date. */
  | { kind: "unknown-command" };

export function readOrigin(raw: APIInteraction): InteractionOrigin {
  const user = raw.member?.user ?? raw.user;
  const nick = raw.member?.nick;
  const customId =
    raw.type === InteractionType.MessageComponent || raw.type === InteractionType.ModalSubmit ? raw.data.custom_id : "";
  return {
    guildId: raw.guild_id ?? parseScopedId(customId).guildId,
    userId: user?.id ?? "",
    userName: nick || user?.global_name || user?.username || user?.id || "",
    channelId: raw.channel?.id ?? raw.channel_id ?? "",
    channelName: raw.channel && "name" in raw.channel ? (raw.channel.name ?? undefined) : undefined,
    locale: raw.guild_locale ?? ("locale" in raw ? raw.locale : undefined),
    isDm: !raw.guild_id,
  };
}

export function readRequest(raw: APIInteraction): InteractionRequest {
  switch (raw.type) {
    case InteractionType.Ping:
      return { kind: "ping" };
    case InteractionType.ApplicationCommand: {
      if (raw.data.type === ApplicationCommandType.Message) {
        const message = raw.data.name === LOG_MESSAGE_COMMAND ? capturedFromDiscord(raw as never) : undefined;
        return message ? { kind: "invoke", input: { kind: "message", message } } : { kind: "unknown-command" };
      }
      if (raw.data.name !== COMMAND_NAME || !("options" in raw.data)) return { kind: "unknown-command" };
      const sub = subcommandOf(raw.data.options ?? []);
      if (!sub) return { kind: "unknown-command" };
      const command = findCommand(sub.name);
      const options: Record<string, string | number | boolean> = {};
      for (const o of sub.options) {
        if (!("value" in o)) continue;
        options[(command && argKeyOf(command, o.name)) ?? o.name] = o.value;
      }
      return { kind: "invoke", input: { kind: "options", verb: sub.name, options }, command };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      if (raw.data.name !== COMMAND_NAME) return { kind: "ignore" };
      const sub = subcommandOf(raw.data.options ?? []);
      const focused = sub?.options.find((o) => "focused" in o && o.focused);
      if (!sub || !focused || !("value" in focused)) return { kind: "ignore" };
      const command = findCommand(sub.name);
      return {
        kind: "complete",
        verb: sub.name,
        option: (command && argKeyOf(command, focused.name)) ?? focused.name,
        partial: String(focused.value),
      };
    }
    case InteractionType.MessageComponent: {
      const { actionId } = parseScopedId(raw.data.custom_id);
      if (actionId.startsWith(FORM_BUTTON_PREFIX)) {
        return { kind: "open-form", key: actionId.slice(FORM_BUTTON_PREFIX.length) };
      }
      if (raw.data.component_type === ComponentType.Button) {
        return { kind: "invoke", input: { kind: "action", actionId } };
      }
      if (raw.data.component_type === ComponentType.StringSelect) {
        const value = raw.data.values[0];
        if (value === undefined) return { kind: "ignore" };
        return { kind: "invoke", input: { kind: "action", actionId: `${actionId}:${value}` } };
      }
      return { kind: "ignore" };
    }
    case InteractionType.ModalSubmit: {
      const { actionId } = parseScopedId(raw.data.custom_id);
      return { kind: "invoke", input: { kind: "form", formId: actionId, values: formValues(raw.data) } };
    }
  }
  // A type Discord added after this was written: not ours to answer.
  return { kind: "ignore" };
}

/** The verb and its options, whether it sits at the top or inside a subcommand group. */
function subcommandOf(
  options: readonly APIApplicationCommandInteractionDataOption[],
): { name: string; options: readonly APIApplicationCommandInteractionDataOption[] } | undefined {
  const first = options[0];
  if (!first) return undefined;
  if (first.type === ApplicationCommandOptionType.Subcommand) return { name: first.name, options: first.options ?? [] };
  if (first.type !== ApplicationCommandOptionType.SubcommandGroup) return undefined;
  const inner = subcommandOf(first.options);
  // A verb's own subcommands (`/client config lang` is `config lang`), or a group of verbs (`/client billing paid`).
  if (!inner || !findCommand(first.name)?.subcommands) return inner;
  return { ...inner, name: inner.name === OWN_SUBCOMMAND ? first.name : `${first.name} ${inner.name}` };
}

/** Text inputs by id, from labelled components or the older action rows. */
function formValues(data: APIModalSubmission): Record<string, string> {
  const values: Record<string, string> = {};
  for (const top of data.components) {
    const inputs =
      top.type === ComponentType.ActionRow ? top.components : top.type === ComponentType.Label ? [top.component] : [];
    for (const input of inputs) {
      if (input.type === ComponentType.TextInput) values[input.custom_id] = input.value;
      else if (input.type === ComponentType.StringSelect) values[input.custom_id] = input.values[0] ?? "";
    }
  }
  return values;
}
