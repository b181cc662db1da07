import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import { isIsoDate } from "./dates.ts";

/**
 * Reference rates for late-payment interest, as data, from three places, each winning over the
 * one before: `src/domain/rates/reference-rates.json` ships with Tact (the offline fallback);
 * rates fetched from the ECB and the Bank of England (src/rates, stored in the database and
 * handed here with `useFetchedRates`); an operator's `TACT_RATES_FILE`, a JSON file of the
 * shipped shape (re-read when it changes). Each entry is the rate in force on a reference
 * date; a missing one is reported, never guessed.
 */
export const rateSeries = ["ecb-mro", "boe-base", "fr-legal"] as const;
export type RateSeries = (typeof rateSeries)[number];

/** Rates in ten-thousandths of a percent (4.25% → 42 500), so arithmetic stays in integers. */
export type RateTable = Record<RateSeries, ReadonlyMap<string, number>>;

export const PERCENT_SCALE = 10_000;

const fileSchema = z.object({
  series: z.partialRecord(
    z.enum(rateSeries),
    z.object({
      name: z.string().optional(),
      source: z.string().optional(),
      rates: z.array(
        z.object({
          on: z.string().refine(isIsoDate, { error: "must be a date written YYYY-MM-DD" }),
          percent: z.number().min(-5).max(100),
        }),
      ),
    }),
  ),
});

export class RatesFileError extends Error {
  constructor(file: string, problem: string) {
    super(`The reference-rates file ${file} cannot be used: ${problem}`);
    this.name = "RatesFileError";
  }
}

/** Builds a table from the file format (throws RatesFileError naming the problem). */
export function parseRateTable(json: unknown, file = "rates"): RateTable {
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RatesFileError(file, `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const table = emptyTable();
  for (const name of rateSeries) {
    const map = new Map<string, number>();
    for (const r of result.data.series[name]?.rates ?? []) map.set(r.on, Math.round(r.percent * PERCENT_SCALE));
    table[name] = map;
  }
  return table;
}

/** `override`'s entries win over `base`'s. */
export function mergeRateTables(base: RateTable, override: RateTable): RateTable {
  const out = emptyTable();
  for (const name of rateSeries) out[name] = new Map([...base[name], ...override[name]]);
  return out;
}

/** The rate in force on a reference date, in ten-thousandths of a percent; undefined when missing. */
export function rateOn(table: RateTable, series: RateSeries, on: string): number | undefined {
  return table[series].get(on);
}

/** A rate fetched from a central bank, as stored. */
export interface FetchedRate {
  series: string;
  on: string;
  rateE4: number;
  source: string;
  fetchedAt: Date;
}

const shippedFile = new URL("./rates/reference-rates.json", import.meta.url);
let shipped: RateTable | undefined;
// Fetched rates are process-wide, like the shipped file: the same published figures serve
// every workspace. `version` tells the file cache below to merge again.
let fetched: { rates: readonly FetchedRate[]; merged: RateTable; version: number } | undefined;
let cachedOverride: { file: string; mtimeMs: number; version: number; table: RateTable } | undefined;

/** The rates Tact ships with (the offline fallback). */
export function shippedRates(): RateTable {
  shipped ??= parseRateTable(JSON.parse(readFileSync(shippedFile, "utf8")), "reference-rates.json");
  return shipped;
}

/** Takes the fetched rates (all of them, as stored) into the table every charge uses. */
export function useFetchedRates(rates: readonly FetchedRate[]): void {
  const table = emptyTable();
  for (const r of rates) {
    if ((rateSeries as readonly string[]).includes(r.series)) table[r.series as RateSeries].set(r.on, r.rateE4);
  }
  fetched = { rates, merged: mergeRateTables(shippedRates(), table), version: (fetched?.version ?? 0) + 1 };
}

/** The fetched rates in use (tests and `npm run rates`). */
export function fetchedRatesInUse(): readonly FetchedRate[] {
  return fetched?.rates ?? [];
}

let ratesFile: string | undefined;

/** The operator's rates file (`TACT_RATES_FILE`, read by the configuration), used from now on. */
export function useRatesFile(file: string | undefined): void {
  ratesFile = file?.trim() || undefined;
}

/**
 * The shipped rates, then the fetched ones, then the operator's file (the one given, else the
 * one set with `useRatesFile`), re-read when that file changes, so a new half-year's rate takes
 * effect without a restart.
 */
export function loadReferenceRates(file: string | undefined = ratesFile): RateTable {
  const base = fetched?.merged ?? shippedRates();
  if (!file) return base;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw new RatesFileError(file, "it does not exist or cannot be read (TACT_RATES_FILE)");
  }
  const version = fetched?.version ?? 0;
  if (cachedOverride?.file !== file || cachedOverride.mtimeMs !== mtimeMs || cachedOverride.version !== version) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      throw new RatesFileError(file, "it is not valid JSON");
    }
    cachedOverride = { file, mtimeMs, version, table: mergeRateTables(base, parseRateTable(json, file)) };
  }
  return cachedOverride.table;
}

function emptyTable(): Record<RateSeries, Map<string, number>> {
  return { "ecb-mro": new Map(), "boe-base": new Map(), "fr-legal": new Map() };
}
