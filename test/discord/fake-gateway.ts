import { WebSocket, WebSocketServer } from "ws";
import type { FakeDiscordApi } from "./fake-discord-api.ts";
import { APP_ID } from "./payloads.ts";

/**
 * A Discord gateway on the fake API's server (its /gateway/bot points here): HELLO, heartbeat
 * acknowledgements, READY and GUILD_CREATE after IDENTIFY, then whatever the test dispatches.
 */
export class FakeGateway {
  readonly identified: Record<string, unknown>[] = [];
  readonly #wss: WebSocketServer;
  readonly #api: FakeDiscordApi;
  #socket: WebSocket | undefined;
  #seq = 0;

  constructor(api: FakeDiscordApi) {
    this.#api = api;
    this.#wss = new WebSocketServer({ server: api.server });
    this.#wss.on("connection", (socket) => {
      this.#socket = socket;
      this.#send({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
      socket.on("message", (data) => this.#receive(JSON.parse(String(data)) as { op: number; d: unknown }));
    });
  }

  /** Sends an event (`INTERACTION_CREATE`, …) to the connected bot. */
  dispatch(t: string, d: unknown): void {
    this.#seq += 1;
    this.#send({ op: 0, s: this.#seq, t, d });
  }

  close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }

  #receive(packet: { op: number; d: unknown }): void {
    if (packet.op === 1) this.#send({ op: 11, d: null, s: null, t: null });
    if (packet.op !== 2) return;
    this.identified.push(packet.d as Record<string, unknown>);
    const guilds = [...this.#api.guilds.values()];
    this.dispatch("READY", {
      v: 10,
      user: { id: APP_ID, username: "Tact", discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: "fake-session",
      resume_gateway_url: `ws://127.0.0.1:${this.#api.port}`,
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 },
    });
    for (const guild of guilds) this.guildCreate(guild);
  }

  /** GUILD_CREATE for a server, as Discord sends it when the bot connects or joins one. */
  guildCreate(guild: object): void {
    this.dispatch("GUILD_CREATE", {
      ...guild,
      unavailable: false,
      icon: null,
      splash: null,
      discovery_splash: null,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: "en-US",
      ...("preferred_locale" in guild ? { preferred_locale: guild.preferred_locale } : {}),
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: "2025-01-01T00:00:00.000000+00:00",
      large: false,
      member_count: 2,
      members: [],
      channels: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
    });
  }

  #send(packet: unknown): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(packet));
  }
}
