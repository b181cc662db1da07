import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pino from "pino";
import { ConfigError, readConfig } from "../src/config.ts";
import { localDate } from "../src/domain/dates.ts";
import {
  fetchedRatesInUse,
  loadReferenceRates,
  PERCENT_SCALE,
  parseRateTable,
  type RateSeries,
  rateSeries,
  shippedRates,
} from "../src/domain/reference-rates.ts";
import { currentReferenceDate } from "../src/rates/current-reference-date.ts";
import { rateEndpoints } from "../src/rates/rate-endpoints.ts";
import { createRatesRefresher } from "../src/rates/rates-refresher.ts";
import { runTool, ToolError, type ToolIo, withToolDatabase } from "./tool-context.ts";

const USAGE = `Usage:
  npm run rates                 fetch the ECB and Bank of England rates now, then print the rates in use
  npm run rates -- --no-fetch   print the rates in use without fetching
Each rate says where it comes from: shipped with Tact, fetched (when, from where), or TACT_RATES_FILE.
In Docker: docker compose -f docker/compose.yml exec bot node dist/scripts/rates.js
`;

const NAMES: Record<RateSeries, string> = {
  "ecb-mro": "ECB main refinancing rate, in force on 1 January / 1 July",
  "boe-base": "Bank of England Bank Rate, in force on 30 June / 31 December",
  "fr-legal": "French taux de l'intérêt légal (professional creditors), per half-year",
};

/** `npm run rates`: fetches the published rates now and prints every rate in use with its origin. */
export async function ratesCommand(argv: string[], io: ToolIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { "no-fetch": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    strict: false,
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new ToolError(error.message);
    throw error;
  }
  return withToolDatabase(io, async (database) => {
    const log = pino({ level: "silent" });
    const endpoints = values["no-fetch"] ? [] : rateEndpoints(config);
    const refresher = createRatesRefresher({ db: database.db, log, clock: io.clock, endpoints });
    const outcomes = await refresher.refresh();
    if (endpoints.length === 0 && !values["no-fetch"]) io.out("Fetching is off (TACT_ECB_URL / TACT_BOE_URL = off).\n");
    for (const o of outcomes) {
      const name = o.source === "ecb" ? "ECB" : "Bank of England";
      io.out(o.ok ? `${name}: fetched ${o.rates} rates from ${o.url}\n` : `${name}: NOT fetched (${o.reason})\n`);
    }
    io.out(describeRatesInUse(io.env, io.clock.now()));
    return outcomes.every((o) => o.ok) ? 0 : 1;
  });
}

/** Every rate in use, by series, each with its origin; the current half-year's rate when it is missing. */
export function describeRatesInUse(env: Record<string, string | undefined>, now: Date): string {
  const inUse = loadReferenceRates(env.TACT_RATES_FILE);
  const shipped = shippedRates();
  const fetched = new Map(fetchedRatesInUse().map((r) => [`${r.series}:${r.on}`, r]));
  const file = env.TACT_RATES_FILE?.trim();
  const fromFile = file ? parseRateTable(JSON.parse(readFileSync(file, "utf8")), file) : undefined;
  const today = localDate(now, "UTC");
  const lines: string[] = [];
  for (const series of rateSeries) {
    lines.push("", `${NAMES[series]} (${series})`);
    for (const [on, rate] of [...inUse[series]].sort(([a], [b]) => a.localeCompare(b))) {
      const f = fetched.get(`${series}:${on}`);
      const origin =
        fromFile?.[series].has(on) && file
          ? `file ${file}`
          : f && f.rateE4 === rate
            ? `fetched at ${f.fetchedAt.toISOString().slice(0, 16).replace("T", " ")} UTC from ${new URL(f.source).host}`
            : shipped[series].has(on)
              ? "shipped with Tact"
              : "?";
      lines.push(`  ${on}  ${percent(rate).padStart(7)}  ${origin}`);
    }
    const current = currentReferenceDate(series, today);
    if (!inUse[series].has(current))
      lines.push(`  ${current}  MISSING: interest that needs it is left out, and every amount says so`);
  }
  return `${lines.join("\n")}\n`;
}

function percent(rateE4: number): string {
  return `${(rateE4 / PERCENT_SCALE).toFixed(2)}%`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTool(ratesCommand);
