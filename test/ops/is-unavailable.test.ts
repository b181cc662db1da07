import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../db/is-unavailable.ts";

/** PostgreSQL's errors as pg delivers them, wrapped by drizzle as it does ("Failed query: …"). */
function pgError(code: string, message: string): Error {
  const error = Object.assign(new Error(message), { code, severity: "FATAL" });
  return Object.assign(new Error("Failed query: select 1\nparams: "), { cause: error });
}

describe("which database errors are outages", () => {
  it.each([
    ["53300", "sorry, too many clients already"],
    ["53300", 'too many connections for role "tact"'],
    ["57P01", "terminating connection due to administrator command"],
    ["57P03", "the database system is starting up"],
    ["08006", "connection failure"],
    ["28P01", 'password authentication failed for user "tact"'],
    ["3D000", 'database "tact" does not exist'],
    ["53100", "could not extend file: No space left on device"],
  ])("%s (%s) is an outage: users are told nothing was saved", (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(true);
  });

  it.each([
    ["23505", "duplicate key value violates unique constraint"],
    ["42P01", 'relation "clients" does not exist'],
    ["22P02", "invalid input syntax for type integer"],
    // A commit whose outcome is unknown may have saved something: not "nothing was saved".
    ["08007", "transaction resolution unknown"],
  ])("%s (%s) is not an outage: it is reported as a bug with a reference", (code, message) => {
    expect(isDatabaseUnavailable(pgError(code, message))).toBe(false);
  });
});
