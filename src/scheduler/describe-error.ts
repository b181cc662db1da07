/**
 * An operator-readable reason for a log line: the error's code and message, never a stack,
 * a request body or SQL (drizzle puts the query and its parameters in its message, so the
 * driver's own error underneath is used instead).
 */
export function describeError(error: unknown): string {
  let e = error;
  for (let depth = 0; depth < 3 && e instanceof Error && e.message.startsWith("Failed query:"); depth++) e = e.cause;
  if (e instanceof Error && e.message.startsWith("Failed query:")) return "database query failed";
  const code = (e as { code?: unknown } | null)?.code;
  const text = (e instanceof Error ? e.message : String(e)).split("\n")[0]?.slice(0, 300) ?? "";
  return typeof code === "string" && !text.includes(code) ? `${code}: ${text}` : text;
}
