/**
 * `npm run bench`: Tact's benchmarks, each against a baseline measured in the same run on the
 * same machine. Prints the table and records it in docs/benchmarks.md.
 *
 *   npm run bench                      everything (under 10 minutes here)
 *   npm run bench -- --only digest     some of: throughput, digest, memory, startup, footprint
 *   npm run bench -- --quick           smaller runs, to check the benchmarks themselves
 *   npm run bench -- --no-write        print only; docs/benchmarks.md is left as it is
 *
 * BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" passes Node options to the bot under
 * the throughput load, to profile it (how the figures in docs/benchmarks.md were explained);
 * BENCH_TICK_PROFILE=/tmp/prof writes a CPU profile of the digest tick alone.
 *
 * Needs a PostgreSQL server (127.0.0.1:5432 as postgres, or BENCH_DATABASE_ADMIN_URL): each
 * benchmark creates its own database and drops it afterwards.
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { digestBenchmark } from "./digest-tick.ts";
import { footprintBenchmark } from "./footprint.ts";
import { memoryBenchmark } from "./memory.ts";
import { startupBenchmark } from "./startup.ts";
import { buildTact } from "./support/build-tact.ts";
import { closeFakePlatforms, startFakePlatforms } from "./support/fake-platforms.ts";
import { writeBenchmarksDoc } from "./support/machine-doc.ts";
import { dropAllBenchDatabases, postgresAvailable } from "./support/postgres-db.ts";
import { type Row, textTable } from "./support/report.ts";
import { throughputBenchmark } from "./throughput.ts";

const all = ["throughput", "digest", "memory", "startup", "footprint"] as const;
type Name = (typeof all)[number];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      "no-write": { type: "boolean", default: false },
    },
  });
  const only = values.only ? (values.only.split(",").map((s) => s.trim()) as Name[]) : [...all];
  const unknown = only.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark: ${unknown.join(", ")} (choose from ${all.join(", ")})\n`);
    return 2;
  }
  if (!(await postgresAvailable())) {
    process.stderr.write("The benchmarks need PostgreSQL at 127.0.0.1:5432 (or BENCH_DATABASE_ADMIN_URL).\n");
    return 2;
  }
  const quick = values.quick;
  const started = performance.now();
  const step = (what: string) => process.stderr.write(`[${secondsSince(started)} s] ${what}\n`);
  const onSignal = () => {
    void dropAllBenchDatabases().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const rows: Row[] = [];
  const notes: string[] = [];
  step("building Tact (as npm run build does)");
  const build = buildTact();
  const fake = await startFakePlatforms();
  try {
    if (only.includes("throughput")) {
      step("1. command throughput");
      const r = await throughputBenchmark({
        build,
        fake,
        total: quick ? 600 : 4000,
        concurrency: 32,
        rate: 200,
        seconds: quick ? 3 : 15,
        warmup: quick ? 100 : 500,
      });
      rows.push(...r.rows);
      notes.push(...r.notes.map((n) => `Throughput: ${n}`));
    }
    if (only.includes("digest")) {
      step("2. digest tick");
      const r = await digestBenchmark({ quick, log: step });
      rows.push(...r.rows);
      notes.push(...r.notes.map((n) => `Digest: ${n}`));
    }
    if (only.includes("memory")) {
      step("3. memory");
      const r = await memoryBenchmark({ build, fake, commands: quick ? 1000 : 10_000 });
      rows.push(...r.rows);
      notes.push(...r.notes.map((n) => `Memory: ${n}`));
    }
    if (only.includes("startup")) {
      step("4. start-up");
      const r = await startupBenchmark({ build, fake, runs: quick ? 1 : 3 });
      rows.push(...r.rows);
      notes.push(...r.notes.map((n) => `Start-up: ${n}`));
    }
    if (only.includes("footprint")) {
      step("5. embedded footprint");
      const r = await footprintBenchmark({ build, runs: quick ? 1 : 3 });
      rows.push(...r.rows);
      notes.push(...r.notes.map((n) => `Footprint: ${n}`));
    }
  } finally {
    await closeFakePlatforms(fake);
    build.remove();
    await dropAllBenchDatabases();
  }
  const seconds = Number(secondsSince(started));
  process.stdout.write(`\n${textTable(rows)}\n\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  process.stdout.write(`\nTotal: ${seconds} s\n`);
  if (!values["no-write"] && !quick && only.length === all.length) {
    const file = writeBenchmarksDoc(rows, notes, seconds);
    process.stdout.write(`Recorded in ${file}\n`);
  }
  return 0;
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(0);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.stderr.write(
      `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await dropAllBenchDatabases();
    process.exitCode = 1;
  },
);
