import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made to the fake Discord API. */
export interface ApiCall {
  method: string;
  /** The route after `/api/v10`, e.g. `/channels/123/messages`. */
  route: string;
  /** The Authorization header (`Bot …`), absent on interaction callbacks and webhooks. */
  auth: string | undefined;
  /** The JSON body, or `payload_json` of a multipart body. */
  body: Record<string, unknown> | undefined;
  /** Files of a multipart body: `content` as text, `bytes` as sent, `type` as declared. */
  files: { name: string; content: string; bytes?: Uint8Array; type?: string }[];
}

export interface FakeGuild {
  id: string;
  name: string;
  owner_id: string;
  preferred_locale?: string;
  /** Who is in the server; everyone when omitted. */
  members?: string[];
}

interface Waiter {
  match: (call: ApiCall) => boolean;
  resolve: (call: ApiCall) => void;
}

/**
 * The one fake Discord of the tests, the soak suite and the bench: a local REST API with
 * application commands, channel messages, DM channels, guild lookup, interaction callbacks
 * and webhooks (follow-ups, edits). Records every call;
 * `waitFor` resolves when a matching call arrives. Answers like Discord: 204 with no body
 * (and no JSON content type) for callbacks, Discord's error JSON for refusals.
 */
export class FakeDiscordApi {
  readonly calls: ApiCall[] = [];
  readonly guilds = new Map<string, FakeGuild>();
  /** Users who do not accept DMs from the server's members (Discord code 50007). */
  readonly closedDms = new Set<string>();
  /** Channels the bot cannot post in (Discord code 50001). */
  readonly forbiddenChannels = new Set<string>();
  /** Set to make guild lookups fail with this status (Discord having a bad moment). */
  guildLookupFailure: number | undefined;
  /** Messages created in channels, in order (a nonce Discord recognised creates none). */
  readonly created: { channel: string; id: string; nonce?: string }[] = [];
  /** Posts of messages to create at once but answer only when released (Discord being slow). */
  #holds: { arrived: () => void; abandoned: () => void; answer: Promise<void> }[] = [];
  /** `channel:nonce` → the message created with it, for enforce_nonce. */
  readonly #byNonce = new Map<string, Record<string, unknown>>();
  /** Set to answer guild and member lookups this late (Discord being slow). */
  guildLookupDelayMs = 0;
  /** Upgrades (the fake gateway) on the same server. */
  readonly server: http.Server;
  #waiters: Waiter[] = [];
  #ids = 1_300_000_000_000_000_000n;

