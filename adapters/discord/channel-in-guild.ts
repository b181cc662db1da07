import { DiscordAPIError, type REST } from "@discordjs/rest";
import { Routes } from "discord-api-types/v10";

/**
 * Whether a channel someone named (`<#123>`) is in this server: Discord says which server a
 * channel belongs to; one it will not show the bot is not linkable either.
 */
export async function channelInGuild(rest: REST, guildId: string, channelId: string): Promise<boolean> {
  try {
    const channel = (await rest.get(Routes.channel(channelId))) as { guild_id?: string };
    return channel.guild_id === guildId;
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404)) return false;
    throw error;
  }
}
