import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { HttpServer } from "../http/create-http-server.ts";
import type { InstallationRecords } from "../installations/installation-records.ts";
import type { Core } from "./create-core.ts";
import type { Outbox } from "./outbox.ts";

/** What app.ts hands an adapter when it is configured: the core is reached through `handle` only. */
export interface AdapterDeps {
  core: Core;
  config: Config;
  log: Logger;
  http: HttpServer;
  clock: Clock;
  /** Where OAuth installs are kept (Slack with SLACK_CLIENT_ID); absent where none are. */
  installations?: InstallationRecords | undefined;
}

/** A running platform adapter (Slack, Discord). */
export interface PlatformAdapter {
  outbox: Outbox;
  /** Connects (gateway, socket mode) once the HTTP server listens. */
  start?(): Promise<void>;
  stop(): Promise<void>;
}
