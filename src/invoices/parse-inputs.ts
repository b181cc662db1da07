import { isIsoDate } from "../domain/dates.ts";
import { currencyOfAmount, parseAmount, toCurrency } from "../domain/money.ts";
import { userError } from "../errors.ts";

/**
 * An amount typed for `currency` (or with its own currency when `currency` is undefined),
 * as minor units, or a UserError saying exactly what is wrong.
 */
export function parseMoney(
  value: string,
  currency: string | undefined,
  invoiceNumber?: string,
): { minor: number; currency: string | undefined } {
  const result = parseAmount(value, currency);
  if (result.ok) return { minor: result.minor, currency: currency ?? result.currency };
  const written = currencyOfAmount(value);
  switch (result.problem) {
    case "format":
      throw userError("invalid.amount", (t) => t.invoices.errors.amountFormat({ value }));
    case "zero":
      throw userError("invalid.amount-zero", (t) => t.invoices.errors.amountZero({ value }));
    case "negative":
      throw userError("invalid.amount-negative", (t) => t.invoices.errors.amountNegative({ value }));
    case "tooLarge":
      throw userError("invalid.amount-large", (t) => t.invoices.errors.amountTooLarge({ value }));
    case "decimals":
      throw userError("invalid.amount-decimals", (t) =>
        t.invoices.errors.amountDecimals({ value, currency: currency ?? written ?? "", digits: result.digits ?? 0 }),
      );
    case "currency":
      throw userError("invalid.currency", (t) =>
        currency && invoiceNumber
          ? t.invoices.errors.currencyMismatch({ value, currency, number: invoiceNumber })
          : currency
            ? t.invoices.errors.currencyConflict({ first: value, second: currency })
            : t.invoices.errors.currencyUnknown({ value }),
      );
  }
}

/** A currency code or symbol, or a UserError. */
export function parseCurrency(value: string): string {
  const code = toCurrency(value);
  if (!code) throw userError("invalid.currency", (t) => t.invoices.errors.currencyUnknown({ value }));
  return code;
}

/** A real calendar day `YYYY-MM-DD`, or a UserError naming which date is wrong. */
export function parseDay(value: string, what: "due" | "issued" | "on"): string {
  const v = value.trim();
  if (!isIsoDate(v)) {
    throw userError("invalid.date", (t) => t.invoices.errors.date({ value, what: t.invoices.argNames[what] }));
  }
  return v;
}
