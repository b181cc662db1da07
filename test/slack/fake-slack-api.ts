import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { parse as parseQuery } from "node:querystring";

/** One call to the fake Web API, as Slack would have received it. */
export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  /** The token from the Authorization header. */
  token: string | undefined;
  /** What the fake answered. */
  answer?: Record<string, unknown>;
}

/** A post to a response_url, or a slash command's answer carried in its acknowledgement. */
export interface FakeResponse {
  id: string;
  body: Record<string, unknown>;
  /** How the answer reached Slack: in the HTTP acknowledgement, or posted to the response_url. */
  via?: "ack" | "response_url";
}

export interface FakeUser {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_primary_owner?: boolean;
  deleted?: boolean;
}

export interface FakeOptions {
  teamId?: string;
  users?: FakeUser[];
}

/** A message the fake holds in a channel (every chat.postMessage it accepted). */
export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** A call the fake applied but has not answered yet (Slack being slow). */
export interface HeldAnswer {
  /** Resolves once the call arrived (and was applied). */
  arrived: Promise<void>;
  /** Resolves when the caller gave up on it (the connection closed before the answer). */
  abandoned: Promise<void>;
  /** Sends the answer now, if the caller is still there. */
  release(): void;
}

/**
 * A local stand-in for Slack's Web API: records every call and answers as Slack does (HTTP 200
 * with `ok: false` and an error code for platform errors). Also receives response_url posts
 * and external file uploads. The one fake Slack of the tests, the soak suite and the bench.
 */
export class FakeSlackApi {
  readonly calls: FakeCall[] = [];
  readonly responses: FakeResponse[] = [];
  readonly uploads = new Map<string, string>();
  /** The same uploads as bytes (a PDF is not text). */
  readonly uploadedBytes = new Map<string, Buffer>();
  readonly users = new Map<string, FakeUser>();
  /** Messages posted, in order: what a channel shows. */
  readonly messages: FakeMessage[] = [];
  teamId: string;
  /** Slack's clock, for message timestamps (ts); fixed unless a test ties it to its own. */
  now: () => number = () => 1_700_000_000_000;
  /** Calls (by method) to apply at once but answer only when released. */
  readonly #holds = new Map<string, { arrived: () => void; abandoned: () => void; answer: Promise<void> }[]>();
  /**
   * Failures to answer, per method, once each (then the method works again): an error code
   * (HTTP 200, `ok: false`) or an HTTP status (a 500 from Slack's edge).
   */
  readonly #failures = new Map<string, (string | number)[]>();
  /** response_url ids that answer 404 (expired or used up). */
  readonly expiredResponseUrls = new Set<string>();
  /** Every response_url answers 404 (as after 30 minutes or five posts). */
  responseUrlsExpired = false;
  /** When each answer id first got an answer (acknowledgement or response_url), performance.now(). */
  readonly answeredAt = new Map<string, number>();
  /** Calls received that Slack hangs on: never applied nor answered (see `hang`). */
  readonly hung: FakeCall[] = [];
  readonly #hangs = new Map<string, { at: number; onward: boolean }>();
  readonly #hungResponses: http.ServerResponse[] = [];
  /** Calls received per method, for `hang`. */
  readonly #received = new Map<string, number>();
  readonly #events = new EventEmitter().setMaxListeners(0);
  #seq = 0;
  #server: http.Server | undefined;
  #base = "";

  private constructor(options: FakeOptions) {
    this.teamId = options.teamId ?? "T0TEAM";
    for (const u of options.users ?? []) this.users.set(u.id, u);
  }

