import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

/** Anything that may hold a secret, wherever it appears in a log object. */
export const redactPaths = [
  "token",
  "*.token",
  "*.*.token",
  "botToken",
  "*.botToken",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "*.headers.cookie",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "signingSecret",
  "*.signingSecret",
  "clientSecret",
  "*.clientSecret",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "connectionString",
  "*.connectionString",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "DISCORD_TOKEN",
  "*.SLACK_BOT_TOKEN",
  "*.SLACK_SIGNING_SECRET",
  "*.SLACK_APP_TOKEN",
  "*.SLACK_CLIENT_SECRET",
  "*.SLACK_STATE_SECRET",
  "*.DISCORD_TOKEN",
];

export interface LogOptions {
  level?: string | undefined;
  /** Pretty, human-readable lines (a terminal); otherwise JSON. */
  pretty?: boolean | undefined;
  /** File descriptor to write to: 1 (stdout) or 2 (stderr, when stdout is the console adapter's). */
  fd?: 1 | 2;
}

/** The one root logger; children per request carry platform, workspace and request id. */
export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? "info";
  const redact = { paths: redactPaths, censor: "[redacted]" };
  const fd = options.fd ?? 1;
  if (options.pretty) {
    // Synchronous, in-process: a worker-thread transport would lose the last lines at exit.
    return pino({ level, redact }, pretty({ destination: fd, sync: true, colorize: true, ignore: "pid,hostname" }));
  }
  return pino({ level, redact }, pino.destination({ fd, sync: fd === 2 }));
}
