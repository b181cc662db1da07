import type { Logger } from "pino";
import type { Core } from "../../src/core/create-core.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import type { DiscordSender } from "./discord-sender.ts";
import { renderMessage } from "./render-message.ts";

/** A server Tact joined, as Discord describes it (GUILD_CREATE, or the authorization event's guild). */
export interface JoinedGuild {
  id: string;
  ownerId: string;
  name?: string | undefined;
  /** The server's preferred locale (`fr`), the workspace's language when it is new. */
  locale?: string | undefined;
}

/**
 * Tact joined a server: its owner gets the welcome by DM. The core sends it once per
 * workspace, ever, so the GUILD_CREATE of every reconnection sends nothing more. Never throws.
 */
export async function welcomeOwner(core: Core, sender: DiscordSender, guild: JoinedGuild, log: Logger): Promise<void> {
  const invocation = {
    platform: "discord" as const,
    workspaceId: guild.id,
    userId: guild.ownerId,
    channelId: "",
    locale: guild.locale,
    isDm: true,
    input: { kind: "installed" as const },
    workspaceHints: { ownerUserId: guild.ownerId, name: guild.name },
  };
  try {
    const { effects, locale } = await core.handle(invocation);
    const t = catalogFor(locale);
    for (const effect of effects) {
      if (effect.type !== "dm") continue;
      // Its buttons carry the server: a press in the DM acts for it.
      await sender.dm(effect.userId, renderMessage(effect.message, { t, guildId: guild.id }));
    }
  } catch (error) {
    log.warn(
      { platform: "discord", workspace: guild.id, err: error },
      "could not send the server's owner the welcome (they may not accept DMs from this server)",
    );
  }
}
