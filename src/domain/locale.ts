export const locales = ["en", "fr"] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** `fr-FR`, `fr_CA`, `FR` → `fr`; anything unknown → the fallback. */
export function toLocale(tag: string | null | undefined, fallback: Locale = "en"): Locale {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : fallback;
}
