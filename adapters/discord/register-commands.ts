import { DiscordAPIError, type REST } from "@discordjs/rest";
import { Routes } from "discord-api-types/v10";
import { commandList } from "../../src/commands/registry.ts";
import { errorMessage } from "../../src/serialize-error.ts";
import { buildClientCommand } from "./command-registration.ts";
import { buildMessageCommand } from "./message-command.ts";

export interface RegisterResult {
  /** Where: every server (global) or one server (instant, for development). */
  scope: "global" | { guildId: string };
  subcommands: string[];
}

/**
 * Replaces the application's commands with `/client` as derived from the core's
 * definitions. Global commands reach every server (Discord may take a while to show
 * changes); guild commands update at once in that server.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<RegisterResult> {
  const command = buildClientCommand(commandList());
  // `contexts` and `integration_types` only mean something for global commands.
  const { contexts: _contexts, integration_types: _types, ...guildCommand } = command;
  const messageCommand = buildMessageCommand();
  const { contexts: _c, integration_types: _t, ...guildMessageCommand } = messageCommand;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: guildId ? [guildCommand, guildMessageCommand] : [command, messageCommand] });
  const subcommands = (command.options ?? []).flatMap((o) =>
    "options" in o && o.type === 2 ? (o.options ?? []).map((s) => `${o.name} ${s.name}`) : [o.name],
  );
  return { scope: guildId ? { guildId } : "global", subcommands };
}

/** A line for the operator that says what to fix, from a failed registration. */
export function describeRegisterError(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return "Discord refused the token: check DISCORD_TOKEN (the bot token, not the client secret).";
    if (error.status === 403 || error.status === 404) {
      return "Discord refused: check DISCORD_APPLICATION_ID, and for --guild that the bot was invited to that server with the applications.commands scope.";
    }
    return `Discord refused the commands (${error.status} ${String(error.code)}): ${error.message.split("\n")[0] ?? ""}`;
  }
  return `Could not reach Discord: ${errorMessage(error)}. Check DISCORD_API_URL and the network.`;
}
