import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

/** Bolt's logger interface over our pino logger, so its lines share format and redaction. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  let level: LogLevel = LogLevel.WARN;
  // An error among the parts is logged whole (stack, cause), like every other error.
  const line =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) =>
      child[level](
        { err: parts.find((p) => p instanceof Error) },
        parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" "),
      );
  return {
    debug: line("debug"),
    info: line("info"),
    warn: line("warn"),
    error: line("error"),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
