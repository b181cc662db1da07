import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { fetchedRates, saveFetchedRates } from "../../db/queries/reference-rates.ts";
import type { Clock } from "../clock.ts";
import { localDate } from "../domain/dates.ts";
import { loadReferenceRates, PERCENT_SCALE, rateOn, shippedRates, useFetchedRates } from "../domain/reference-rates.ts";
import { currentReferenceDate } from "./current-reference-date.ts";
import { fetchSeries } from "./fetch-series.ts";
import type { RateSource } from "./rate-sources.ts";
import { RatesFetchError } from "./rates-error.ts";
import { ratesOnReferenceDates } from "./rates-on-reference-dates.ts";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Where each source is fetched from; a source left out is not fetched. */
export type RateEndpoints = ReadonlyArray<{ source: RateSource; base: string }>;

export type SourceOutcome =
  | { source: RateSource["name"]; ok: true; url: string; rates: number }
  | { source: RateSource["name"]; ok: false; url: string; code: RatesFetchError["code"] | "database"; reason: string };

export interface RatesRefresher {
  /** Fetches every source now, stores what it read, and puts the stored rates in use. Never throws. */
  refresh(): Promise<SourceOutcome[]>;
  /** Puts the rates already stored in use (at start, before a fetch answers). Never throws. */
  loadStored(): Promise<void>;
  /** Cuts a fetch in progress short (a stopping process does not wait for a slow bank). */
  stop(): Promise<void>;
  /** When the next refresh is due: now before the first, a day after one that worked, an hour after a failure. */
  dueAt(): Date;
}

export interface RefresherDeps {
  db: Db;
  log: Logger;
  clock: Clock;
  endpoints: RateEndpoints;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Keeps the ECB and Bank of England rates current: each refresh fetches the published series,
 * reads the rate in force on each reference date, stores it with its source and fetch time,
 * and hands every stored rate to the charge engine. A source that fails or answers something
 * unreadable changes nothing, and is logged once until it works again.
 */
export function createRatesRefresher(deps: RefresherDeps): RatesRefresher {
  const log = deps.log.child({ component: "rates" });
  const failing = new Set<string>();
  const toldMissing = new Set<string>();
  let due = new Date(0);
  const stopping = new AbortController();
  let inFlight: Promise<unknown> | undefined;

  async function loadStored(): Promise<void> {
    try {
      useFetchedRates(await fetchedRates(deps.db));
    } catch (error) {
      log.warn({ err: error }, "stored reference rates could not be read");
    }
  }

  async function refreshOne(source: RateSource, base: string): Promise<SourceOutcome> {
    const url = source.url(base);
    try {
      const text = await fetchSeries(url, {
        signal: stopping.signal,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      });
      const observations = source.parse(text);
      const now = deps.clock.now();
      const rates = ratesOnReferenceDates(source, observations, localDate(now, "UTC"));
      await noteDifferences(source, rates);
      await saveFetchedRates(
        deps.db,
        rates.map((r) => ({ series: source.series, ...r, source: url, fetchedAt: now })),
      );
      if (failing.delete(source.name)) log.info({ source: source.name, url }, "reference rates fetched again");
      return { source: source.name, ok: true, url, rates: rates.length };
    } catch (error) {
      const known = error instanceof RatesFetchError ? error : undefined;
      return { source: source.name, ok: false, url, code: known?.code ?? "database", reason: (error as Error).message };
    }
  }

  /**
   * The operator hears once of a current half-year's rate that is still missing after a fetch
   * (users see it in plain words wherever an amount is shown).
   */
  function noteMissing(): void {
    const today = localDate(deps.clock.now(), "UTC");
    const rates = loadReferenceRates();
    for (const { source } of deps.endpoints) {
      const on = currentReferenceDate(source.series, today);
      const key = `${source.series}:${on}`;
      if (rateOn(rates, source.series, on) !== undefined || toldMissing.has(key)) continue;
      toldMissing.add(key);
      log.warn(
        { series: source.series, on },
        "the current half-year's reference rate is not known yet: interest from then is left out, and users are told so (npm run rates; TACT_RATES_FILE can add it)",
      );
    }
  }

  /** A published rate that differs from the shipped one for the same date is said, once. */
  async function noteDifferences(source: RateSource, rates: { on: string; rateE4: number }[]): Promise<void> {
    const shipped = shippedRates()[source.series];
    const stored = new Map(
      (await fetchedRates(deps.db)).filter((r) => r.series === source.series).map((r) => [r.on, r.rateE4]),
    );
    for (const r of rates) {
      const ours = shipped.get(r.on);
      if (ours === undefined || ours === r.rateE4 || stored.get(r.on) === r.rateE4) continue;
      log.warn(
        { series: source.series, on: r.on, shipped: ours / PERCENT_SCALE, published: r.rateE4 / PERCENT_SCALE },
        "the published rate differs from the one shipped with Tact; the published one is used",
      );
    }
  }

  return {
    loadStored,
    dueAt: () => due,
    async stop() {
      stopping.abort();
      await inFlight;
    },
    refresh() {
      const run = refreshAll();
      inFlight = run.catch(() => {});
      return run;
    },
  };

  async function refreshAll(): Promise<SourceOutcome[]> {
    const started = deps.clock.now().getTime();
    due = new Date(started + HOUR_MS); // a tick meanwhile does not start another
    const outcomes = await Promise.all(deps.endpoints.map((e) => refreshOne(e.source, e.base)));
    // One line per failing spell: a service down for a week is said once, not once a day.
    const newly = outcomes.filter((o) => !o.ok && !failing.has(o.source));
    for (const o of newly) failing.add(o.source);
    if (newly.length > 0) {
      log.warn(
        { failed: newly.map((o) => ({ source: o.source, url: o.url, reason: o.ok ? "" : o.reason })) },
        "reference rates not fetched; the rates already known stay in use (TACT_ECB_URL, TACT_BOE_URL: docs/operations.md)",
      );
    }
    await loadStored();
    noteMissing();
    due = new Date(started + (outcomes.every((o) => o.ok) ? DAY_MS : HOUR_MS));
    return outcomes;
  }
}
