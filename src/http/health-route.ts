import type { RouteHandler } from "./create-http-server.ts";

export interface HealthOptions {
  /** True once the process is shutting down: report 503 so load balancers stop sending. */
  stopping?: () => boolean;
  /** How long the database has to answer (ms). */
  timeoutMs?: number;
}

/**
 * `GET /healthz`: 200 when the database answers within a second, 503 when it does not or
 * when the process is stopping. The body says which, and nothing else (no error text).
 */
export function healthRoute(ping: () => Promise<void>, options: HealthOptions = {}): RouteHandler {
  const timeoutMs = options.timeoutMs ?? 1_000;
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed");
      return;
    }
    const stopping = options.stopping?.() ?? false;
    const database = await answersWithin(ping, timeoutMs);
    const ok = database === "ok" && !stopping;
    const body = {
      status: stopping ? "stopping" : ok ? "ok" : "degraded",
      database,
      uptime: Math.round(process.uptime()),
    };
    res
      .writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify(body));
  };
}

async function answersWithin(ping: () => Promise<void>, timeoutMs: number): Promise<"ok" | "unavailable"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"unavailable">((resolve) => {
    timer = setTimeout(() => resolve("unavailable"), timeoutMs);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(ping)
        .then(
          () => "ok" as const,
          () => "unavailable" as const,
        ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
