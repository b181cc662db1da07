import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchedRates } from "../../db/queries/reference-rates.ts";
import { FixedClock } from "../../src/clock.ts";
import { loadReferenceRates, rateOn, useFetchedRates } from "../../src/domain/reference-rates.ts";
import { rateEndpoints } from "../../src/rates/rate-endpoints.ts";
import { createRatesRefresher } from "../../src/rates/rates-refresher.ts";
import { startScheduler } from "../../src/scheduler/start-scheduler.ts";
import { closedUrl } from "../support/closed-port.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type FakeRateServices, startFakeRateServices } from "./fake-rate-services.ts";

let db: TestDatabase;
let fake: FakeRateServices;
const lines: string[] = [];
const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
const clock = new FixedClock("2026-11-27T06:00:00Z");
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  db = await openTestDatabase();
  fake = await startFakeRateServices();
});
beforeEach(async () => {
  await db.reset();
  lines.length = 0;
  fake.ecb = { kind: "ok" };
  fake.boe = { kind: "ok" };
  fake.ecbChanges = [];
  fake.boeChanges = [];
  fake.boeUntil = "2026-11-27";
  fake.requests.length = 0;
  clock.set("2026-11-27T06:00:00Z");
});
afterEach(() => useFetchedRates([]));
afterAll(async () => {
  await fake?.close();
  await db?.close();
});

