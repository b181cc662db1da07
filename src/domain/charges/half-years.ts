/** Half-year helpers for the reference-rate rules. Days are ISO `YYYY-MM-DD` strings. */

/** The first day of the half-year holding `day`: `2025-03-02` → `2025-01-01`. */
export function halfYearStart(day: string): string {
  const year = day.slice(0, 4);
  return Number(day.slice(5, 7)) <= 6 ? `${year}-01-01` : `${year}-07-01`;
}

/** The first day of the next half-year: `2025-03-02` → `2025-07-01`. */
export function nextHalfYearStart(day: string): string {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) <= 6 ? `${year}-07-01` : `${year + 1}-01-01`;
}

/**
 * The UK reference date for interest starting on `day`: 31 December for a start in January
 * to June, 30 June for a start in July to December (Late Payment Act, reference rate order).
 */
export function ukReferenceDate(day: string): string {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) <= 6 ? `${year - 1}-12-31` : `${year}-06-30`;
}
