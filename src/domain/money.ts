/**
 * Money as integer minor units of an ISO 4217 currency (cents, pence, yen). Parsing accepts
 * what people type in chat: `1200.00`, `1200,00`, `1 200,50`, `1,200.50`, `€1200`, `1200 €`.
 */

export interface Money {
  minor: number;
  currency: string;
}

/** What can be wrong with an amount, for a precise message. */
export type AmountProblem = "format" | "zero" | "negative" | "tooLarge" | "decimals" | "currency";

export type AmountResult =
  | { ok: true; minor: number; currency: string | undefined }
  | { ok: false; problem: AmountProblem; digits?: number };

/** Symbols people type instead of a code. `$` is taken as US dollars. */
const SYMBOLS = new Map([
  ["€", "EUR"],
  ["£", "GBP"],
  ["$", "USD"],
  ["¥", "JPY"],
]);

/** Above this many major units an amount is a typo, not an invoice. */
export const MAX_MAJOR_UNITS = 1_000_000_000;

let known: Set<string> | undefined;

/** ISO currency code (any case) or symbol → the upper-case code; undefined when unknown. */
export function toCurrency(token: string): string | undefined {
  const t = token.trim();
  const symbol = SYMBOLS.get(t);
  if (symbol) return symbol;
  const code = t.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return undefined;
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return known.has(code) ? code : undefined;
}

/** True for a token that names a currency (`EUR`, `eur`, `€`). */
export function isCurrencyToken(token: string): boolean {
  return toCurrency(token) !== undefined;
}

const digitsCache = new Map<string, number>();

/**
 * Minor-unit digits of a currency (EUR 2, JPY 0, KWD 3). Taken from Intl so amounts are
 * stored with exactly the digits the formatter shows (ICU uses 0 for HUF and IDR).
 */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
  currency: string | undefined;
}

/** Splits `€1 200,50` into sign, digits and an optional currency; undefined when it is not an amount. */
function parseDecimal(text: string): Decimal | { currencyUnknown: true } | undefined {
  let s = text.trim().replace(/[\u00a0\u202f]/g, " ");
  let negative = false;
  if (s.startsWith("-")) {
    negative = true;
    s = s.slice(1).trim();
  }
  let tag: string | undefined;
  const prefix = /^([A-Za-z]{3}|[€£$¥])\s*/.exec(s);
  const suffix = prefix ? null : /\s*([A-Za-z]{3}|[€£$¥])$/.exec(s);
  if (prefix) {
    tag = prefix[1];
    s = s.slice(prefix[0].length);
  } else if (suffix) {
    tag = suffix[1];
    s = s.slice(0, suffix.index);
  }
  let currency: string | undefined;
  if (tag !== undefined) {
    currency = toCurrency(tag);
    if (!currency) return /\d/.test(s) ? { currencyUnknown: true } : undefined;
  }
  if (s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  }
  s = s.trim();
  // Thousands may be grouped with spaces or apostrophes: 1 200,50 · 1'200.50
  s = s.replace(/(\d)[ '’](?=\d{3}(?:\D|$))/g, "$1");
  if (!/^\d[\d.,]*$/.test(s) && !/^[.,]\d+$/.test(s)) return undefined;
  const lastMark = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  if (lastMark === -1) return { negative, whole: s, fraction: "", currency };
  const mark = s[lastMark] ?? ".";
  const other = mark === "." ? "," : ".";
  const before = s.slice(0, lastMark);
  const fraction = s.slice(lastMark + 1);
  if (!/^\d*$/.test(fraction) || before.includes(mark)) return undefined;
  // With both marks, the last one is the decimal mark and the other groups thousands.
  if (before.includes(other) && !/^\d{1,3}(?:[.,]\d{3})*$/.test(before)) return undefined;
  const whole = before.split(other).join("");
  return { negative, whole: whole === "" ? "0" : whole, fraction, currency };
}

/**
 * An amount as integer minor units of `currency` (or of the currency written with it when
 * `currency` is omitted). Refuses zero, negative, absurd amounts and more decimals than the
 * currency has.
 */
export function parseAmount(text: string, currency?: string): AmountResult {
  const d = parseDecimal(text);
  if (!d) return { ok: false, problem: "format" };
  if ("currencyUnknown" in d) return { ok: false, problem: "currency" };
  const code = currency ?? d.currency;
  if (currency && d.currency && d.currency !== currency) return { ok: false, problem: "currency" };
  const digits = code ? currencyDigits(code) : 2;
  // Literal digits count: "1,200" in euros is refused rather than read as 1.20.
  const fraction = d.fraction;
  if (fraction.length > digits) return { ok: false, problem: "decimals", digits };
  const whole = d.whole.replace(/^0+(?=\d)/, "");
  if (whole.length > String(MAX_MAJOR_UNITS).length || Number(whole) > MAX_MAJOR_UNITS) {
    return { ok: false, problem: "tooLarge" };
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (d.negative && minor !== 0) return { ok: false, problem: "negative" };
  if (minor === 0) return { ok: false, problem: "zero" };
  return { ok: true, minor, currency: d.currency };
}

/** True when a token could be an amount (for optional positional arguments). */
export function looksLikeAmount(token: string): boolean {
  const d = /\d/.test(token) ? parseDecimal(token) : undefined;
  // `INV-7` is not an amount in an unknown currency "INV"; `10XYZ` is an amount (to refuse clearly).
  return d !== undefined && (!("currencyUnknown" in d) || /^-?\d/.test(token.trim()));
}

/** Adds amounts per currency, in first-seen order; zero totals are kept out. */
export function sumByCurrency(items: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const m of items) totals.set(m.currency, (totals.get(m.currency) ?? 0) + m.minor);
  return [...totals].filter(([, minor]) => minor !== 0).map(([currency, minor]) => ({ currency, minor }));
}

/** The currency written with an amount (`€1200` → EUR), if any; "unknown" for `1200 XYZ`. */
export function currencyOfAmount(text: string): string | undefined | "unknown" {
  const d = parseDecimal(text);
  if (!d) return undefined;
  return "currencyUnknown" in d ? "unknown" : d.currency;
}
