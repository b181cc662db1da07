import { localDate } from "../domain/dates.ts";
import { createFormatter, type Formatter } from "./format.ts";
import type { Locale } from "./locale.ts";

const intlTags: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };
const longDates = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A formatter for letters to a client: dates written out in full ("27 November 2026",
 * "27 novembre 2026", "1er décembre 2026"); the rest as `createFormatter`.
 */
export function letterFormatter(locale: Locale, timeZone: string): Formatter {
  const base = createFormatter(locale, timeZone);
  let long = longDates.get(locale);
  if (!long) {
    long = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "long", timeZone: "UTC" });
    longDates.set(locale, long);
  }
  const format = long;
  return {
    ...base,
    date(value) {
      const day = typeof value === "string" ? value.slice(0, 10) : localDate(value, timeZone);
      const text = format.format(new Date(`${day}T00:00:00Z`));
      // French writes the first of the month as an ordinal: « le 1er décembre ».
      return locale === "fr" ? text.replace(/^1 /, "1er ") : text;
    },
  };
}
