import path from "node:path";
import type { Logger } from "pino";
import { type Database, openDatabase } from "../db/database.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { type Core, createCore } from "./core/create-core.ts";
import type { Outbox } from "./core/outbox.ts";
import type { PlatformAdapter } from "./core/platform-adapter.ts";
import { createHttpServer, type HttpServer } from "./http/create-http-server.ts";
import { healthRoute } from "./http/health-route.ts";

export interface App {
  core: Core;
  database: Database;
  http: HttpServer;
  /** The port the HTTP server listens on (useful when PORT=0). */
  port: number;
  outboxes: Outbox[];
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  clock: Clock;
  /** An open database (tests); otherwise opened from the configuration. */
  database?: Database;
}

/**
 * Starts Tact with the configured platforms: the database, the core, the HTTP server
 * (/healthz and the platform endpoints) and each adapter. The console is started by main.ts.
 */
export async function startApp(options: StartOptions): Promise<App> {
  const { config, log, clock } = options;
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  const database =
    options.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : path.join(dataDir, "pglite"),
    }));
  const core = createCore({ db: database.db, clock, log, dataDir });
  const http = createHttpServer(log);
  http.route("/healthz", healthRoute(database.ping));

  const deps = { core, config, log, http, database };
  const adapters: PlatformAdapter[] = [];
  // Each configured platform mounts its routes on the HTTP server and returns its outbox.
  // (Slack: adapters/slack; Discord: adapters/discord.)
  void deps;

  const port = await http.listen(config.PORT);
  for (const adapter of adapters) await adapter.start?.();
  log.info({ port, database: database.kind, adapters: adapters.map((a) => a.outbox.platform) }, "Tact is ready");

  return {
    core,
    database,
    http,
    port,
    outboxes: adapters.map((a) => a.outbox),
    async stop() {
      await http.close();
      for (const adapter of adapters) await adapter.stop();
      if (!options.database) await database.close();
    },
  };
}
