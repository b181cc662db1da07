import { DiscordAPIError } from "@discordjs/rest";
import { type Outbox, SendRefused } from "../../src/core/outbox.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import type { DiscordSender, Once } from "./discord-sender.ts";
import { renderMessage } from "./render-message.ts";

/**
 * How the scheduler reaches a server: digests and alerts posted in a channel, the owner's
 * DMs and files (buttons in a DM carry the server, see custom-id.ts). Discord's refusals
 * are thrown, so the scheduler records the delivery as failed and tries again later. A
 * scheduled message carries the delivery's id as its nonce, enforced: a retry of a post
 * Discord took without answering in time returns that message rather than a second one.
 */
export function discordOutbox(sender: DiscordSender): Outbox {
  return {
    platform: "discord",
    async send(workspace, effect, delivery) {
      const once: Once | undefined = delivery ? { nonce: delivery.id, signal: delivery.signal } : undefined;
      const guildId = workspace.externalId;
      const t = catalogFor(workspace.locale);
      switch (effect.type) {
        case "post":
          return await refusedOrUnknown(() =>
            sender.post(effect.channelId, renderMessage(effect.message, { t }), once),
          );
        case "dm":
          return await refusedOrUnknown(() =>
            sender.dm(effect.userId, renderMessage(effect.message, { t, guildId }), once),
          );
        case "file":
          await refusedOrUnknown(() =>
            sender.files(effect.userId, effect.files, renderMessage(effect.message, { t, guildId }), once),
          );
          return effect.delivered?.();
        default:
          throw new Error(`the Discord outbox cannot send a "${effect.type}" effect: nobody asked`);
      }
    },
  };
}

/**
 * Discord answered with an error (a 4xx with its JSON: no message was created): a clean
 * refusal. No answer, a 5xx, or a cancelled request leave the outcome unknown.
 */
async function refusedOrUnknown(send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status >= 400 && error.status < 500) {
      throw new SendRefused(`Discord refused it (${error.status} ${error.code}): ${error.message}`, String(error.code));
    }
    throw error;
  }
}
