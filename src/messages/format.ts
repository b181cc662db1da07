import { localDate } from "../domain/dates.ts";
import type { Locale } from "./locale.ts";

const intlLocale: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

/** Dates, numbers and money for one locale and time zone, through Intl. */
export interface Formatter {
  locale: Locale;
  timeZone: string;
  /** A calendar day: an ISO `YYYY-MM-DD` string or an instant (shown in the time zone). */
  date(value: string | Date): string;
  dateTime(value: Date): string;
  number(value: number): string;
  /** Integer minor units of an ISO currency. */
  money(minor: number, currency: string): string;
  /** 13.15 → "13.15%" / "13,15 %" */
  percent(value: number, digits?: number): string;
  list(items: readonly string[]): string;
  /** Alternatives: "a, b or c" / "a, b ou c" (suggestions). */
  orList(items: readonly string[]): string;
}

/**
 * Currency signs as people write them where Intl's differ: British English gives "US$300.00"
 * and "JP¥100" to tell them from other dollars and yens, but an agency writes "$300.00" and
 * "¥100" (other dollars keep "CA$", "A$"; the yuan keeps "CN¥"). French gives "300,00 $US",
 * as people write it, but "£GB" and "JPY" where "£" and "¥" are usual.
 */
const usualSigns: Record<Locale, Record<string, string>> = {
  en: { USD: "$", JPY: "¥" },
  fr: { GBP: "£", JPY: "¥" },
};

/** Month abbreviations of one length: ICU's en-GB writes "Sept" next to "Oct". */
const usualMonths: Record<Locale, Record<string, string>> = { en: { Sept: "Sep" }, fr: {} };

/** A formatted date with its month abbreviation made usual. */
function withMonths(parts: Intl.DateTimeFormatPart[], months: Record<string, string>): string {
  let out = "";
  for (const p of parts) out += p.type === "month" ? (months[p.value] ?? p.value) : p.value;
  return out;
}

/**
 * Formatters by locale and time zone. Building one costs four Intl objects whose ICU data
 * lives outside the JavaScript heap: made once per request, they cost more CPU than the
 * request's queries and left the process's native heap fragmented (RSS 129 → 314 MB after
 * 1,000 commands; see docs/benchmarks.md). They hold no state, so they are shared.
 */
const formatters = new Map<string, Formatter>();
const MAX_FORMATTERS = 1_000;

export function createFormatter(locale: Locale, timeZone: string): Formatter {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = buildFormatter(locale, timeZone);
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

function buildFormatter(locale: Locale, timeZone: string): Formatter {
  const tag = intlLocale[locale];
  const day = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" });
  const dayTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone });
  const numbers = new Intl.NumberFormat(tag);
  const lists = new Intl.ListFormat(tag, { style: "long", type: "conjunction" });
  const alternatives = new Intl.ListFormat(tag, { style: "long", type: "disjunction" });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const signs = usualSigns[locale];
  const months = usualMonths[locale];
  return {
    locale,
    timeZone,
    date(value) {
      const iso = typeof value === "string" ? value : localDate(value, timeZone);
      const text = withMonths(day.formatToParts(new Date(`${iso}T00:00:00Z`)), months);
      // French writes the first of the month as an ordinal: « 1er juil. 2025 ».
      return locale === "fr" ? text.replace(/^1 /, "1er ") : text;
    },
    dateTime(value) {
      const text = withMonths(dayTime.formatToParts(value), months);
      return locale === "fr" ? text.replace(/^1 /, "1er ") : text;
    },
    number: (value) => numbers.format(value),
    money(minor, currency) {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: "currency", currency });
        moneyFormats.set(currency, format);
      }
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      const amount = minor / 10 ** digits;
      const sign = signs[currency];
      if (!sign) return format.format(amount);
      let out = "";
      for (const p of format.formatToParts(amount)) out += p.type === "currency" ? sign : p.value;
      return out;
    },
    percent(value, digits = 2) {
      let format = percentFormats.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(tag, {
          style: "percent",
          minimumFractionDigits: 0,
          maximumFractionDigits: digits,
        });
        percentFormats.set(digits, format);
      }
      return format.format(value / 100);
    },
    list: (items) => lists.format(items),
    orList: (items) => alternatives.format(items),
  };
}
