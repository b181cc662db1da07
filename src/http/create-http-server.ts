import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

/** Connections the kernel may queue before the server accepts them. */
const LISTEN_BACKLOG = 4096;

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

export interface HttpServer {
  /** Adds a handler for a path prefix (`/slack/events`, `/discord/interactions`…). */
  route(prefix: string, handler: RouteHandler): void;
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops accepting connections and waits for requests in flight; keep-alive connections
   * are closed as soon as their response is sent. After `graceMs`, whatever is still open
   * is cut.
   */
  close(graceMs?: number): Promise<void>;
  readonly server: http.Server;
}

/**
 * The one HTTP server: platform endpoints and /healthz. Routes match on path prefix;
 * anything else is a 404 with no detail.
 */
export function createHttpServer(log: Logger): HttpServer {
  const routes: [string, RouteHandler][] = [];
  // Graceful stop (issue #8): responses in flight, so closing can end their connections.
  const inFlight = new Set<http.ServerResponse>();
  let closing = false;
  const server = http.createServer((req, res) => {
    inFlight.add(res);
    res.on("close", () => inFlight.delete(res));
    res.on("finish", () => {
      // The connection is idle only once the response is out; then let it go.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (closing) res.setHeader("connection", "close");
    const url = req.url ?? "/";
    const pathname = url.split("?")[0] ?? "/";
    const match = routes.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    if (!match) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    Promise.resolve(match[1](req, res)).catch((error: unknown) => {
      log.error({ err: error, path: pathname }, "request handler failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    route(prefix, handler) {
      routes.push([prefix, handler]);
      // Longest prefix first, so /slack/install wins over /slack.
      routes.sort((a, b) => b[0].length - a[0].length);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        // A burst of connections (a busy morning, a replica taking over) waits in the kernel's
        // queue while the event loop is busy; Node's default of 511 resets the rest.
        server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
          server.off("error", reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close(graceMs = 8_000) {
      closing = true;
      return new Promise((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
        server.closeIdleConnections();
      });
    },
  };
}

export class BodyTooLargeError extends Error {
  constructor() {
    super("request body too large");
  }
}

/** Reads a request body, refusing (before parsing anything) one larger than `limit` bytes. */
export async function readBody(req: http.IncomingMessage, limit = 256 * 1024): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
