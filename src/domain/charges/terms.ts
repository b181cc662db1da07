import { z } from "zod";
import { isLocale, type Locale } from "../locale.ts";
import { PERCENT_SCALE } from "../reference-rates.ts";

/** Which rules set the late-payment charges of a client (DESIGN.md §4). */
export const laws = ["fr", "eu", "uk", "contract", "none"] as const;
export type Law = (typeof laws)[number];

/** A contractual interest rate: 12%/year, or 1.5%/month (applied as 18%/year, actual/365). */
export interface ContractRate {
  /** Ten-thousandths of a percent: 12.5% → 125 000. */
  percentE4: number;
  per: "year" | "month";
}

/**
 * A contract's flat fee, in its own currency (`fee 50 EUR`): added to an invoice in that
 * currency only, never relabelled in another. A fee stored before fees had a currency has
 * none: it is shown and noted, not charged, until the agency says its currency.
 */
export type ContractFee = { minor: number; currency: string } | { major: string; currency: null };

/** Payment terms of one client, once workspace defaults and the client's own are resolved. */
export interface Terms {
  law: Law;
  /** An agreed rate: the whole rule under `contract`; replaces the statutory rate under fr/eu/uk. */
  rate: ContractRate | null;
  /** The flat fee of a `contract` law. */
  fee: ContractFee | null;
  /** The agency hosts the client's site: enables the suspension-notice stage. */
  hosted: boolean;
  /** Language of reminders to the client; null = the workspace's language. */
  language: Locale | null;
  /** Reminder stages, in days after the due date (see stages.ts). */
  stages: number[];
  /** Days from issue to due date when an invoice is recorded without one. */
  paymentDays: number;
}

export type TermKey = keyof Terms;
/** Where a resolved value comes from, so `/client terms acme` can say it. */
export type TermSource = "default" | "workspace" | "client";

export interface ResolvedTerms {
  terms: Terms;
  sources: Record<TermKey, TermSource>;
}

export const DEFAULT_TERMS: Terms = {
  law: "none",
  rate: null,
  fee: null,
  hosted: false,
  language: null,
  stages: [1, 15, 30, 45],
  paymentDays: 30,
};

export const MAX_STAGES = 4;
export const MAX_STAGE_DAY = 365;
export const MAX_PAYMENT_DAYS = 365;

/**
 * The shape stored in `workspaces.default_terms` and `clients.terms` (jsonb). Each field is
 * checked on read: a value that no longer validates is ignored, never trusted.
 */
const storedFields = {
  law: z.enum(laws),
  rate: z.object({
    percentE4: z
      .number()
      .int()
      .min(0)
      .max(100 * PERCENT_SCALE),
    per: z.enum(["year", "month"]),
  }),
  fee: z.union([
    z.object({ minor: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), currency: z.string().regex(/^[A-Z]{3}$/) }),
    // Stored before fees had a currency: `"40"` (kept as read when other terms change).
    z.object({ major: z.string().regex(/^\d{1,9}(\.\d{1,4})?$/), currency: z.null() }),
    z
      .string()
      .regex(/^\d{1,9}(\.\d{1,4})?$/)
      .transform((major) => ({ major, currency: null })),
  ]),
  hosted: z.boolean(),
  language: z.string().refine(isLocale),
  stages: z.array(z.number().int().min(1).max(MAX_STAGE_DAY)).min(1).max(MAX_STAGES),
  paymentDays: z.number().int().min(0).max(MAX_PAYMENT_DAYS),
} as const;

export type StoredTerms = Partial<{
  law: Law;
  rate: ContractRate | null;
  fee: ContractFee | null;
  hosted: boolean;
  language: Locale;
  stages: number[];
  paymentDays: number;
}>;

/** The valid fields of a stored terms object (rate/fee may be stored as null to clear a default). */
export function readStoredTerms(value: unknown): StoredTerms {
  const out: Record<string, unknown> = {};
  if (!value || typeof value !== "object") return out;
  for (const [key, schema] of Object.entries(storedFields)) {
    const raw = (value as Record<string, unknown>)[key];
    if (raw === undefined) continue;
    if (raw === null && (key === "rate" || key === "fee")) {
      out[key] = null;
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as StoredTerms;
}

export interface ClientTermsSource {
  terms: unknown;
  hosted: boolean;
  language: string | null;
}

/**
 * The client's terms: built-in defaults, then the workspace's defaults, then the client's
 * own. `hosted` and `language` also live in columns of `clients` (kept in step by the
 * terms command); a client value wins over the workspace's.
 */
export function resolveTerms(workspaceDefaults: unknown, client?: ClientTermsSource): ResolvedTerms {
  const ws = readStoredTerms(workspaceDefaults);
  const own = readStoredTerms(client?.terms);
  const terms: Terms = { ...DEFAULT_TERMS, stages: [...DEFAULT_TERMS.stages] };
  const sources = Object.fromEntries(Object.keys(DEFAULT_TERMS).map((k) => [k, "default"])) as Record<
    TermKey,
    TermSource
  >;
  const apply = (stored: StoredTerms, source: TermSource) => {
    for (const [key, value] of Object.entries(stored) as [TermKey, never][]) {
      (terms as unknown as Record<string, unknown>)[key] = value;
      sources[key] = source;
    }
  };
  apply(ws, "workspace");
  apply(own, "client");
  if (client) {
    if (own.hosted === undefined && client.hosted) {
      terms.hosted = true;
      sources.hosted = "client";
    }
    if (own.language === undefined && isLocale(client.language)) {
      terms.language = client.language;
      sources.language = "client";
    }
  }
  return { terms, sources };
}

/** A contract rate per year, in ten-thousandths of a percent (a monthly rate × 12). */
export function annualRateE4(rate: ContractRate): number {
  return rate.per === "month" ? rate.percentE4 * 12 : rate.percentE4;
}
