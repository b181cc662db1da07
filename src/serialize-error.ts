/** The only fields of an error kept besides its type, message, stack and cause. */
const KEPT_FIELDS = ["code", "status", "severity", "constraint", "table", "column", "routine", "errno", "syscall"];
const MAX_CAUSES = 4;

/**
 * An error as the logs keep it (the logger's serializer for `err`): type, message, code or
 * status, stack and causes. Nothing else an error carries: not the SQL and parameters drizzle
 * puts in its messages (user data), nor pg's `detail` (row values), nor what HTTP clients
 * hang on their errors (a URL holding an interaction's token, headers, the request body).
 * Secret values left in a message or a stack are blanked by the logger's scrubber.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!error || typeof error !== "object") return error;
  const fields = error as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (error instanceof Error) out.type = error.name;
  if (typeof fields.message === "string") out.message = hideQuery(fields.message);
  for (const field of KEPT_FIELDS) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number") out[field] = value;
  }
  if (error instanceof Error && error.stack) {
    out.stack = error.stack.replace(error.message, () => String(out.message));
  }
  // Slack's Web API client keeps the network error under `original`.
  const cause = error instanceof Error ? (error.cause ?? fields.original) : undefined;
  if (cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(cause, depth + 1);
  return out;
}

/**
 * An error in one line for a person (a terminal, a reason stored with a delivery): the
 * message of the error, or of the database's own error under drizzle's; never SQL nor a stack.
 */
export function errorMessage(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < MAX_CAUSES && e instanceof Error && isQuery(e.message) && e.cause; depth++) e = e.cause;
  const message = e instanceof Error ? e.message : String(e);
  return isQuery(message) ? "a database statement failed" : (message.split("\n")[0] ?? "");
}

/** drizzle's "Failed query: <sql> params: <values>". */
function isQuery(message: string): boolean {
  return message.startsWith("Failed query:");
}

function hideQuery(message: string): string {
  return isQuery(message) ? "Failed query (statement and parameters not logged)" : message;
}
