/**
 * How long `npm run import -- FILE --dry-run` takes on a large file (issue 19: 200,000 rows
 * took 62 s). Builds a workspace with 20 clients in a fresh embedded database (DATA_DIR) or in
 * the PostgreSQL of DATABASE_URL, writes the CSV, then times the dry run as an operator runs it.
 *
 *   npx tsx bench/import-dry-run.ts [ROWS]                       (default 200000, PGlite)
 *   DATABASE_URL=postgres://… npx tsx bench/import-dry-run.ts     (an empty, migrated database)
 *   TACT_ROOT=/path/to/other/checkout npx tsx bench/import-dry-run.ts   (time another version)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import pino from "pino";

const root = process.env.TACT_ROOT ?? path.resolve(import.meta.dirname, "..");
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(root, file)).href)) as T;

const rows = Number(process.argv[2] ?? 200_000);
const work = mkdtempSync(path.join(tmpdir(), "tact-import-bench-"));
const env = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: work };

try {
  const { withToolDatabase } = await load<typeof import("../scripts/tool-context.ts")>("scripts/tool-context.ts");
  const { createCore } = await load<typeof import("../src/core/create-core.ts")>("src/core/create-core.ts");
  const { actionList, commandList } =
    await load<typeof import("../src/commands/registry.ts")>("src/commands/registry.ts");
  const { FixedClock } = await load<typeof import("../src/clock.ts")>("src/clock.ts");
  const { importInvoicesCommand } =
    await load<typeof import("../scripts/import-invoices.ts")>("scripts/import-invoices.ts");
  const clock = new FixedClock("2026-11-27T10:00:00Z");

  const io = { out: () => {}, err: () => {}, input: Readable.from([]), env, clock };
  const names: string[] = [];
  // Opened as the tool opens it, whichever version of Tact is timed.
  await withToolDatabase(io, async (database) => {
    const core = createCore({
      db: database.db,
      clock,
      log: pino({ level: "silent" }),
      dataDir: work,
      commands: commandList(),
      actions: actionList(),
    });
    for (let i = 0; i < 20; i++) {
      await core.handle({
        platform: "console",
        workspaceId: "console",
        userId: "owner",
        userName: "owner",
        channelId: "general",
        isDm: false,
        input: { kind: "text", text: `add client-${i} Client Number ${i}` },
        workspaceHints: { ownerUserId: "owner", defaultChannelId: "general" },
      });
      names.push(i % 2 === 0 ? `client-${i}` : `Client Number ${i}`);
    }
  });

  const lines = ["client,number,amount,currency,issued,due,paid on,paid amount"];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const paid = i % 3 === 0 ? `2025-03-${day},` : ",";
    lines.push(`${names[i % names.length]},INV-${i},${(i % 5000) + 10}.50,EUR,2025-01-${day},2025-02-${day},${paid}`);
  }
  const file = path.join(work, "invoices.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);

  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await importInvoicesCommand([file, "--dry-run"], {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    input: Readable.from([]),
    env,
    clock,
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time too: on a shared machine the wall time says more about the neighbours.
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(
    `${rows} rows, dry run on ${env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${seconds.toFixed(1)} s, ${cpuSeconds.toFixed(1)} s of CPU in this process (exit ${code})\n${out.join("")}${err.join("").slice(0, 500)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