  static async start(options: FakeOptions = {}): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi(options);
    const server = http.createServer((req, res) => {
      fake.#handle(req, res).catch(() => res.writeHead(500).end());
    });
    // Node's clients keep connections alive: a server closing an idle one after its default
    // 5 s, just as a client reuses it, fails that call (ECONNRESET). Slack keeps them longer;
    // the fake keeps them until it closes, so a test that takes 5 s does not fail the next one.
    server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.#server = server;
    fake.#base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The HTTP server (a fake Socket Mode endpoint attaches to it). */
  get server(): http.Server {
    if (!this.#server) throw new Error("not started");
    return this.#server;
  }

  /** The Web API base, as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.#base}/api/`;
  }

  /** A response_url the fake accepts posts on. */
  responseUrl(id: string): string {
    return `${this.#base}/response/${id}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server?.close(() => resolve());
      this.#server?.closeAllConnections();
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.#holds.clear();
    this.responses.length = 0;
    this.uploads.clear();
    this.#failures.clear();
    this.expiredResponseUrls.clear();
    this.responseUrlsExpired = false;
    this.answeredAt.clear();
    this.dropHung();
    this.hung.length = 0;
    this.#received.clear();
  }

  /**
   * Slack hangs on the n-th call to `method` (counted since the last reset), or with `onward`
   * on it and every later one: the call is received but never applied nor answered, until
   * `dropHung()` cuts it off.
   */
  hang(method: string, n: number, onward = false): void {
    this.#hangs.set(method, { at: n, onward });
  }

  /** Ends the hung calls without an answer (their sender is gone), and hangs no more. */
  dropHung(): void {
    for (const res of this.#hungResponses.splice(0)) res.socket?.destroy();
    this.#hangs.clear();
  }

  /**
   * The next call to `method` is applied at once (a post appears in its channel) but
   * answered only when released: Slack taking longer than the caller waits.
   */
  holdNext(method: string): HeldAnswer {
    let release = () => {};
    let arrived = () => {};
    let abandoned = () => {};
    const hold = {
      arrived: () => arrived(),
      abandoned: () => abandoned(),
      answer: new Promise<void>((resolve) => {
        release = resolve;
      }),
    };
    this.#holds.set(method, [...(this.#holds.get(method) ?? []), hold]);
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

  /** The next call to `method` answers `{ ok: false, error }`, or that HTTP status. */
  failNext(method: string, error: string | number): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /**
   * Resolves once something matching has been received (a request to a process Tact runs in,
   * whose work the test cannot await otherwise); rejects after `ms`, naming `what`, as a safety net.
   */
  waitFor(matches: (fake: FakeSlackApi) => boolean, ms = 20_000, what = "what was expected"): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!matches(this)) return;
        clearTimeout(timer);
        this.#events.off("received", check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#events.off("received", check);
        reject(new Error(`the fake Slack API did not receive ${what}`));
      }, ms);
      this.#events.on("received", check);
      check();
    });
  }

  /**
   * Records the JSON body Tact acknowledged a slash command with (Slack shows it as the first
   * answer, before anything posted to that command's response_url).
   */
  recordAck(id: string, body: Record<string, unknown>): void {
    const first = this.responses.findIndex((r) => r.id === id);
    const entry: FakeResponse = { id, body, via: "ack" };
    if (first === -1) this.responses.push(entry);
    else this.responses.splice(first, 0, entry);
    this.#answered(id);
  }

  /** The first answer to `id` (its acknowledgement, else a response_url post) as JSON, once it arrives. */
  async answer(id: string, ms = 30_000): Promise<string> {
    await this.waitFor((f) => f.answeredAt.has(id), ms, `an answer to ${id}`);
    return JSON.stringify(this.responses.find((r) => r.id === id)?.body);
  }

  #answered(id: string): void {
    if (!this.answeredAt.has(id)) this.answeredAt.set(id, performance.now());
    this.#events.emit("received");
  }

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Everything Tact sent to Slack (calls and response_url posts), as one string. */
  everythingSent(): string {
    return JSON.stringify([this.calls, this.responses]);
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString("utf8");
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };

    const response = /^\/response\/(.+)$/.exec(path);
    if (response) {
      const id = response[1] ?? "";
      if (this.responseUrlsExpired || this.expiredResponseUrls.has(id))
        return void res.writeHead(404).end("expired_url");
      this.responses.push({ id, body: JSON.parse(raw) as Record<string, unknown>, via: "response_url" });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return this.#answered(id);
    }
    const upload = /^\/upload\/(.+)$/.exec(path);
    if (upload) {
      const file = fileContent(bytes, String(req.headers["content-type"] ?? ""));
      this.uploads.set(upload[1] ?? "", file.toString("utf8"));
      this.uploadedBytes.set(upload[1] ?? "", file);
      return void res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${raw.length}`);
    }
    const api = /^\/api\/(.+)$/.exec(path);
    if (!api) return void res.writeHead(404).end();
    const method = api[1] ?? "";
    const args = parseArgs(raw, String(req.headers["content-type"] ?? ""));
    const auth = req.headers.authorization;
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : typeof args.token === "string" ? args.token : undefined;
    const call: FakeCall = { method, args, token };
    this.calls.push(call);
    const n = (this.#received.get(method) ?? 0) + 1;
    this.#received.set(method, n);
    const hang = this.#hangs.get(method);
    if (hang && (n === hang.at || (hang.onward && n > hang.at))) {
      this.hung.push(call);
      this.#hungResponses.push(res);
      this.#events.emit("received");
      return;
    }
    const failure = this.#failures.get(method)?.shift();
    if (typeof failure === "number") {
      res.writeHead(failure, { "content-type": "text/html" }).end("<html>Internal Server Error</html>");
      this.#events.emit("received");
      return;
    }
    call.answer = failure ? { ok: false, error: failure } : this.#answer(method, args);
    const hold = this.#holds.get(method)?.shift();
    if (hold) {
      res.on("close", () => {
        if (!res.writableEnded) hold.abandoned();
      });
      hold.arrived();
      this.#events.emit("received");
      await hold.answer;
      if (!res.destroyed) json(200, call.answer);
      return;
    }
    json(200, call.answer);
    this.#events.emit("received");
  }

