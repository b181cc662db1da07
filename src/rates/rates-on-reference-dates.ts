import type { Observation } from "./observation.ts";
import type { RateSource } from "./rate-sources.ts";

/** The first year Tact reads from a published series (its shipped rates start there too). */
export const FIRST_YEAR = 2020;

export interface ReferenceRate {
  on: string;
  rateE4: number;
  /** The observation it was read from. */
  observedOn: string;
}

/**
 * The rate in force on each reference date up to today: the last observation on or before it.
 * A date the series does not reach yet is left out (still missing, never guessed): for a
 * daily series, until a day on or after it is published; for change dates, until it is today.
 */
export function ratesOnReferenceDates(source: RateSource, observations: Observation[], today: string): ReferenceRate[] {
  const sorted = [...observations].sort((a, b) => a.on.localeCompare(b.on));
  const last = sorted.at(-1)?.on ?? "";
  const out: ReferenceRate[] = [];
  for (let year = FIRST_YEAR; year <= Number(today.slice(0, 4)); year += 1) {
    for (const on of source.referenceDates(year)) {
      if (on > today || (source.daily && last < on)) continue;
      const inForce = sorted.findLast((o) => o.on <= on);
      if (inForce) out.push({ on, rateE4: inForce.rateE4, observedOn: inForce.on });
    }
  }
  return out;
}
