import path from "node:path";
import type { Logger } from "pino";
import { createDiscordAdapter } from "../adapters/discord/discord-adapter.ts";
import { createSlackAdapter } from "../adapters/slack/slack-adapter.ts";
import { type Database, openDatabase } from "../db/database.ts";
import type { Clock } from "./clock.ts";
import { actionList, commandList } from "./commands/registry.ts";
import type { Config } from "./config.ts";
import type { SourceServices } from "./connectors/create-sources.ts";
import { createCore } from "./core/create-core.ts";
import type { Outbox } from "./core/outbox.ts";
import type { PlatformAdapter } from "./core/platform-adapter.ts";
import { type TrackedCore, trackInFlight } from "./core/track-in-flight.ts";
import { useRatesFile } from "./domain/reference-rates.ts";
import { createHttpServer, type HttpServer } from "./http/create-http-server.ts";
import { healthRoute } from "./http/health-route.ts";
import { installationRecords } from "./installations/installation-records.ts";
import { mountSourceRoutes } from "./mount-source-routes.ts";
import { openSecretBox, openSources } from "./open-sources.ts";
import { rateEndpoints } from "./rates/rate-endpoints.ts";
import { createRatesRefresher } from "./rates/rates-refresher.ts";
import { type Scheduler, startScheduler } from "./scheduler/start-scheduler.ts";
import { sealStoredSecrets } from "./secrets/seal-stored-secrets.ts";
import { errorMessage } from "./serialize-error.ts";
import { portError, StartError } from "./start-error.ts";

export interface App {
  core: TrackedCore;
  database: Database;
  http: HttpServer;
  /** The port the HTTP server listens on (useful when PORT=0). */
  port: number;
  outboxes: Outbox[];
  /** The digest and alerts scheduler (issue #4); `tick()` runs one tick now. */
  scheduler: Scheduler;
  /** Invoice sources (issue #17): `worker.runDue()` runs the due syncs now. */
  sources: SourceServices;
  /**
   * Graceful stop: /healthz turns 503, no new requests, those in flight finish, adapters and
   * the scheduler stop, then the database closes (if the app opened it). Safe to call twice.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  clock: Clock;
  /** An open database (tests); otherwise opened from the configuration. */
  database?: Database;
  /** Tick the scheduler every minute (main.ts). Off by default: tests call `scheduler.tick()`. */
  schedule?: boolean;
}

/**
 * Starts Tact with the configured platforms: the database, the core, the HTTP server
 * (/healthz and the platform endpoints) and each adapter. The console is started by main.ts.
 */
export async function startApp(options: StartOptions): Promise<App> {
  const { config, log, clock } = options;
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  useRatesFile(config.TACT_RATES_FILE);
  const database =
    options.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : dataDir,
    }));
  const platforms = [...(config.slackEnabled ? ["slack"] : []), ...(config.discordEnabled ? ["discord"] : [])];
  // Secrets at rest (issue #17): one key for installations and invoice-source keys.
  const secrets = openSecretBox(config, dataDir);
  await sealStoredSecrets(database.db, secrets, log);
  const services = { db: database.db, clock, log, dataDir, secrets };
  // Invoice sources (issue #17): Stripe's and Xero's routes on this server, syncs in the background.
  const sources = openSources(config, services, platforms, options.schedule ?? false, secrets);
  // Tracked, so a graceful stop also waits for work acknowledged early or received outside HTTP.
  const core = trackInFlight(createCore({ ...services, sources, commands: commandList(), actions: actionList() }));
  const http = createHttpServer(log);
  mountSourceRoutes(http, { ...services, sources }, config);
  let stopping: Promise<void> | undefined;
  http.route("/healthz", healthRoute(database.ping, { stopping: () => stopping !== undefined }));

  const installations = installationRecords(database.db, clock, secrets);
  const deps = { core, config, log, http, clock, installations };
  const adapters: PlatformAdapter[] = [];
  // Each configured platform mounts its routes on the HTTP server and returns its outbox.
  // (Slack: adapters/slack; Discord: adapters/discord.)
  if (config.slackEnabled) adapters.push(createSlackAdapter(deps));
  if (config.discordEnabled) adapters.push(createDiscordAdapter(deps));
  void deps;

  let port: number;
  try {
    port = await http.listen(config.PORT).catch((error: unknown) => {
      throw portError(config.PORT, error);
    });
    for (const adapter of adapters) {
      // Whatever fails here is the platform's doing: its message says so (never the database's).
      await adapter.start?.().catch((error: unknown) => {
        throw error instanceof StartError ? error : new StartError(errorMessage(error), error);
      });
    }
  } catch (error) {
    // Nothing that was started keeps running (or keeps the process alive) after a failed start.
    await Promise.allSettled([
      withTimeout(http.close(0), 1_000),
      ...adapters.map((adapter) => withTimeout(adapter.stop(), 1_000)),
    ]);
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }
  // Reference rates (issue 13): those stored by earlier fetches at once, then fetched at start and daily.
  const rates = options.schedule
    ? createRatesRefresher({ db: database.db, log, clock, endpoints: rateEndpoints(config) })
    : undefined;
  await rates?.loadStored();
  // Scheduler (issue #4): digests and alerts through the adapters' outboxes.
  const scheduler = startScheduler(
    { db: database.db, clock, log, outboxes: adapters.map((a) => a.outbox) },
    { cron: options.schedule ?? false, rates },
  );
  log.info({ port, database: database.kind, adapters: adapters.map((a) => a.outbox.platform) }, "Tact is ready");

  // Graceful stop (issue #8); each step is logged and one failing does not skip the others.
  async function stopApp(): Promise<void> {
    const step = async (what: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        log.error({ err: error, step: what }, "a step of stopping failed");
      }
    };
    // One budget for all steps, inside main.ts's 9.5 s limit, so the database still closes.
    const deadline = performance.now() + 8_500;
    const left = (cap: number) => Math.max(0, Math.min(cap, deadline - performance.now()));
    await step("scheduler", () => withTimeout(scheduler.stop(), left(3_000)));
    await step("sync", () => withTimeout(sources.worker.stop(), left(3_000)));
    await Promise.all([
      step("http", () => http.close(left(6_000))),
      ...adapters.map((adapter) =>
        step(`adapter ${adapter.outbox.platform}`, () => withTimeout(adapter.stop(), left(6_000))),
      ),
    ]);
    await step("requests in flight", () => withTimeout(core.idle(), left(2_000)));
    if (!options.database) await step("database", () => database.close());
  }

  return {
    core,
    database,
    http,
    port,
    outboxes: adapters.map((a) => a.outbox),
    scheduler,
    sources,
    stop() {
      stopping ??= stopApp();
      return stopping;
    },
  };
}

/** Waits for `work`, but not longer than `ms` (a stop must end inside the platform's limit). */
function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
