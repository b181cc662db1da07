import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";

/** A post Slack acknowledged: its channel and its text (the message's fallback). */
export interface Post {
  channel: string;
  text: string;
}

/**
 * A local Slack Web API for the soak tests. A post counts as delivered once Slack has
 * answered it. `holdPost(n)` keeps the n-th post unanswered (one slow call), `holdFrom(n)`
 * the n-th and every later one (Slack stalled), so a test can kill Tact while posts are in
 * flight; `dropHeld()` then ends them unanswered. response_url posts are kept by id.
 */
export class SoakSlack {
  readonly delivered: Post[] = [];
  readonly answers = new Map<string, string>();
  #postsSeen = 0;
  #holdAt: number | undefined;
  #holdFrom: number | undefined;
  readonly #held: http.ServerResponse[] = [];
  /** Messages as the channels show them (the posts answered), for conversations.history. */
  readonly #history: { channel: string; ts: string; text: string; metadata: unknown }[] = [];
  /** Posts received and never answered. */
  readonly heldPosts: Post[] = [];
  readonly #events = new EventEmitter();
  #server: http.Server | undefined;
  #base = "";

  static async start(): Promise<SoakSlack> {
    const fake = new SoakSlack();
    fake.#events.setMaxListeners(1_000);
    const server = http.createServer((req, res) => {
      fake.#handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.#server = server;
    fake.#base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.#base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.#base}/response/${id}`;
  }

  holdPost(n: number): void {
    this.#holdAt = n;
  }

  holdFrom(n: number): void {
    this.#holdFrom = n;
  }

  /** Ends the held posts without an answer (their sender is gone), and holds no more. */
  dropHeld(): void {
    for (const res of this.#held.splice(0)) res.socket?.destroy();
    this.#holdAt = undefined;
    this.#holdFrom = undefined;
  }

  /** Resolves once `ready()` is true, checked after everything the fake receives. */
  until(ready: () => boolean, what: string, ms = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        this.#events.off("received", check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#events.off("received", check);
        reject(new Error(`the fake Slack never saw: ${what}`));
      }, ms);
      this.#events.on("received", check);
      check();
    });
  }

  /** Keeps an answer that travelled in a command's acknowledgement, as if posted to its response_url. */
  recordAnswer(id: string, text: string): void {
    this.answers.set(id, text);
    this.#events.emit("received");
  }

  /** The text posted to a response_url (or carried by the acknowledgement), once it arrives. */
  async answer(id: string, ms = 30_000): Promise<string> {
    await this.until(() => this.answers.has(id), `an answer to ${id}`, ms);
    return this.answers.get(id) ?? "";
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const json = (body: unknown): void => {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (path.startsWith("/response/")) {
      this.answers.set(path.slice("/response/".length), raw);
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      this.#events.emit("received");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    const type = String(req.headers["content-type"] ?? "");
    const args = (type.includes("json") ? JSON.parse(raw || "{}") : parseQuery(raw)) as Record<string, unknown>;
    switch (method) {
      case "auth.test":
        return json({ ok: true, team_id: "T0SOAK", user_id: "U0BOT", bot_id: "B0BOT" });
      case "users.info":
        return json({ ok: true, user: { id: args.user, name: "someone", tz: "UTC", is_primary_owner: false } });
      case "users.list":
        return json({ ok: true, members: [{ id: "U0OWNER", name: "owner", is_primary_owner: true }] });
      case "conversations.open":
        return json({ ok: true, channel: { id: `D${String(args.users ?? "")}` } });
      case "chat.postMessage": {
        const post = { channel: String(args.channel ?? ""), text: String(args.text ?? "") };
        this.#postsSeen += 1;
        if (this.#postsSeen === this.#holdAt || (this.#holdFrom !== undefined && this.#postsSeen >= this.#holdFrom)) {
          this.#held.push(res);
          this.heldPosts.push(post);
          this.#events.emit("received");
          return;
        }
        const ts = `${this.#postsSeen}.000100`;
        json({ ok: true, channel: post.channel, ts });
        this.delivered.push(post);
        this.#history.push({ channel: post.channel, ts, text: post.text, metadata: parseMetadata(args.metadata) });
        this.#events.emit("received");
        return;
      }
      case "conversations.history":
        // What a retry reads to find a post an earlier attempt made: the channel's messages
        // Slack answered (a held one was never taken), newest first, with their metadata.
        return json({
          ok: true,
          messages: this.#history.filter((m) => m.channel === String(args.channel ?? "")).reverse(),
          has_more: false,
        });
      default:
        return json({ ok: true });
    }
  }
}

/** Web API arguments arrive form-encoded: an object such as `metadata` as a JSON string. */
function parseMetadata(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
