import type { RateSeries } from "../domain/reference-rates.ts";
import type { Observation } from "./observation.ts";
import { parseBoeCsv } from "./parse-boe-csv.ts";
import { parseEcbCsv } from "./parse-ecb-csv.ts";

/** A central bank's published series, and how its reference dates are read from it. */
export interface RateSource {
  name: "ecb" | "boe";
  series: Extract<RateSeries, "ecb-mro" | "boe-base">;
  /** The official service (TACT_ECB_URL / TACT_BOE_URL replace it). */
  defaultBase: string;
  /** The request for the whole series, under a base URL. */
  url(base: string): string;
  parse(text: string): Observation[];
  /** The two reference dates of a year: the rate in force on each is the one the law takes. */
  referenceDates(year: number): [string, string];
  /**
   * A daily series (the Bank of England's) says a date's rate only once that day is published;
   * a series of change dates (the ECB's) holds until its next change.
   */
  daily: boolean;
}

/** ECB Data Portal, main refinancing operations fixed rate, by change date (L441-10, directive 2011/7/EU). */
export const ecbSource: RateSource = {
  name: "ecb",
  series: "ecb-mro",
  defaultBase: "https://data-api.ecb.europa.eu/service/",
  url: (base) => new URL("data/FM/B.U2.EUR.4F.KR.MRR_FR.LEV?format=csvdata&detail=dataonly", withSlash(base)).href,
  parse: parseEcbCsv,
  referenceDates: (year) => [`${year}-01-01`, `${year}-07-01`],
  daily: false,
};

/** Bank of England database, Bank Rate (IUDBEDR), daily (Late Payment Act: 30 June / 31 December). */
export const boeSource: RateSource = {
  name: "boe",
  series: "boe-base",
  defaultBase: "https://www.bankofengland.co.uk/boeapps/database/",
  url: (base) =>
    new URL(
      "_iadb-fromshowcolumns.asp?csv.x=yes&SeriesCodes=IUDBEDR&UsingCodes=Y&CSVF=TN&Datefrom=01/Jan/2019&Dateto=now",
      withSlash(base),
    ).href,
  parse: parseBoeCsv,
  referenceDates: (year) => [`${year}-06-30`, `${year}-12-31`],
  daily: true,
};

export const rateSources = [ecbSource, boeSource] as const;

function withSlash(base: string): string {
  return base.endsWith("/") ? base : `${base}/`;
}
