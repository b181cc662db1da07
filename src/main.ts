import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConsoleAdapter } from "../adapters/console/console-adapter.ts";
import { runConsole } from "../adapters/console/run-console.ts";
import { openDatabase } from "../db/database.ts";
import { systemClock } from "./clock.ts";
import { ConfigError, readConfig } from "./config.ts";
import { createCore } from "./core/create-core.ts";
import { createLogger } from "./log.ts";

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
  });
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  if (!config.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : path.join(dataDir, "pglite"),
  });
  log.info({ database: database.kind }, "database ready");
  const core = createCore({ db: database.db, clock: systemClock, log, dataDir });

  if (consoleMode) {
    const adapter = new ConsoleAdapter({
      core,
      write: (line) => process.stdout.write(`${line}\n`),
      dataDir,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    await runConsole({
      adapter,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      historyFile: path.join(dataDir, "console_history"),
    });
    await database.close();
    return 0;
  }
  log.error("Slack and Discord adapters are not available yet");
  await database.close();
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Tact stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
