/**
 * Errors that mean the database could not be used at all, whatever the request: the network,
 * and the SQLSTATEs PostgreSQL sends when it will not serve a session. Each leaves nothing
 * written (the statement or its connection failed before a commit), so "temporarily
 * unavailable, nothing was saved" is true of all of them.
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  // Class 08, connection exception. Not 08007 (transaction resolution unknown): a commit
  // whose outcome is unknown may have saved something.
  "08000",
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
  "08P01", // protocol_violation
  // Class 53, the server is out of something an operator must give it.
  "53000", // insufficient_resources
  "53100", // disk_full
  "53200", // out_of_memory
  "53300", // too_many_connections: max_connections, or a role's or database's connection limit
  // Class 57, the server was stopped or refuses sessions.
  "57000", // operator_intervention
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, recovering)
  "57P04", // database_dropped
  "57P05", // idle_session_timeout
  // The session could not start: a rotated password, a dropped role or database.
  "28000", // invalid_authorization_specification
  "28P01", // invalid_password
  "3D000", // invalid_catalog_name (the database does not exist)
]);

/** True when an error means the database could not be reached, rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    const text = e instanceof Error ? e.message : "";
    if (
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i.test(
        text,
      )
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
