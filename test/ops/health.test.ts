import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/database.ts";
import { type App, startApp } from "../../src/app.ts";
import { FixedClock } from "../../src/clock.ts";
import { readConfig } from "../../src/config.ts";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { healthRoute } from "../../src/http/health-route.ts";
import { createLogger } from "../../src/log.ts";
import { createThrowawayPostgres, skipWithoutPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres.ts";

const log = createLogger({ level: "silent" });

describe.skipIf(skipWithoutPostgres)("/healthz against a real PostgreSQL server", () => {
  let server: ThrowawayPostgres;
  let database: Database;
  let app: App;

  beforeAll(async () => {
    server = await createThrowawayPostgres();
    database = await openDatabase({ url: server.url });
    const config = readConfig({ PORT: "0", DATABASE_URL: server.url });
    app = await startApp({ config, log, clock: new FixedClock("2026-11-27T10:00:00Z"), database });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.close();
    await server?.destroy();
  });

  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("is 200 while the database answers, 503 while it is down (the scheduler riding it out), and 200 again once it is back", async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok", database: "ok" } });

    await server.stop();
    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { status: "degraded", database: "unavailable" } });
    // Nothing about the failure itself: no host, no error text.
    expect(Object.keys(down.body).sort()).toEqual(["database", "status", "uptime"]);
    // The scheduler's minute tick meanwhile fails quietly; the process goes on.
    await expect(app.scheduler.tick()).resolves.toMatchObject({ sent: 0 });

    await server.start();
    expect(await health()).toMatchObject({ status: 200, body: { database: "ok" } });
  });
});

describe("/healthz", () => {
  async function serve(ping: () => Promise<void>, stopping = () => false) {
    const http = createHttpServer(log);
    http.route("/healthz", healthRoute(ping, { stopping, timeoutMs: 200 }));
    const port = await http.listen(0, "127.0.0.1");
    return { url: `http://127.0.0.1:${port}/healthz`, close: () => http.close() };
  }

  it("is 503 when the database does not answer in time, rather than hanging", async () => {
    const { url, close } = await serve(() => new Promise(() => {}));
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: "unavailable" });
    await close();
  });

  it("is 503 once the process is stopping, so load balancers send traffic elsewhere", async () => {
    const { url, close } = await serve(
      async () => {},
      () => true,
    );
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "stopping", database: "ok" });
    await close();
  });

  it("answers HEAD, refuses other methods, and is never cached", async () => {
    const { url, close } = await serve(async () => {});
    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("cache-control")).toBe("no-store");
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
    await close();
  });
});
