import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

/** Bolt's logger interface over our pino logger, so its lines share format and redaction. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  let level: LogLevel = LogLevel.WARN;
  const text = (parts: unknown[]) =>
    parts.map((p) => (p instanceof Error ? p.message : typeof p === "string" ? p : JSON.stringify(p))).join(" ");
  // An error among the parts is logged whole (stack, cause), like every other error.
  const err = (parts: unknown[]) => ({ err: parts.find((p) => p instanceof Error) });
  return {
    debug: (...m: unknown[]) => child.debug(err(m), text(m)),
    info: (...m: unknown[]) => child.info(err(m), text(m)),
    warn: (...m: unknown[]) => child.warn(err(m), text(m)),
    error: (...m: unknown[]) => child.error(err(m), text(m)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
