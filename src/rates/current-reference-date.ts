import type { RateSeries } from "../domain/reference-rates.ts";

/** The reference date whose rate applies on a day: 1 January / 1 July, or 31 December / 30 June for the Bank of England. */
export function currentReferenceDate(series: RateSeries, today: string): string {
  const year = Number(today.slice(0, 4));
  const secondHalf = today.slice(5) >= "07-01";
  if (series === "boe-base") return secondHalf ? `${year}-06-30` : `${year - 1}-12-31`;
  return secondHalf ? `${year}-07-01` : `${year}-01-01`;
}