function refresher(timeoutMs?: number) {
  return createRatesRefresher({
    db: db.db,
    log,
    clock,
    endpoints: rateEndpoints({ TACT_ECB_URL: fake.ecbBase, TACT_BOE_URL: fake.boeBase }),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

describe("keeping the reference rates current", () => {
  it("fetches the ECB and Bank of England series and stores each half-year's rate with its source and fetch time", async () => {
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-07-01")).toBeUndefined();
    expect(rateOn(loadReferenceRates(undefined), "boe-base", "2026-06-30")).toBeUndefined();
    const outcomes = await refresher().refresh();
    expect(outcomes.map((o) => [o.source, o.ok])).toEqual([
      ["ecb", true],
      ["boe", true],
    ]);
    const rates = loadReferenceRates(undefined);
    expect(rateOn(rates, "ecb-mro", "2026-07-01")).toBe(21_500);
    expect(rateOn(rates, "boe-base", "2026-06-30")).toBe(37_500);
    // Not yet in force, or not yet published: still missing, never guessed.
    expect(rateOn(rates, "ecb-mro", "2027-01-01")).toBeUndefined();
    expect(rateOn(rates, "boe-base", "2026-12-31")).toBeUndefined();
    const stored = await fetchedRates(db.db);
    const july = stored.find((r) => r.series === "ecb-mro" && r.on === "2026-07-01");
    expect(july).toMatchObject({
      rateE4: 21_500,
      observedOn: "2025-06-11",
      source: `${fake.ecbBase}data/FM/B.U2.EUR.4F.KR.MRR_FR.LEV?format=csvdata&detail=dataonly`,
    });
    expect(july?.fetchedAt.toISOString()).toBe("2026-11-27T06:00:00.000Z");
    expect(stored.find((r) => r.series === "boe-base" && r.on === "2026-06-30")).toMatchObject({
      rateE4: 37_500,
      observedOn: "2026-06-30",
    });
    // Every half-year since 2020 matches what Tact ships (the figures DESIGN.md §4 lists).
    expect(stored.filter((r) => r.series === "ecb-mro")).toHaveLength(14);
    expect(stored.filter((r) => r.series === "boe-base")).toHaveLength(13);
    expect(rateOn(rates, "ecb-mro", "2024-07-01")).toBe(42_500);
    expect(rateOn(rates, "boe-base", "2024-12-31")).toBe(47_500);
    expect(logged().filter((l) => l.level === 40)).toEqual([]);
    expect(fake.requests.some((r) => r.includes("CSVF=TN") && r.includes("Dateto=now"))).toBe(true);
  });

  it("uses a published rate that differs from the shipped one, and says so once", async () => {
    fake.ecbChanges = [["2025-12-10", "2.4"]]; // made up: a change the shipped file does not know
    await refresher().refresh();
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-01-01")).toBe(24_000);
    const differs = logged().filter((l) => String(l.msg).includes("differs from the one shipped"));
    expect(differs).toEqual([
      expect.objectContaining({ series: "ecb-mro", on: "2026-01-01", shipped: 2.15, published: 2.4 }),
    ]);
    await refresher().refresh();
    expect(logged().filter((l) => String(l.msg).includes("differs from the one shipped"))).toHaveLength(1);
  });

  it("leaves the Bank of England's half-year missing until its series reaches that day", async () => {
    clock.set("2026-07-01T06:00:00Z");
    fake.boeUntil = "2026-06-29";
    await refresher().refresh();
    expect(rateOn(loadReferenceRates(undefined), "boe-base", "2026-06-30")).toBeUndefined();
    fake.boeUntil = "2026-07-01";
    await refresher().refresh();
    expect(rateOn(loadReferenceRates(undefined), "boe-base", "2026-06-30")).toBe(37_500);
  });

  it.each([
    ["an HTTP error", { kind: "status", code: 503 } as const, "http"],
    ["a 404 page", { kind: "status", code: 404 } as const, "http"],
    [
      "an HTML page instead of CSV",
      { kind: "body", text: "<!DOCTYPE html><html>Maintenance</html>", type: "text/html" } as const,
      "unparsable",
    ],
    ["garbage", { kind: "body", text: "\u0000\u0001garbage, not, csv\n1,2,3" } as const, "unparsable"],
    ["an empty answer", { kind: "body", text: "" } as const, "unparsable"],
  ])("changes nothing on %s, and logs it once", async (_what, behaviour, code) => {
    fake.ecb = behaviour;
    fake.boe = behaviour;
    const r = refresher();
    const outcomes = await r.refresh();
    expect(outcomes.map((o) => (o.ok ? "ok" : o.code))).toEqual([code, code]);
    expect(await fetchedRates(db.db)).toEqual([]);
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-07-01")).toBeUndefined();
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-01-01")).toBe(21_500); // the shipped fallback
    await r.refresh();
    const warnings = logged().filter((l) => l.level === 40 && String(l.msg).startsWith("reference rates not fetched"));
    expect(warnings.map((w) => (w.failed as Array<{ source: string }>).map((f) => f.source))).toEqual([["ecb", "boe"]]);
    // The operator hears once that the current half-years are missing (users see it in plain words).
    const missing = logged().filter((l) => String(l.msg).startsWith("the current half-year's reference rate"));
    expect(missing.map((m) => [m.series, m.on])).toEqual([
      ["ecb-mro", "2026-07-01"],
      ["boe-base", "2026-06-30"],
    ]);
    expect(r.dueAt().getTime() - clock.now().getTime()).toBe(60 * 60 * 1000);
    fake.ecb = { kind: "ok" };
    fake.boe = { kind: "ok" };
    await r.refresh();
    expect(logged().filter((l) => l.msg === "reference rates fetched again")).toHaveLength(2);
    expect(r.dueAt().getTime() - clock.now().getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it("refuses a response whole when one row does not read, keeping what was stored before", async () => {
    await refresher().refresh();
    const before = await fetchedRates(db.db);
    fake.ecbChanges = [["2026-03-01", "n/a"]];
    fake.boeChanges = [["2026-03-05", ".."]];
    clock.set("2026-11-28T06:00:00Z");
    const outcomes = await refresher().refresh();
    expect(outcomes.every((o) => !o.ok && o.code === "unparsable")).toBe(true);
    expect(await fetchedRates(db.db)).toEqual(before);
  });

  it("gives up on a service that takes longer than the limit, without waiting for it", async () => {
    fake.ecb = { kind: "slow", ms: 3_000 };
    const started = performance.now();
    const outcomes = await refresher(300).refresh();
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(outcomes[0]).toMatchObject({ source: "ecb", ok: false, code: "timeout" });
    expect(outcomes[1]).toMatchObject({ source: "boe", ok: true });
    expect((await fetchedRates(db.db)).filter((r) => r.series === "ecb-mro")).toEqual([]);
  });

  it("answers a service that cannot be reached as a failure, not a crash", async () => {
    const r = createRatesRefresher({
      db: db.db,
      log,
      clock,
      endpoints: rateEndpoints({ TACT_ECB_URL: await closedUrl(), TACT_BOE_URL: "off" }),
    });
    expect(await r.refresh()).toEqual([expect.objectContaining({ source: "ecb", ok: false, code: "network" })]);
  });

  it("keeps the operator's file (TACT_RATES_FILE) above the fetched rates", async () => {
    await refresher().refresh();
    const dir = await mkdtemp(path.join(tmpdir(), "tact-rates-"));
    const file = path.join(dir, "rates.json");
    await writeFile(file, JSON.stringify({ series: { "ecb-mro": { rates: [{ on: "2026-07-01", percent: 2.0 }] } } }));
    expect(rateOn(loadReferenceRates(file), "ecb-mro", "2026-07-01")).toBe(20_000);
    expect(rateOn(loadReferenceRates(file), "boe-base", "2026-06-30")).toBe(37_500);
  });

  it("puts the stored rates back in use at start, before any fetch", async () => {
    await refresher().refresh();
    useFetchedRates([]);
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-07-01")).toBeUndefined();
    const offline = createRatesRefresher({ db: db.db, log, clock, endpoints: [] });
    await offline.loadStored();
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-07-01")).toBe(21_500);
  });
});

describe("the scheduler keeps them current", () => {
  it("fetches at the first tick, then once a day", async () => {
    const scheduler = startScheduler(
      { db: db.db, clock, log, outboxes: [], jobs: [] },
      { cron: false, rates: refresher() },
    );
    await scheduler.tick();
    await scheduler.ratesRefresh();
    expect(fake.requests).toHaveLength(2);
    clock.advance(23 * 60 * 60 * 1000);
    await scheduler.tick();
    await scheduler.ratesRefresh();
    expect(fake.requests).toHaveLength(2);
    clock.advance(60 * 60 * 1000);
    await scheduler.tick();
    await scheduler.ratesRefresh();
    expect(fake.requests).toHaveLength(4);
    await scheduler.stop();
  });

  it("does not wait for a slow central bank when stopping", async () => {
    fake.ecb = { kind: "slow", ms: 4_000 };
    const scheduler = startScheduler(
      { db: db.db, clock, log, outboxes: [], jobs: [] },
      { cron: false, rates: refresher() },
    );
    await scheduler.tick();
    const started = performance.now();
    await scheduler.stop();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(rateOn(loadReferenceRates(undefined), "ecb-mro", "2026-07-01")).toBeUndefined();
  });
});
