import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { type App, ErrorCode, type Receiver, type ReceiverEvent } from "@slack/bolt";
import type { Logger } from "pino";
import { requestLog } from "../../src/core/request-log.ts";
import { BodyTooLargeError, type RouteHandler, readBody } from "../../src/http/create-http-server.ts";
import { loggedRequest } from "./logged-request.ts";
import { verifySlackRequest } from "./verify-slack-request.ts";

/** Slack answers a request that is not acknowledged within 3 seconds with an error and retries. */
const ACK_TIMEOUT_MS = 3_001;
const BODY_LIMIT = 1024 * 1024;

/** The OAuth install flow, when Tact is installed through /slack/install. */
export interface InstallRoutes {
  installPath(req: IncomingMessage, res: ServerResponse): Promise<void>;
  callback(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface SlackReceiverOptions {
  signingSecret: string;
  log: Logger;
  /** Current time in ms, for the signature's five-minute window. */
  now?: (() => number) | undefined;
  install?: InstallRoutes | undefined;
  /** False in Socket Mode: events arrive over the socket, and nothing is taken over HTTP. */
  acceptEvents?: boolean;
}

/**
 * Bolt's transport over our one HTTP server: `POST /slack/events` carries slash commands,
 * interactivity and Events API deliveries; `GET /slack/install` and `/slack/oauth_redirect`
 * the OAuth flow. Every request is verified before its body is parsed, and acknowledged
 * before the work is done, so Slack gets its answer within 3 seconds.
 */
export class SlackHttpReceiver implements Receiver {
  #app: App | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #now: () => number;

  constructor(private readonly options: SlackReceiverOptions) {
    this.#now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.#app = app;
  }

  /** The shared HTTP server is already listening; nothing to start. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await this.settled();
  }

  /** Resolves when every request taken so far has finished its work (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** The route for `/slack` on the HTTP server. */
  handler(): RouteHandler {
    return async (req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/slack/events" && this.options.acceptEvents !== false) return this.#events(req, res);
      const install = this.options.install;
      if (install && req.method === "GET" && path === "/slack/install") return install.installPath(req, res);
      if (install && req.method === "GET" && path === "/slack/oauth_redirect") return install.callback(req, res);
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    };
  }

  async #events(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { log } = this.options;
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, BODY_LIMIT);
    } catch (error) {
      res.writeHead(error instanceof BodyTooLargeError ? 413 : 400).end();
      return;
    }
    const contentType = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    const form = contentType === "application/x-www-form-urlencoded";
    // Slack's SSL check is not signed; it is answered and nothing else is read from it.
    if (form && parseQuery(raw.toString("utf8")).ssl_check === "1") {
      res.writeHead(200).end();
      return;
    }
    const failure = verifySlackRequest({
      signingSecret: this.options.signingSecret,
      timestamp: header(req, "x-slack-request-timestamp"),
      signature: header(req, "x-slack-signature"),
      rawBody: raw,
      nowSeconds: Math.floor(this.#now() / 1000),
    });
    if (failure) {
      log.warn({ reason: failure }, "Slack request refused: not signed by Slack");
      res.writeHead(401).end();
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw.toString("utf8"), form);
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error("not an object");
    } catch {
      log.warn("Slack request with a malformed body");
      res.writeHead(400).end();
      return;
    }
    const rlog = requestLog(log, loggedRequest(body));
    if (body.type === "url_verification") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    const app = this.#app;
    if (!app) {
      res.writeHead(503).end();
      return;
    }

    let acked = false;
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      rlog.error("a Slack request was not acknowledged within 3 seconds");
      if (!res.headersSent) res.writeHead(404).end();
    }, ACK_TIMEOUT_MS);
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) return;
      acked = true;
      clearTimeout(timer);
      if (response === undefined || response === "") res.writeHead(200).end();
      else if (typeof response === "string") res.writeHead(200, { "content-type": "text/plain" }).end(response);
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(response));
    };
    const retryNum = Number(header(req, "x-slack-retry-num"));
    const retryReason = header(req, "x-slack-retry-reason");
    const event: ReceiverEvent = {
      body,
      ack,
      ...(Number.isFinite(retryNum) && retryNum > 0 ? { retryNum } : {}),
      ...(retryReason ? { retryReason } : {}),
      customProperties: {},
    };
    const work = app
      .processEvent(event)
      .catch((error: unknown) => {
        const code = (error as { code?: unknown }).code;
        rlog.error({ err: error }, "Slack event failed");
        if (!acked) {
          acked = true;
          res.writeHead(code === ErrorCode.AuthorizationError ? 401 : 500).end();
        }
      })
      .finally(() => {
        clearTimeout(timer);
        // Bolt found nothing to run (a payload of no known kind): answer now, not after 3 s.
        if (!acked) {
          acked = true;
          if (!res.headersSent) res.writeHead(200).end();
        }
      });
    this.#inFlight.add(work);
    try {
      await work;
    } finally {
      this.#inFlight.delete(work);
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Interactivity is one form field, `payload=<JSON>`; slash commands are plain form fields. */
function parseBody(text: string, form: boolean): Record<string, unknown> {
  if (!form) return JSON.parse(text) as Record<string, unknown>;
  const fields = parseQuery(text);
  if (typeof fields.payload === "string") return JSON.parse(fields.payload) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}
