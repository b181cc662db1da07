import {
  type ContractFee,
  type ContractRate,
  type Law,
  laws,
  MAX_PAYMENT_DAYS,
  MAX_STAGE_DAY,
  MAX_STAGES,
  type StoredTerms,
} from "../domain/charges/index.ts";
import { parseAmount } from "../domain/money.ts";
import { PERCENT_SCALE } from "../domain/reference-rates.ts";
import { userError } from "../errors.ts";
import { isLocale, locales } from "../messages/locale.ts";
import { parseMoney } from "./parse-inputs.ts";

/** The settings `/client terms` and `/client config terms` take, as typed. */
export interface TermWords {
  law?: string | undefined;
  rate?: string | undefined;
  fee?: string | undefined;
  hosted?: string | undefined;
  lang?: string | undefined;
  stages?: string | undefined;
  term?: string | undefined;
}

export const termKeywords = ["law", "rate", "fee", "hosted", "lang", "stages", "term"] as const;

const CLEAR = new Set(["none", "off", "no", "-", "aucun", "aucune"]);

/**
 * Validates every setting given (all or nothing: the first wrong one is a UserError) and
 * returns the changes to store.
 */
export function parseTermWords(words: TermWords): StoredTerms {
  const out: StoredTerms = {};
  if (words.law !== undefined) {
    const law = words.law.trim().toLowerCase();
    if (!(laws as readonly string[]).includes(law)) {
      throw userError("invalid.choice", (t) =>
        t.invalid.choice({ arg: t.invoices.argNames.law, value: words.law ?? "", choices: laws.join(", ") }),
      );
    }
    out.law = law as Law;
  }
  if (words.rate !== undefined) out.rate = parseRate(words.rate);
  if (words.fee !== undefined) out.fee = parseFee(words.fee);
  if (words.hosted !== undefined) out.hosted = parseYesNo(words.hosted);
  if (words.lang !== undefined) {
    const lang = words.lang.trim().toLowerCase();
    if (!isLocale(lang)) {
      throw userError("invalid.choice", (t) =>
        t.invalid.choice({ arg: t.invoices.argNames.lang, value: words.lang ?? "", choices: locales.join(", ") }),
      );
    }
    out.language = lang;
  }
  if (words.stages !== undefined) out.stages = parseStages(words.stages);
  if (words.term !== undefined) {
    const m = /^(\d{1,3})\s*(d|j|days?|jours?)?$/i.exec(words.term.trim());
    const days = Number(m?.[1]);
    if (!m || days > MAX_PAYMENT_DAYS) {
      throw userError("invalid.term", (t) => t.invoices.terms.errors.term({ value: words.term ?? "" }));
    }
    out.paymentDays = days;
  }
  return out;
}

/** `12%/y`, `12 %`, `1.5%/m`, `1,5%/mois`, `none`. */
function parseRate(value: string): ContractRate | null {
  const v = value.trim().toLowerCase();
  if (CLEAR.has(v)) return null;
  const m = /^(\d{1,3}(?:[.,]\d{1,4})?)\s*%?\s*(?:(?:\/|per|par)\s*(y|yr|year|an|a|m|mo|month|mois))?$/.exec(v);
  const percent = Number(m?.[1]?.replace(",", "."));
  if (!m || !Number.isFinite(percent) || percent > 100) {
    throw userError("invalid.rate", (t) => t.invoices.terms.errors.rate({ value }));
  }
  const per = m[2] && /^(m|mo|month|mois)$/.test(m[2]) ? "month" : "year";
  return { percentE4: Math.round(percent * PERCENT_SCALE), per };
}

/**
 * `50 EUR`, `€12.50`, `12,50 €`, `1 000 JPY`, `none`: the fee in its own currency, as minor
 * units. Without a currency it is refused: the fee must never take an invoice's currency.
 */
function parseFee(value: string): ContractFee | null {
  if (CLEAR.has(value.trim().toLowerCase())) return null;
  const parsed = parseAmount(value);
  if (!parsed.ok && parsed.problem === "format") {
    throw userError("invalid.fee", (t) => t.invoices.terms.errors.fee({ value }));
  }
  const { minor, currency } = parseMoney(value, undefined);
  if (!currency) throw userError("invalid.fee-currency", (t) => t.invoices.terms.errors.feeCurrency({ value }));
  return { minor, currency };
}

function parseYesNo(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (["yes", "y", "oui", "true", "on"].includes(v)) return true;
  if (["no", "n", "non", "false", "off"].includes(v)) return false;
  throw userError("invalid.yes-no", (t) => t.invoices.terms.errors.yesNo({ value, what: t.invoices.argNames.hosted }));
}

/** `1,15,30,45`: 1 to 4 increasing days after the due date, from 1 to 365. */
function parseStages(value: string): number[] {
  const parts = value.split(/[,;\s]+/).filter((p) => p !== "");
  const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  const valid =
    days.length >= 1 &&
    days.length <= MAX_STAGES &&
    days.every((d, i) => d >= 1 && d <= MAX_STAGE_DAY && (i === 0 || d > (days[i - 1] ?? 0)));
  if (!valid) throw userError("invalid.stages", (t) => t.invoices.terms.errors.stages({ value }));
  return days;
}
