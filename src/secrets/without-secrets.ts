/** Keys whose values are secrets wherever they appear (tokens, refresh tokens, webhook URLs). */
const SECRET_KEY = /token|secret|password|^url$/i;

/**
 * A copy of a stored record with every secret-looking value removed, to keep next to its
 * sealed whole: what an operator or an export may read without the key.
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, v]) => [key, withoutSecrets(v)]),
  );
}
