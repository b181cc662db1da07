import type { Core } from "../../src/core/create-core.ts";
import type { Outbox } from "../../src/core/outbox.ts";
import type { DiscordSender } from "./discord-sender.ts";
import { renderMessage } from "./render-message.ts";

/**
 * How the scheduler reaches a server: digests and alerts posted in a channel, the owner's
 * DMs and files (buttons in a DM carry the server, see custom-id.ts). Discord's refusals
 * are thrown, so the scheduler records the delivery as failed and tries again later.
 */
export function discordOutbox(core: Core, sender: DiscordSender): Outbox {
  return {
    platform: "discord",
    async send(guildId, effect) {
      const t = await core.catalog({
        platform: "discord",
        workspaceId: guildId,
        userId: "",
        channelId: "",
        isDm: false,
        input: { kind: "text", text: "" },
      });
      switch (effect.type) {
        case "post":
          return sender.post(effect.channelId, renderMessage(effect.message, { t }));
        case "dm":
          return sender.dm(effect.userId, renderMessage(effect.message, { t, guildId }));
        case "file":
          await sender.files(effect.userId, effect.files, renderMessage(effect.message, { t, guildId }));
          return effect.delivered?.();
        default:
          throw new Error(`the Discord outbox cannot send a "${effect.type}" effect: nobody asked`);
      }
    },
  };
}
