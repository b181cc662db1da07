import path from "node:path";
import { ConsoleAdapter } from "../adapters/console/console-adapter.ts";
import { runConsole } from "../adapters/console/run-console.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { systemClock } from "./clock.ts";
import { actionList, commandList } from "./commands/registry.ts";
import { readConfig } from "./config.ts";
import { consoleStart } from "./console-start.ts";
import { createCore } from "./core/create-core.ts";
import { trackInFlight } from "./core/track-in-flight.ts";
import { describeFatal } from "./describe-fatal.ts";
import { useRatesFile } from "./domain/reference-rates.ts";
import { stopGracefully, waitForStopSignal } from "./graceful-stop.ts";
import { createHttpServer } from "./http/create-http-server.ts";
import { configSecrets, createLogger } from "./log.ts";
import { mountSourceRoutes, sourcesNeedHttp } from "./mount-source-routes.ts";
import { openSecretBox, openSources } from "./open-sources.ts";
import { rateEndpoints } from "./rates/rate-endpoints.ts";
import { createRatesRefresher } from "./rates/rates-refresher.ts";
import { startScheduler } from "./scheduler/start-scheduler.ts";

/** What main has opened so far, for a fatal error or a stop during start-up to close. */
const opened: { database?: Database; phase: "config" | "database" | "start" | "running" } = { phase: "config" };

async function main(): Promise<number> {
  const config = readConfig(process.env);
  // The operator's reference rates (TACT_RATES_FILE), in the console as on the platforms.
  useRatesFile(config.TACT_RATES_FILE);
  const consoleMode = !config.slackEnabled && !config.discordEnabled;
  if (consoleMode) {
    const notice = consoleStart({
      env: process.env,
      argv: process.argv.slice(2),
      stdinIsTerminal: Boolean(process.stdin.isTTY),
      compiled: import.meta.url.endsWith(".js"),
    });
    // Said before reading, so a container with a misspelt variable says what it is doing.
    if (notice) process.stderr.write(`${notice}\n`);
  }
  // In console mode stdout is the conversation, so logs go to stderr and only warnings show.
  const log = createLogger({
    level: config.LOG_LEVEL ?? (consoleMode ? "warn" : "info"),
    pretty: Boolean(consoleMode ? process.stderr.isTTY : process.stdout.isTTY),
    fd: consoleMode ? 2 : 1,
    secrets: configSecrets(config),
  });
  // Listening from the start: a SIGTERM during start-up stops Tact at once.
  const stopRequested = waitForStopSignal({ log });
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  const started = startUp();
  const first = await Promise.race([started, stopRequested.then(() => undefined)]);
  if (!first) {
    log.info("stopped during start-up");
    started.catch(() => {}); // what was starting is cut by the exit
    await closeOpened();
    return 0;
  }
  return first.run();

  async function startUp(): Promise<{ run(): Promise<number> }> {
    opened.phase = "database";
    // DATA_DIR is created, checked and locked (one process at a time) when it holds the database.
    const database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : dataDir,
      onWarning: (message) => log.warn(message),
    });
    opened.database = database;
    opened.phase = "start";
    log.info({ database: database.kind }, "database ready");
    if (consoleMode) return { run: () => runConsoleMode(database) };
    // Imported here, not at the top: the console needs neither Bolt nor discord.js, which are
    // two thirds of the start-up CPU and about 50 MB of the console's memory.
    const { startApp } = await import("./app.ts");
    const app = await startApp({ config, log, clock: systemClock, database, schedule: true });
    return {
      async run() {
        opened.phase = "running";
        await stopRequested;
        return stopGracefully(
          async () => {
            await app.stop();
            await database.close();
          },
          { log },
        );
      },
    };
  }

  async function runConsoleMode(database: Database): Promise<number> {
    opened.phase = "running";
    const secrets = openSecretBox(config, dataDir);
    const services = { db: database.db, clock: systemClock, log, dataDir, secrets };
    const sources = openSources(config, services, ["console"], true, secrets);
    const core = trackInFlight(createCore({ ...services, sources, commands: commandList(), actions: actionList() }));
    // A source set in the settings needs its webhook, Xero its callback: the console then serves them on PORT.
    const http = sourcesNeedHttp(sources) ? createHttpServer(log) : undefined;
    if (http) {
      mountSourceRoutes(http, { ...services, sources }, config);
      const port = await http.listen(config.PORT);
      log.info({ port }, "webhooks served on this port");
    }
    const adapter = new ConsoleAdapter({
      core,
      write: (line) => process.stdout.write(`${line}\n`),
      dataDir,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      log,
    });
    // Scheduler (issue #4): the digest and alerts print as `[#general] …` posts.
    // Reference rates (issue 13): those stored by earlier fetches at once, then fetched at start and daily.
    const rates = createRatesRefresher({ db: database.db, log, clock: systemClock, endpoints: rateEndpoints(config) });
    await rates.loadStored();
    const scheduler = startScheduler(
      { db: database.db, clock: systemClock, log, outboxes: [adapter.outbox()] },
      { rates },
    );
    const ended = runConsole({
      adapter,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      historyFile: path.join(dataDir, "console_history"),
    });
    const signal = await Promise.race([ended.then(() => undefined), stopRequested]);
    if (signal) {
      return stopGracefully(
        async () => {
          await http?.close(2_000);
          await sources.worker.stop();
          await scheduler.stop();
          await core.idle();
          await database.close();
        },
        { log },
      );
    }
    await http?.close(2_000);
    await sources.worker.stop();
    await scheduler.stop();
    await database.close();
    return 0;
  }
}

/** Closes the database if it was opened (PGlite checkpoints, DATA_DIR is unlocked), within a second. */
async function closeOpened(): Promise<void> {
  const database = opened.database;
  if (!database) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    database.close().catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 1_000);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Exits once stdout and stderr have taken what was written (pipes are asynchronous on some
 * systems): nothing left running (a platform's retries, a listening socket) keeps Tact alive.
 */
function exit(code: number): void {
  setTimeout(() => process.exit(code), 2_000).unref(); // a reader that stopped reading
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

main().then(exit, async (error: unknown) => {
  process.stderr.write(
    `${describeFatal(error, { duringDatabaseOpen: opened.phase === "database", env: process.env })}\n`,
  );
  await closeOpened();
  exit(1);
});
