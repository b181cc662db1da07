import { describe, expect, it } from "vitest";
import { parseBoeCsv } from "../../src/rates/parse-boe-csv.ts";
import { parseEcbCsv } from "../../src/rates/parse-ecb-csv.ts";
import { boeSource, ecbSource } from "../../src/rates/rate-sources.ts";
import { ratesOnReferenceDates } from "../../src/rates/rates-on-reference-dates.ts";

// The ECB Data Portal's csvdata with full detail: attributes after OBS_VALUE, quoted titles with commas.
const ECB_FULL = [
  "KEY,FREQ,REF_AREA,CURRENCY,PROVIDER_FM,INSTRUMENT_FM,PROVIDER_FM_ID,DATA_TYPE_FM,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_CONF,OBS_PRE_BREAK,OBS_COM,TIME_FORMAT,COLLECTION,DECIMALS,SOURCE_AGENCY,TITLE,TITLE_COMPL,UNIT,UNIT_MULT",
  'FM.B.U2.EUR.4F.KR.MRR_FR.LEV,B,U2,EUR,4F,KR,MRR_FR,LEV,2024-12-18,3.15,A,F,,,P1D,E,2,4F,"Main refinancing operations - fixed rate tenders (fixed rate) (date of changes) - Level","Euro area (changing composition) - Key interest rate - ECB Main refinancing operations - fixed rate tenders (fixed rate) (date of changes) - Level, Percent per annum",PCPA,0',
  'FM.B.U2.EUR.4F.KR.MRR_FR.LEV,B,U2,EUR,4F,KR,MRR_FR,LEV,2025-06-11,2.15,A,F,,,P1D,E,2,4F,"Main refinancing operations - fixed rate tenders (fixed rate) (date of changes) - Level","Euro area (changing composition) - Key interest rate - ECB Main refinancing operations - fixed rate tenders (fixed rate) (date of changes) - Level, Percent per annum",PCPA,0',
].join("\r\n");

describe("reading the ECB's CSV", () => {
  it("reads the change dates and rates, by column name, with or without attributes", () => {
    expect(parseEcbCsv(ECB_FULL)).toEqual([
      { on: "2024-12-18", rateE4: 31_500 },
      { on: "2025-06-11", rateE4: 21_500 },
    ]);
  });

  it.each([
    ["another series", ECB_FULL.replaceAll("MRR_FR.LEV,B", "DFR.LEV,B")],
    ["a row without a rate", `${ECB_FULL}\r\nFM.B.U2.EUR.4F.KR.MRR_FR.LEV,B,U2,EUR,4F,KR,MRR_FR,LEV,2025-09-01,NaN`],
    ["a row without a date", `${ECB_FULL}\r\nFM.B.U2.EUR.4F.KR.MRR_FR.LEV,B,U2,EUR,4F,KR,MRR_FR,LEV,2025-13-01,2.00`],
    ["an XML answer", '<?xml version="1.0"?><message:GenericData></message:GenericData>'],
    ["a header only", "KEY,FREQ,TIME_PERIOD,OBS_VALUE"],
    ["an unclosed quote", `${ECB_FULL}\r\n"FM.B`],
  ])("refuses %s whole", (_what, text) => {
    expect(() => parseEcbCsv(text)).toThrow(/nothing was taken/);
  });
});

describe("reading the Bank of England's CSV", () => {
  const BOE = "DATE,IUDBEDR\n17 Dec 2025,4.00\n18 Dec 2025,3.75\n19 Dec 2025,3.75\n";

  it("reads its day-month-year dates", () => {
    expect(parseBoeCsv(BOE)).toEqual([
      { on: "2025-12-17", rateE4: 40_000 },
      { on: "2025-12-18", rateE4: 37_500 },
      { on: "2025-12-19", rateE4: 37_500 },
    ]);
  });

  it.each([
    ["another series", BOE.replace("IUDBEDR", "XUDLUSS")],
    ["a missing value", `${BOE}22 Dec 2025,..\n`],
    ["a date it does not write", `${BOE}2025-12-22,3.75\n`],
    ["the page it answers an unknown request with", "<html><head><title>Bank of England</title></head></html>"],
    ["a row with three fields", `${BOE}22 Dec 2025,3.75,1\n`],
  ])("refuses %s whole", (_what, text) => {
    expect(() => parseBoeCsv(text)).toThrow(/nothing was taken/);
  });
});

describe("the rate in force on each reference date", () => {
  it("takes the ECB's last change on or before 1 January and 1 July, up to today", () => {
    const rates = ratesOnReferenceDates(ecbSource, parseEcbCsv(ECB_FULL), "2026-07-01");
    expect(rates.map((r) => [r.on, r.rateE4])).toEqual([
      ["2025-01-01", 31_500],
      ["2025-07-01", 21_500],
      ["2026-01-01", 21_500],
      ["2026-07-01", 21_500],
    ]);
  });

  it("takes the Bank of England's rate on 30 June and 31 December, the last business day before when a weekend", () => {
    // 31 Dec 2022 was a Saturday.
    const text = "DATE,IUDBEDR\n29 Dec 2022,3.50\n30 Dec 2022,3.50\n03 Jan 2023,3.50\n";
    expect(ratesOnReferenceDates(boeSource, parseBoeCsv(text), "2023-01-04")).toEqual([
      { on: "2022-12-31", rateE4: 35_000, observedOn: "2022-12-30" },
    ]);
  });
});
