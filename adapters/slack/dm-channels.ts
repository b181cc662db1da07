import type { WebClient } from "@slack/web-api";

const MAX_ENTRIES = 10_000;

/** The bot's direct-message channel with each person, opened once (conversations.open) and remembered. */
export class DmChannels {
  readonly #channels = new Map<string, string>();

  async get(client: WebClient, teamId: string, userId: string): Promise<string> {
    const key = `${teamId}:${userId}`;
    const known = this.#channels.get(key);
    if (known) return known;
    const res = await client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    if (this.#channels.size >= MAX_ENTRIES) this.#channels.clear();
    this.#channels.set(key, id);
    return id;
  }

  /** Whether a channel is the bot's own DM with this person (not a DM between two people). */
  async isBotDm(client: WebClient, teamId: string, userId: string, channelId: string | undefined): Promise<boolean> {
    if (!channelId?.startsWith("D")) return false;
    return (await this.get(client, teamId, userId)) === channelId;
  }
}
