import { isDatabaseUnavailable } from "../db/is-unavailable.ts";
import { DataDirError } from "../db/prepare-data-dir.ts";
import { ConfigError } from "./config.ts";
import { configSecrets, secretScrubber } from "./log.ts";
import { StartError } from "./start-error.ts";

/**
 * The one line (a list for settings) that says why Tact stopped: the real cause, no SQL, no
 * secret. The database is blamed only when it was the database being opened that failed.
 */
export function describeFatal(
  error: unknown,
  options: { duringDatabaseOpen: boolean; env: Record<string, string | undefined> },
): string {
  const scrub = secretScrubber(configSecrets(options.env));
  // These say in full what is wrong ("DATA_DIR /x is not writable", "Tact is already running…").
  if (error instanceof ConfigError || error instanceof DataDirError) return scrub(error.message);
  const message = scrub(withoutSql(error));
  if (error instanceof StartError) return `Tact stopped: ${message}`;
  if (options.duringDatabaseOpen && isDatabaseUnavailable(error)) {
    return `Tact stopped: ${message} (the database did not answer: check DATABASE_URL)`;
  }
  return `Tact stopped: ${message}`;
}

/** An error's message, without the statement drizzle wraps around the database's own message. */
export function withoutSql(error: unknown): string {
  let e: unknown = error;
  // drizzle's "Failed query: <sql> params: <values>" wraps the database's own message.
  while (e instanceof Error && e.message.startsWith("Failed query:") && e.cause) e = e.cause;
  if (e instanceof Error && e.message.startsWith("Failed query:")) return "a database statement failed";
  return e instanceof Error ? e.message : String(e);
}
