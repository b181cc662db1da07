import type { REST } from "@discordjs/rest";
import { Routes } from "discord-api-types/v10";
import { type FileAttachment, fileBytes } from "../../src/core/effects.ts";
import type { DiscordMessage } from "./render-message.ts";

const MAX_CACHED_CHANNELS = 10_000;

/**
 * A message that must be created once however often it is sent (a scheduled delivery): the
 * same nonce on every attempt, with enforce_nonce, makes Discord return the message an earlier
 * attempt created (within a few minutes) instead of creating another. The request is
 * cancelled when `signal` is aborted.
 */
export interface Once {
  /** At most 25 characters. */
  nonce: string;
  signal: AbortSignal;
}

function nonce(once: Once | undefined): { nonce: string; enforce_nonce: true } | Record<string, never> {
  return once ? { nonce: once.nonce.slice(0, 25), enforce_nonce: true } : {};
}

/**
 * Messages the bot sends on its own behalf (bot token): posts in a channel, and DMs through
 * the DM channel Discord opens for a user (remembered, as Discord returns the same one).
 */
export class DiscordSender {
  readonly #rest: REST;
  readonly #dmChannels = new Map<string, string>();

  constructor(rest: REST) {
    this.#rest = rest;
  }

  async post(channelId: string, message: DiscordMessage, once?: Once): Promise<void> {
    await this.#rest.post(Routes.channelMessages(channelId), {
      body: { ...withoutEmptyContent(message), ...nonce(once) },
      ...(once ? { signal: once.signal } : {}),
    });
  }

  async dm(userId: string, message: DiscordMessage, once?: Once): Promise<void> {
    await this.post(await this.#dmChannel(userId, once), message, once);
  }

  /** Files attached to one DM message. */
  async files(userId: string, files: readonly FileAttachment[], message: DiscordMessage, once?: Once): Promise<void> {
    const channel = await this.#dmChannel(userId, once);
    await this.#rest.post(Routes.channelMessages(channel), {
      body: {
        ...withoutEmptyContent(message),
        attachments: files.map((f, id) => ({ id, filename: f.filename })),
        ...nonce(once),
      },
      files: files.map((f) => ({ name: f.filename, data: fileBytes(f), contentType: f.contentType })),
      ...(once ? { signal: once.signal } : {}),
    });
  }

  async #dmChannel(userId: string, once?: Once): Promise<string> {
    const known = this.#dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.#rest.post(Routes.userChannels(), {
      body: { recipient_id: userId },
      ...(once ? { signal: once.signal } : {}),
    })) as {
      id: string;
    };
    if (this.#dmChannels.size >= MAX_CACHED_CHANNELS) {
      const oldest = this.#dmChannels.keys().next().value;
      if (oldest !== undefined) this.#dmChannels.delete(oldest);
    }
    this.#dmChannels.set(userId, channel.id);
    return channel.id;
  }
}

/** Discord refuses an empty `content` on a new message; embeds carry it instead. */
export function withoutEmptyContent(message: DiscordMessage): Partial<DiscordMessage> {
  if (message.content !== "") return message;
  const { content: _content, ...rest } = message;
  return rest;
}
