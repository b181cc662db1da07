import {
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { CapturedMessage } from "../../src/core/invocation.ts";
import { en } from "../../src/messages/en/index.ts";
import { fr } from "../../src/messages/fr/index.ts";

/** The message command's name as registered (Discord matches interactions by it). */
export const LOG_MESSAGE_COMMAND = en.evidence.commandName;

/** "Log to Tact" in a message's Apps menu: a message context-menu command (type 3), in servers. */
export function buildMessageCommand(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return {
    type: ApplicationCommandType.Message,
    name: LOG_MESSAGE_COMMAND,
    name_localizations: { fr: fr.evidence.commandName },
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/**
 * The message a message command targets, from the interaction's resolved data: its text as
 * sent, its author (absent for a deleted user, whom Discord shows as "Deleted User" with a
 * fixed id), its time, its files, and its link.
 */
export function capturedFromDiscord(raw: APIMessageApplicationCommandInteraction): CapturedMessage | undefined {
  const message: APIMessage | undefined = raw.data.resolved.messages[raw.data.target_id];
  if (!message) return undefined;
  const author = message.author;
  const deleted = author.id === DELETED_USER_ID || /^Deleted User/i.test(author.username ?? "");
  const guild = raw.guild_id ?? "@me";
  return {
    channelId: message.channel_id,
    messageId: message.id,
    text: message.content ?? "",
    authorId: deleted ? undefined : author.id,
    authorName: deleted ? undefined : author.global_name || author.username,
    postedAt: new Date(message.timestamp),
    link: `https://discord.com/channels/${guild}/${message.channel_id}/${message.id}`,
    files: message.attachments?.length ?? 0,
  };
}

/** The id Discord gives every deleted user's messages. */
const DELETED_USER_ID = "456226577798135808";
