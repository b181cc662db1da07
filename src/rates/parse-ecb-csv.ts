import { isIsoDate } from "../domain/dates.ts";
import { csvRows } from "./csv-rows.ts";
import { type Observation, percentE4 } from "./observation.ts";
import { unparsable } from "./rates-error.ts";

export const ECB_SERIES_KEY = "FM.B.U2.EUR.4F.KR.MRR_FR.LEV";

/**
 * The ECB Data Portal's CSV (`format=csvdata`): a header row naming the columns (KEY, FREQ,
 * …, TIME_PERIOD, OBS_VALUE, then attributes unless `detail=dataonly`), one row per
 * observation. For the main refinancing rate each row is a change date and the rate from
 * then on. Any row that does not read is a reason to refuse the whole response.
 */
export function parseEcbCsv(text: string): Observation[] {
  const what = "ECB response";
  let rows: string[][];
  try {
    rows = csvRows(text);
  } catch (error) {
    throw unparsable(what, (error as Error).message);
  }
  const [header, ...data] = rows;
  const column = (name: string) => header?.findIndex((h) => h.trim().toUpperCase() === name) ?? -1;
  const period = column("TIME_PERIOD");
  const value = column("OBS_VALUE");
  const key = column("KEY");
  if (period < 0 || value < 0) throw unparsable(what, "no TIME_PERIOD and OBS_VALUE columns");
  if (data.length === 0) throw unparsable(what, "no observations");
  return data.map((row, i) => {
    const on = row[period]?.trim() ?? "";
    const rateE4 = percentE4(row[value] ?? "");
    if (key >= 0 && row[key]?.trim() !== ECB_SERIES_KEY)
      throw unparsable(what, `row ${i + 2} is series ${row[key] ?? "(none)"}, not ${ECB_SERIES_KEY}`);
    if (!isIsoDate(on)) throw unparsable(what, `row ${i + 2} has no date (${on || "empty"})`);
    if (rateE4 === undefined) throw unparsable(what, `row ${i + 2} has no rate (${row[value] ?? "empty"})`);
    return { on, rateE4 };
  });
}
