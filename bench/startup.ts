import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { discordKeys } from "../test/support/signed-requests.ts";
import type { Build } from "./support/build-tact.ts";
import type { FakePlatforms } from "./support/fake-platforms.ts";
import { median } from "./support/load.ts";
import { createBenchDatabase } from "./support/postgres-db.ts";
import { fmt, type Row, ratio } from "./support/report.ts";
import { startServer } from "./support/server-process.ts";
import { serverEnv } from "./throughput.ts";

export interface StartupOptions {
  build: Build;
  fake: FakePlatforms;
  /** Each figure is the median of this many starts. */
  runs: number;
}

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");

/**
 * Start-up to ready (the "Tact is ready" log line: HTTP server listening, adapters started,
 * migrations applied) of the compiled bot with Slack and Discord in HTTP mode: embedded
 * (PGlite) and on PostgreSQL, each on a first start (empty database, every migration run)
 * and on a restart (the usual case). Baseline: a bare Bolt app started the same way.
 */
export async function startupBenchmark(o: StartupOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const keys = discordKeys();
  const embeddedFirst: number[] = [];
  const embeddedAgain: number[] = [];
  const postgresFirst: number[] = [];
  const postgresAgain: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < o.runs; run++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tact-bench-start-"));
    try {
      for (const into of [embeddedFirst, embeddedAgain]) {
        const s = await startServer([o.build.main], {
          env: serverEnv(o.fake, keys, { DATA_DIR: dataDir }),
          ready: "Tact is ready",
          timeoutMs: 60_000,
        });
        into.push(s.readyMs);
        await s.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const db = await createBenchDatabase("startup");
    try {
      for (const into of [postgresFirst, postgresAgain]) {
        const s = await startServer([o.build.main], {
          env: serverEnv(o.fake, keys, { DATABASE_URL: db.url }),
          ready: "Tact is ready",
        });
        into.push(s.readyMs);
        await s.stop();
      }
    } finally {
      await db.drop();
    }
    const s = await startServer([path.join(fixtures, "bare-bolt.mjs")], {
      env: serverEnv(o.fake, keys, {}),
      ready: "ready",
    });
    bare.push(s.readyMs);
    await s.stop();
  }
  const b = "4. start-up";
  const base = median(bare) / 1000;
  const row = (metric: string, values: number[], goal: string, limit: number | undefined): Row => {
    const s = median(values) / 1000;
    return {
      benchmark: b,
      metric,
      tact: `${fmt(s, 2)} s`,
      baseline: `${fmt(base, 2)} s`,
      ratio: ratio(s, base),
      goal,
      met: limit === undefined ? undefined : s < limit,
    };
  };
  return {
    notes: [`Median of ${o.runs} start(s) each; baseline: a bare Bolt app from spawn to listening.`],
    rows: [
      row("embedded (PGlite), restart", embeddedAgain, "< 5 s", 5),
      row("embedded (PGlite), first start (creates the database)", embeddedFirst, "< 5 s", 5),
      row("PostgreSQL, restart", postgresAgain, "< 1.5 s", 1.5),
      row("PostgreSQL, first start (runs the migrations)", postgresFirst, "< 1.5 s", 1.5),
    ],
  };
}
