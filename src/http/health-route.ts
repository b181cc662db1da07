import type { RouteHandler } from "./create-http-server.ts";

/** 200 when the database answers within a second, 503 when it does not. */
export function healthRoute(ping: () => Promise<void>): RouteHandler {
  return async (_req, res) => {
    const database = await Promise.race([
      ping().then(
        () => "ok",
        () => "unavailable",
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve("unavailable"), 1_000).unref()),
    ]);
    const ok = database === "ok";
    res
      .writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify({ status: ok ? "ok" : "degraded", database, uptime: Math.round(process.uptime()) }));
  };
}
