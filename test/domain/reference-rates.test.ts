import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReferenceRates, parseRateTable, RatesFileError, rateOn } from "../../src/domain/reference-rates.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tact-rates-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("reference rates", () => {
  it("ships the figures DESIGN.md lists", () => {
    const rates = loadReferenceRates(undefined);
    expect(
      ["2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"].map((d) => rateOn(rates, "ecb-mro", d)),
    ).toEqual([45_000, 42_500, 31_500, 21_500, 21_500]);
    expect(["2024-12-31", "2025-06-30", "2025-12-31"].map((d) => rateOn(rates, "boe-base", d))).toEqual([
      47_500, 42_500, 37_500,
    ]);
    expect(rateOn(rates, "ecb-mro", "2026-07-01")).toBeUndefined();
  });

  it("takes an operator's file (TACT_RATES_FILE) without a code change, and re-reads it when it changes", async () => {
    const file = path.join(dir, "rates.json");
    await writeFile(file, JSON.stringify({ series: { "ecb-mro": { rates: [{ on: "2026-07-01", percent: 2 }] } } }));
    const first = loadReferenceRates(file);
    expect(rateOn(first, "ecb-mro", "2026-07-01")).toBe(20_000);
    expect(rateOn(first, "ecb-mro", "2025-01-01")).toBe(31_500);
    await writeFile(file, JSON.stringify({ series: { "ecb-mro": { rates: [{ on: "2026-07-01", percent: 1.9 }] } } }));
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    expect(rateOn(loadReferenceRates(file), "ecb-mro", "2026-07-01")).toBe(19_000);
  });

  it("names what is wrong with an operator's file", async () => {
    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ series: { "ecb-mro": { rates: [{ on: "2026-02-30", percent: 2 }] } } }));
    expect(() => loadReferenceRates(bad)).toThrow(/cannot be used: series\.ecb-mro\.rates\.0\.on/);
    expect(() => loadReferenceRates(path.join(dir, "none.json"))).toThrow(RatesFileError);
    await writeFile(bad, "{not json");
    expect(() => loadReferenceRates(bad)).toThrow("not valid JSON");
    expect(() => parseRateTable({ series: { "ecb-mro": { rates: [{ on: "2026-01-01", percent: 400 }] } } })).toThrow(
      RatesFileError,
    );
  });
});
