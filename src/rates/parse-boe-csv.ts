import { isIsoDate } from "../domain/dates.ts";
import { csvRows } from "./csv-rows.ts";
import { type Observation, percentE4 } from "./observation.ts";
import { unparsable } from "./rates-error.ts";

export const BOE_SERIES_CODE = "IUDBEDR";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The Bank of England database's CSV (`CSVF=TN`: a title row of codes, no descriptions):
 * `DATE,IUDBEDR`, then one row per business day, `02 Jan 2025,4.75`. Anything else (the HTML
 * page it answers an unknown request with, a missing value `..`) refuses the whole response.
 */
export function parseBoeCsv(text: string): Observation[] {
  const what = "Bank of England response";
  let rows: string[][];
  try {
    rows = csvRows(text);
  } catch (error) {
    throw unparsable(what, (error as Error).message);
  }
  const [header, ...data] = rows;
  const names = header?.map((h) => h.trim().toUpperCase()) ?? [];
  if (names.length !== 2 || names[0] !== "DATE" || names[1] !== BOE_SERIES_CODE)
    throw unparsable(what, `the first row is not DATE,${BOE_SERIES_CODE}`);
  if (data.length === 0) throw unparsable(what, "no observations");
  return data.map((row, i) => {
    const on = boeDate(row[0] ?? "");
    const rateE4 = percentE4(row[1] ?? "");
    if (row.length !== 2 || on === undefined) throw unparsable(what, `row ${i + 2} has no date (${row[0] ?? ""})`);
    if (rateE4 === undefined) throw unparsable(what, `row ${i + 2} has no rate (${row[1] ?? ""})`);
    return { on, rateE4 };
  });
}

/** `02 Jan 2025` → `2025-01-02`. */
function boeDate(text: string): string | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === m[2]?.toLowerCase()) + 1;
  const iso = `${m[3]}-${String(month).padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
  return month > 0 && isIsoDate(iso) ? iso : undefined;
}
