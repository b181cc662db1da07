import type { Context } from "../core/context.ts";
import { currencyOfAmount, parseAmount, toCurrency } from "../domain/money.ts";
import { parseDayText } from "../domain/parse-day-text.ts";
import { userError } from "../errors.ts";
import type { Formatter } from "../messages/format.ts";
import type { Locale } from "../messages/locale.ts";
import { today } from "./today.ts";

/**
 * An amount typed for `currency` (or with its own currency when `currency` is undefined),
 * as minor units, or a UserError saying exactly what is wrong.
 */
export function parseMoney(
  value: string,
  currency: string | undefined,
  invoiceNumber?: string,
  /** For a negative amount: a credit note on this invoice, or on "an invoice" (a new one typed negative). */
  negative: "credit-on-invoice" | "credit-any" | "plain" = invoiceNumber ? "credit-on-invoice" : "plain",
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
      throw userError("invalid.amount-negative", (t) => {
        const amount = value.trim().replace(/-\s*/, "");
        const credit =
          negative === "credit-on-invoice" && invoiceNumber
            ? `/client credit ${invoiceNumber} ${amount}`
            : negative === "credit-any"
              ? `/client credit <${t.help.argNames.invoice}> ${amount}`
              : null;
        return t.invoices.errors.amountNegative({ value, credit, invoice: negative === "credit-any" });
      });
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
export function parseCurrency(value: string, field?: string): string {
  const code = toCurrency(value);
  if (!code) throw userError("invalid.currency", (t) => t.invoices.errors.currencyUnknown({ value }), field);
  return code;
}

export interface DayInputOptions {
  locale: Locale;
  /** Today in the workspace's time zone. */
  today: string;
  /** What `+30d` counts from (today when absent). */
  base?: string | undefined;
  /** Formats a day for the hint of an ambiguous date. */
  fmt: Pick<Formatter, "date">;
}

/** The options for a context: its language, its today, its formatter. */
export function dayOptions(ctx: Context, base?: string): DayInputOptions {
  return { locale: ctx.locale, today: today(ctx), base, fmt: ctx.fmt };
}

/**
 * A day as typed (`2026-01-15`, `15 Jan 2026`, `15/01/2026` in French, `today`, `+30d`,
 * `in 30 days`…), as an ISO day, or a UserError naming which date is wrong and how to write it.
 */
export function parseDay(value: string, what: "due" | "issued" | "on", opts: DayInputOptions): string {
  const result = parseDayText(value, opts);
  if (result.ok) return result.day;
  const shown = value.trim();
  switch (result.problem) {
    case "ambiguous": {
      const readings = (result.readings ?? []).map((d) => opts.fmt.date(d));
      const iso = result.readings?.[0] ?? "";
      throw userError(
        "invalid.date-ambiguous",
        (t) => t.invoices.errors.dateAmbiguous({ value: shown, readings, iso }),
        what,
      );
    }
    case "noYear":
      throw userError(
        "invalid.date-year",
        (t) => t.invoices.errors.dateNoYear({ value: shown, year: Number(opts.today.slice(0, 4)) }),
        what,
      );
    default:
      throw userError(
        "invalid.date",
        (t) => t.invoices.errors.date({ value: shown, what: t.invoices.argNames[what] }),
        what,
      );
  }
}