  constructor() {
    this.server = http.createServer((req, res) => {
      void this.#handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error) }));
      });
    });
    // Connections stay open until the fake closes (as the fake Slack's do: see there).
    this.server.keepAliveTimeout = 0;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL points at. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The next message posted in a channel is created at once but answered only when released:
   * Discord taking longer than the bot waits.
   */
  holdNextMessage(): { arrived: Promise<void>; abandoned: Promise<void>; release(): void } {
    let release = () => {};
    let arrived = () => {};
    let abandoned = () => {};
    this.#holds.push({
      arrived: () => arrived(),
      abandoned: () => abandoned(),
      answer: new Promise<void>((resolve) => {
        release = resolve;
      }),
    });
    return {
      arrived: new Promise<void>((resolve) => {
        arrived = resolve;
      }),
      abandoned: new Promise<void>((resolve) => {
        abandoned = resolve;
      }),
      release: () => release(),
    };
  }

  reset(): void {
    this.calls.length = 0;
    this.created.length = 0;
    this.#holds = [];
    this.#byNonce.clear();
    this.closedDms.clear();
    this.forbiddenChannels.clear();
    this.guildLookupFailure = undefined;
    this.guildLookupDelayMs = 0;
  }

  addGuild(guild: FakeGuild): void {
    this.guilds.set(guild.id, guild);
  }

  /** Calls whose method and route match (a route may be a RegExp). */
  find(method: string, route: string | RegExp): ApiCall[] {
    return this.calls.filter(
      (c) => c.method === method && (typeof route === "string" ? c.route === route : route.test(c.route)),
    );
  }

  /** Every message body the bot sent, whatever the route (to check allowed mentions). */
  messageBodies(): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method !== "GET" && c.method !== "DELETE" && !c.route.includes("/commands") && c.body)
      .map((c) => {
        const body = c.body as Record<string, unknown>;
        const data = body.data as Record<string, unknown> | undefined;
        return c.route.endsWith("/callback") ? (data ?? {}) : body;
      })
      .filter((b) => "content" in b || "embeds" in b || "components" in b);
  }

  /** Resolves with the first call (already made or to come) that matches. */
  waitFor(match: (call: ApiCall) => boolean): Promise<ApiCall> {
    const done = this.calls.find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  #id(): string {
    this.#ids += 1n;
    return this.#ids.toString();
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const call = await readCall(req, route);
    this.calls.push(call);
    this.#waiters = this.#waiters.filter((w) => {
      if (!w.match(call)) return true;
      w.resolve(call);
      return false;
    });
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string): void => json(status, { message, code });
    const { method } = call;
    const commandsRoute = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(route);
    const guildRoute = /^\/guilds\/(\d+)$/.exec(route);
    const messagesRoute = /^\/channels\/(\d+)\/messages$/.exec(route);
    const webhookRoute = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(route);

    if (method === "GET" && route === "/gateway/bot") {
      return json(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (commandsRoute && method === "PUT") {
      const m = commandsRoute;
      const commands = (call.body as unknown as Record<string, unknown>[] | undefined) ?? [];
      return json(
        200,
        commands.map((c) => ({
          ...c,
          id: this.#id(),
          application_id: m?.[1],
          version: this.#id(),
          ...(m?.[2] ? { guild_id: m[2] } : {}),
        })),
      );
    }
    const memberRoute = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(route);
    if ((memberRoute || guildRoute) && this.guildLookupDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.guildLookupDelayMs));
    }
    if (memberRoute && method === "GET") {
      const guild = this.guilds.get(memberRoute[1] ?? "");
      if (!guild) return error(404, 10004, "Unknown Guild");
      const user = memberRoute[2] ?? "";
      if (guild.members && !guild.members.includes(user) && guild.owner_id !== user) {
        return error(404, 10007, "Unknown Member");
      }
      return json(200, {
        user: { id: user, username: user },
        roles: [],
        joined_at: "2025-01-01T00:00:00.000000+00:00",
      });
    }
    if (guildRoute && method === "GET") {
      if (this.guildLookupFailure) return error(this.guildLookupFailure, 0, "Service Unavailable");
      const guild = this.guilds.get(guildRoute[1] ?? "");
      return guild ? json(200, { ...guild, roles: [], emojis: [], features: [] }) : error(404, 10004, "Unknown Guild");
    }
    if (route === "/users/@me/channels" && method === "POST") {
      const recipient = String(call.body?.recipient_id ?? "");
      return json(200, { id: `9${recipient}`, type: 1, recipients: [{ id: recipient, username: recipient }] });
    }
    if (messagesRoute && method === "POST") {
      const channel = messagesRoute[1] ?? "";
      if (this.forbiddenChannels.has(channel)) return error(403, 50001, "Missing Access");
      if (channel.startsWith("9") && this.closedDms.has(channel.slice(1))) {
        return error(403, 50007, "Cannot send messages to this user");
      }
      // Discord's enforce_nonce: the same author and nonce again returns the first message.
      const nonce = typeof call.body?.nonce === "string" ? call.body.nonce : undefined;
      const known = nonce && call.body?.enforce_nonce === true ? this.#byNonce.get(`${channel}:${nonce}`) : undefined;
      if (known) return json(200, known);
      const message = this.#message(channel, call);
      this.created.push({ channel, id: String(message.id), ...(nonce ? { nonce } : {}) });
      if (nonce) this.#byNonce.set(`${channel}:${nonce}`, message);
      const hold = this.#holds.shift();
      if (hold) {
        res.on("close", () => {
          if (!res.writableEnded) hold.abandoned();
        });
        hold.arrived();
        await hold.answer;
        if (!res.destroyed) json(200, message);
        return;
      }
      return json(200, message);
    }
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(route) && method === "POST") {
      res.writeHead(204).end();
      return;
    }
    if (webhookRoute) {
      if (method === "DELETE") {
        res.writeHead(204).end();
        return;
      }
      if (method === "POST" || method === "PATCH") return json(200, this.#message("0", call));
    }
    error(404, 0, "404: Not Found");
  }

  #message(channelId: string, call: ApiCall): Record<string, unknown> {
    return {
      id: this.#id(),
      channel_id: channelId,
      type: 0,
      content: "",
      embeds: [],
      components: [],
      attachments: call.files.map((f, i) => ({ id: String(i), filename: f.name })),
      author: { id: "1100000000000000001", username: "Tact", bot: true, discriminator: "0", avatar: null },
      timestamp: new Date(0).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      flags: 0,
      ...call.body,
    };
  }
}

async function readCall(req: http.IncomingMessage, route: string): Promise<ApiCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  const auth = req.headers.authorization;
  const base = { method: req.method ?? "GET", route, auth };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const files: ApiCall["files"] = [];
    let body: Record<string, unknown> | undefined;
    for (const [key, value] of form.entries()) {
      if (key === "payload_json" && typeof value === "string") body = JSON.parse(value) as Record<string, unknown>;
      else if (typeof value !== "string") {
        const bytes = new Uint8Array(await value.arrayBuffer());
        files.push({ name: value.name, content: Buffer.from(bytes).toString("utf8"), bytes, type: value.type });
      }
    }
    return { ...base, body, files };
  }
  const body =
    raw.length > 0 && type.includes("json") ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : undefined;
  return { ...base, body, files: [] };
}
