import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export const BOT_TEAM = "T0BENCH0";
export const SLACK_OWNER = "U0OWNER";
export const DISCORD_OWNER = "2000000000000000001";

/**
 * One small local server standing in for Slack's Web API (`/api/<method>`), Slack's
 * response_url (`/response/<id>`) and Discord's REST API (`/discord/api/v10/...`). It keeps
 * no history, only when each reply arrived (by id) and a few counters, so it stays cheap
 * while thousands of requests go through it.
 */
export class FakePlatforms {
  /** Arrival time (performance.now()) of each response_url post or interaction answer, by id. */
  readonly arrivals = new Map<string, number>();
  posts = 0;
  discordCalls = 0;
  #server: http.Server | undefined;
  #base = "";
  #waiters: { count: number; resolve: () => void }[] = [];
  readonly #byId = new Map<string, () => void>();

  static async start(): Promise<FakePlatforms> {
    const fake = new FakePlatforms();
    const server = http.createServer((req, res) => {
      fake.#handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.#server = server;
    fake.#base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  get slackApiUrl(): string {
    return `${this.#base}/api/`;
  }

  get discordApiUrl(): string {
    return `${this.#base}/discord/api`;
  }

  responseUrl(id: string): string {
    return `${this.#base}/response/${id}`;
  }

  /** Resolves once `count` replies (response_url posts and Discord answers) have arrived. */
  waitForArrivals(count: number, timeoutMs = 120_000): Promise<void> {
    if (this.arrivals.size >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${this.arrivals.size} of ${count} replies arrived in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Resolves when the reply with this id has arrived. */
  arrival(id: string): Promise<void> {
    if (this.arrivals.has(id)) return Promise.resolve();
    return new Promise((resolve) => this.#byId.set(id, resolve));
  }

  reset(): void {
    this.arrivals.clear();
    this.posts = 0;
    this.discordCalls = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  #arrived(id: string): void {
    this.arrivals.set(id, performance.now());
    this.#byId.get(id)?.();
    this.#byId.delete(id);
    const size = this.arrivals.size;
    this.#waiters = this.#waiters.filter((w) => {
      if (size < w.count) return true;
      w.resolve();
      return false;
    });
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const json = (body: unknown, status = 200): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };

    if (path.startsWith("/response/")) {
      this.#arrived(path.slice("/response/".length));
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (path.startsWith("/api/")) return json(this.#slack(path.slice(5), raw));
    if (path.startsWith("/discord/api/v10/")) {
      this.discordCalls++;
      const route = path.slice("/discord/api/v10".length);
      const guild = /^\/guilds\/(\d+)$/.exec(route);
      if (guild && req.method === "GET") return json({ id: guild[1], name: "Bench server", owner_id: DISCORD_OWNER });
      const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(route);
      if (callback) {
        this.#arrived(`d${callback[1]}`);
        res.writeHead(204).end();
        return;
      }
      if (route.startsWith("/users/@me/channels")) return json({ id: "9000000000000000001", type: 1 });
      return json({ id: "3000000000000000001", channel_id: "3000000000000000002", content: "", embeds: [] });
    }
    res.writeHead(404).end();
  }

  #slack(method: string, raw: string): Record<string, unknown> {
    const args = new URLSearchParams(raw);
    switch (method) {
      case "auth.test":
        return { ok: true, team_id: BOT_TEAM, user_id: "U0BOT", bot_id: "B0BOT" };
      case "users.info": {
        const id = args.get("user") ?? "";
        return { ok: true, user: userJson(id) };
      }
      case "users.list":
        return { ok: true, members: [userJson(SLACK_OWNER)], response_metadata: { next_cursor: "" } };
      case "conversations.open":
        return { ok: true, channel: { id: `D${args.get("users") ?? ""}` } };
      case "chat.postMessage":
      case "chat.postEphemeral":
        this.posts++;
        return { ok: true, channel: args.get("channel") ?? "C0", ts: `${Date.now() / 1000}` };
      default:
        return { ok: true };
    }
  }
}

function userJson(id: string) {
  return {
    id,
    name: id.toLowerCase(),
    real_name: `Person ${id}`,
    tz: "Europe/Paris",
    locale: "en-GB",
    is_primary_owner: id === SLACK_OWNER,
  };
}
