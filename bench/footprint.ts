import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import readline from "node:readline";
import type { Build } from "./support/build-tact.ts";
import { median } from "./support/load.ts";
import { fmt, type Row, ratio } from "./support/report.ts";
import { pause, rssOf, startServer } from "./support/server-process.ts";

export interface FootprintOptions {
  build: Build;
  /** Each figure is the median of this many runs, each on a new data directory. */
  runs: number;
}

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");
/** How long a process is left alone before its RSS is read. */
const SETTLE_MS = 3_000;

interface Measure {
  /** ms from spawn to the first answer (Tact) or to the first query's result (bare PGlite). */
  ms: number;
  /** RSS once settled, MB. */
  rss: number;
  /** Peak RSS (VmHWM), MB. */
  peak: number;
  /** CPU time the process had used by then (all its threads), ms: less noisy than `ms` on a busy machine. */
  cpu: number;
}

/**
 * The embedded footprint, as a new user meets it: the compiled bot in console mode (no
 * platform configured, what `npm start` runs) on a new DATA_DIR, timed from spawn to the
 * answer of its first command, its RSS read once it is idle; then a restart on the same
 * data. Baseline: bare PGlite with its default settings (`PGlite.create(dir)` and one query)
 * on a new directory, and on the data Tact wrote.
 */
export async function footprintBenchmark(o: FootprintOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const first: Measure[] = [];
  const restart: Measure[] = [];
  const bareFirst: Measure[] = [];
  const bareSame: Measure[] = [];
  for (let run = 0; run < o.runs; run++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), "tact-bench-footprint-"));
    const bareDir = mkdtempSync(path.join(tmpdir(), "tact-bench-bare-pglite-"));
    try {
      first.push(await consoleRun(o.build.main, dataDir, "/client add acme ACME Corp", /ACME Corp/));
      restart.push(await consoleRun(o.build.main, dataDir, "/client show acme", /ACME Corp/));
      bareFirst.push(await barePglite(path.join(bareDir, "pglite")));
      bareSame.push(await barePglite(path.join(dataDir, "pglite")));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(bareDir, { recursive: true, force: true });
    }
  }
  const b = "5. embedded footprint";
  const m = (list: Measure[], key: keyof Measure) => median(list.map((x) => x[key]));
  const firstSeconds = m(first, "ms") / 1000;
  const bareFirstSeconds = m(bareFirst, "ms") / 1000;
  return {
    notes: [
      `Median of ${o.runs} run(s), each on a new data directory; console mode, the compiled bot (what \`npm run start:prod\` runs with no platform configured). RSS read ${SETTLE_MS / 1000} s after the answer; peak is VmHWM.`,
    ],
    rows: [
      {
        benchmark: b,
        metric: "first start on a new DATA_DIR: spawn to the first answer (CPU time), s",
        tact: `${fmt(firstSeconds, 2)} (${fmt(m(first, "cpu") / 1000, 2)})`,
        baseline: `${fmt(bareFirstSeconds, 2)} (${fmt(m(bareFirst, "cpu") / 1000, 2)})`,
        ratio: ratio(firstSeconds, bareFirstSeconds),
        goal: "< 3 s",
        met: firstSeconds < 3,
      },
      {
        benchmark: b,
        metric: "first start: RSS once answered (peak), MB",
        tact: `${fmt(m(first, "rss"), 0)} (${fmt(m(first, "peak"), 0)})`,
        baseline: `${fmt(m(bareFirst, "rss"), 0)} (${fmt(m(bareFirst, "peak"), 0)})`,
        ratio: ratio(m(first, "rss"), m(bareFirst, "rss")),
        goal: "< 400 MB",
        met: m(first, "rss") < 400,
      },
      {
        benchmark: b,
        metric: "after a restart, same data: RSS once answered (peak), MB",
        tact: `${fmt(m(restart, "rss"), 0)} (${fmt(m(restart, "peak"), 0)})`,
        baseline: `${fmt(m(bareSame, "rss"), 0)} (${fmt(m(bareSame, "peak"), 0)})`,
        ratio: ratio(m(restart, "rss"), m(bareSame, "rss")),
        goal: "< 300 MB and ≤ 1.1× bare PGlite",
        met: m(restart, "rss") < 300 && m(restart, "rss") <= 1.1 * m(bareSame, "rss"),
      },
      {
        benchmark: b,
        metric: "after a restart: spawn to the first answer (CPU time), s",
        tact: `${fmt(m(restart, "ms") / 1000, 2)} (${fmt(m(restart, "cpu") / 1000, 2)})`,
        baseline: `${fmt(m(bareSame, "ms") / 1000, 2)} (${fmt(m(bareSame, "cpu") / 1000, 2)})`,
        ratio: ratio(m(restart, "ms"), m(bareSame, "ms")),
        goal: "",
      },
    ],
  };
}

/** The compiled bot in console mode: one command on stdin, timed to its answer on stdout. */
async function consoleRun(main: string, dataDir: string, command: string, answer: RegExp): Promise<Measure> {
  const started = performance.now();
  const child = spawn(process.execPath, [main, "--console"], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, TZ: "UTC" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stderr: string[] = [];
  readline.createInterface({ input: child.stderr }).on("line", (line) => stderr.push(line.slice(0, 300)));
  const lines = readline.createInterface({ input: child.stdout });
  let cpu = Number.NaN;
  const answered = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to "${command}" within 60 s`)), 60_000);
    lines.on("line", (line) => {
      if (!answer.test(line)) return;
      clearTimeout(timer);
      cpu = cpuOf(child.pid ?? 0);
      resolve(performance.now() - started);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Tact exited (${code}) before answering "${command}":\n${stderr.join("\n")}`));
    });
  });
  child.stdin.write(`${command}\n`);
  try {
    const ms = await answered;
    await pause(SETTLE_MS);
    const measure = { ms, cpu, rss: rssOf(child.pid ?? 0), peak: peakOf(child.pid ?? 0) };
    child.stdin.end();
    const code = await exited;
    if (code !== 0) throw new Error(`Tact exited with ${code} at the end of its input:\n${stderr.join("\n")}`);
    return measure;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
}

async function barePglite(dir: string): Promise<Measure> {
  const server = await startServer([path.join(fixtures, "bare-pglite.mjs")], {
    env: { PATH: process.env.PATH, PGLITE_DIR: dir },
    ready: "ready",
    timeoutMs: 60_000,
  });
  const cpu = cpuOf(server.child.pid ?? 0);
  try {
    await pause(SETTLE_MS);
    return { ms: server.readyMs, cpu, rss: server.rssMb(), peak: peakOf(server.child.pid ?? 0) };
  } finally {
    await server.stop();
  }
}

/** utime + stime of /proc/<pid>/stat, in ms (clock ticks of 10 ms on Linux). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function peakOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}
