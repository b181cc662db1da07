import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./build-tact.ts";
import { markdownTable, type Row } from "./report.ts";

const START = "<!-- bench:start (written by npm run bench; edit outside these markers) -->";
const END = "<!-- bench:end -->";

/** The machine the figures come from. */
export function machine(): string[] {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  let postgres = "unknown";
  try {
    postgres = execFileSync("psql", ["-At", "-h", "127.0.0.1", "-U", "postgres", "-c", "show server_version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    // psql missing: the version stays unknown.
  }
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- CPU: ${os.availableParallelism()} (nproc) × ${cpu}`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node.js ${process.version}, PostgreSQL ${postgres}, ${os.type()} ${os.release()}`,
  ];
}

/**
 * Writes the run's figures into docs/benchmarks.md between the markers, keeping whatever
 * was written around them (the analysis, the before/after figures of fixes).
 */
export function writeBenchmarksDoc(rows: readonly Row[], notes: readonly string[], seconds: number): string {
  const file = path.join(root, "docs", "benchmarks.md");
  const generated = [
    START,
    "## Latest run",
    "",
    ...machine(),
    `- Duration of \`npm run bench\`: ${seconds} s`,
    "",
    markdownTable(rows),
    "",
    ...notes.map((n) => `- ${n}`),
    END,
  ].join("\n");
  const current = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${generated}${current.slice(to + END.length)}`
      : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(file, next);
  return path.relative(root, file);
}
