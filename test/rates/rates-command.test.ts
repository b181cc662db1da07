import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ratesCommand } from "../../scripts/rates.ts";
import { runToolWith, type ToolIo } from "../../scripts/tool-context.ts";
import { FixedClock } from "../../src/clock.ts";
import { useFetchedRates } from "../../src/domain/reference-rates.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type FakeRateServices, startFakeRateServices } from "./fake-rate-services.ts";

let db: TestDatabase;
let fake: FakeRateServices;

beforeAll(async () => {
  db = await openTestDatabase();
  fake = await startFakeRateServices();
});
afterEach(() => useFetchedRates([]));
afterAll(async () => {
  await fake?.close();
  await db?.close();
});

async function rates(env: Record<string, string>, argv: string[] = []) {
  let out = "";
  let err = "";
  const io: ToolIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    input: Readable.from([]),
    env,
    clock: new FixedClock("2026-11-30T06:00:00Z"),
    database: db,
  };
  const code = await runToolWith(ratesCommand, argv, io);
  return { code, out, err };
}

describe("npm run rates", () => {
  it("fetches now and prints each rate in use with where it came from", async () => {
    await db.reset();
    const run = await rates({ TACT_ECB_URL: fake.ecbBase, TACT_BOE_URL: fake.boeBase });
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain(`ECB: fetched 14 rates from ${fake.ecbBase}data/FM/B.U2.EUR.4F.KR.MRR_FR.LEV`);
    expect(run.out).toContain("Bank of England: fetched 13 rates from");
    const host = new URL(fake.ecbBase).host;
    expect(run.out).toContain(`  2026-07-01    2.15%  fetched at 2026-11-30 06:00 UTC from ${host}\n`);
    expect(run.out).toContain(`  2026-06-30    3.75%  fetched at 2026-11-30 06:00 UTC from ${host}\n`);
    expect(run.out).toContain("  2026-01-01    2.62%  shipped with Tact");
    // Only the French legal rate (not fetched; shipped or TACT_RATES_FILE) lacks its half-year.
    expect(run.out.match(/.*MISSING.*/g)).toEqual([expect.stringMatching(/^ {2}2026-07-01 {2}MISSING/)]);
    expect(run.out.indexOf("MISSING")).toBeGreaterThan(run.out.indexOf("(fr-legal)"));
  });

  it("says when a service could not be reached, which rates are shipped, and which half-year is missing", async () => {
    await db.reset();
    fake.ecb = { kind: "status", code: 503 };
    const run = await rates({ TACT_ECB_URL: fake.ecbBase, TACT_BOE_URL: "off" });
    fake.ecb = { kind: "ok" };
    expect(run.code).toBe(1);
    expect(run.out).toContain("ECB: NOT fetched (HTTP 503 from");
    expect(run.out).toContain("  2026-01-01    2.15%  shipped with Tact");
    expect(run.out).toContain("  2026-07-01  MISSING");
    expect(run.out).toContain("  2026-06-30  MISSING");
  });
});