  #answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ts = () => `${Math.floor(this.now() / 1000)}.${String(++this.#seq).padStart(6, "0")}`;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme Agency",
          user: "tact",
          team_id: this.teamId,
          user_id: "U0BOT",
          bot_id: "B0BOT",
        };
      case "users.info": {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: { team_id: this.teamId, ...user } } : { ok: false, error: "user_not_found" };
      }
      case "users.list":
        return { ok: true, members: [...this.users.values()], response_metadata: { next_cursor: "" } };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case "chat.postMessage": {
        const message: FakeMessage = { channel: String(args.channel), ts: ts(), text: String(args.text ?? "") };
        if (args.metadata && typeof args.metadata === "object")
          message.metadata = args.metadata as NonNullable<FakeMessage["metadata"]>;
        this.messages.push(message);
        return { ok: true, channel: args.channel, ts: message.ts, message: { text: args.text } };
      }
      case "conversations.history": {
        // Newest first, after `oldest`, `limit` at a time; metadata only when asked for.
        const oldest = Number(args.oldest ?? 0);
        const all = this.messages
          .filter((m) => m.channel === String(args.channel) && Number(m.ts) > oldest)
          .reverse()
          .map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.text,
            ...(String(args.include_all_metadata) === "true" && m.metadata ? { metadata: m.metadata } : {}),
          }));
        const start = Number(args.cursor ?? 0);
        const limit = Number(args.limit ?? 100);
        const more = start + limit < all.length;
        return {
          ok: true,
          messages: all.slice(start, start + limit),
          has_more: more,
          response_metadata: { next_cursor: more ? String(start + limit) : "" },
        };
      }
      case "chat.getPermalink":
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://acme.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts() };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: `V${++this.#seq}`, ...(args.view as object) } };
      case "files.getUploadURLExternal": {
        const id = `F${++this.#seq}`;
        return { ok: true, upload_url: `${this.#base}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = args.files as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: f.title })) };
      }
      case "apps.connections.open":
        return { ok: true, url: `${this.#base.replace(/^http/, "ws")}/socket-mode` };
      case "oauth.v2.access":
        return {
          ok: true,
          app_id: "A0APP",
          authed_user: { id: "U0OWNER" },
          scope: String(args.scope ?? "commands,chat:write"),
          token_type: "bot",
          access_token: "xoxb-installed-token",
          bot_user_id: "U0BOT",
          team: { id: this.teamId, name: "Acme Agency" },
          enterprise: null,
          is_enterprise_install: false,
        };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }
}

/** Web API arguments: form fields (objects arrive JSON-encoded) or a JSON body. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType.startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parseQuery(raw))) {
    const value = Array.isArray(v) ? v[0] : v;
    out[k] = typeof value === "string" && /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

/** The file's bytes from an upload: raw, or the one part of a multipart form. */
function fileContent(raw: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return raw;
  const start = raw.indexOf(`--${boundary}`);
  const body = raw.indexOf("\r\n\r\n", start) + 4;
  const end = raw.indexOf(`\r\n--${boundary}`, body);
  return raw.subarray(body, end < 0 ? raw.length : end);
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
