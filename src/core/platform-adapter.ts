import type { Logger } from "pino";
import type { Database } from "../../db/database.ts";
import type { Config } from "../config.ts";
import type { HttpServer } from "../http/create-http-server.ts";
import type { Core } from "./create-core.ts";
import type { Outbox } from "./outbox.ts";

/** What app.ts hands an adapter when it is configured. */
export interface AdapterDeps {
  core: Core;
  config: Config;
  log: Logger;
  http: HttpServer;
  database: Database;
}

/** A running platform adapter (Slack, Discord). */
export interface PlatformAdapter {
  outbox: Outbox;
  /** Connects (gateway, socket mode) once the HTTP server listens. */
  start?(): Promise<void>;
  stop(): Promise<void>;
}
