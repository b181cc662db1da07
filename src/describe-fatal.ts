import { isDatabaseUnavailable } from "../db/is-unavailable.ts";
import { DataDirError } from "../db/prepare-data-dir.ts";
import { ConfigError } from "./config.ts";
import { configSecrets, secretScrubber } from "./log.ts";
import { errorMessage } from "./serialize-error.ts";
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
  const message = scrub(errorMessage(error));
  if (error instanceof StartError) return `Tact stopped: ${message}`;
  if (options.duringDatabaseOpen && isDatabaseUnavailable(error)) {
    return `Tact stopped: ${message} (the database did not answer: check DATABASE_URL)`;
  }
  return `Tact stopped: ${message}`;
}
