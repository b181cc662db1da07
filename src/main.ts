import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConsoleAdapter } from "../adapters/console/console-adapter.ts";
import { runConsole } from "../adapters/console/run-console.ts";
import { openDatabase } from "../db/database.ts";
import { isDatabaseUnavailable } from "../db/is-unavailable.ts";
import { systemClock } from "./clock.ts";
import { ConfigError, readConfig } from "./config.ts";
import { createCore } from "./core/create-core.ts";
import { trackInFlight } from "./core/track-in-flight.ts";
import { stopGracefully, waitForStopSignal } from "./graceful-stop.ts";
import { configSecrets, createLogger, secretScrubber } from "./log.ts";
import { startScheduler } from "./scheduler/start-scheduler.ts";

async function main(): Promise<number> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const consoleMode = !config.slackEnabled && !config.discordEnabled;
  // In console mode stdout is the conversation, so logs go to stderr and only warnings show.
  const log = createLogger({
    level: config.LOG_LEVEL ?? (consoleMode ? "warn" : "info"),
    pretty: Boolean(consoleMode ? process.stderr.isTTY : process.stdout.isTTY),
    fd: consoleMode ? 2 : 1,
    secrets: configSecrets(config),
  });
  // Listening from the start: a SIGTERM during start-up stops Tact once it has started.
  const stopRequested = waitForStopSignal({ log });
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  if (!config.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : path.join(dataDir, "pglite"),
    onWarning: (message) => log.warn(message),
  });
  log.info({ database: database.kind }, "database ready");

  if (consoleMode) {
    const core = trackInFlight(createCore({ db: database.db, clock: systemClock, log, dataDir }));
    const adapter = new ConsoleAdapter({
      core,
      write: (line) => process.stdout.write(`${line}\n`),
      dataDir,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    // Scheduler (issue #4): the digest and alerts print as `[#general] …` posts.
    const scheduler = startScheduler({ db: database.db, clock: systemClock, log, outboxes: [adapter.outbox()] });
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
          await scheduler.stop();
          await core.idle();
          await database.close();
        },
        { log },
      );
    }
    await scheduler.stop();
    await database.close();
    return 0;
  }

  // Imported here, not at the top: the console needs neither Bolt nor discord.js, which are
  // two thirds of the start-up CPU and about 50 MB of the console's memory.
  const { startApp } = await import("./app.ts");
  const app = await startApp({ config, log, clock: systemClock, database, schedule: true });
  await stopRequested;
  return stopGracefully(
    async () => {
      await app.stop();
      await database.close();
    },
    { log },
  );
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = isDatabaseUnavailable(error) ? " (the database did not answer: check DATABASE_URL)" : "";
    process.stderr.write(`Tact stopped: ${secretScrubber(configSecrets(process.env))(message)}${hint}\n`);
    process.exitCode = 1;
  },
);
