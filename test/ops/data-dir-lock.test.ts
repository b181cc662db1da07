import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import { LOCK_FILE, lockDataDir } from "../../db/lock-data-dir.ts";
import { exportWorkspaceCommand } from "../../scripts/export-workspace.ts";
import { importInvoicesCommand } from "../../scripts/import-invoices.ts";
import { purgeWorkspaceCommand } from "../../scripts/purge-workspace.ts";
import { runToolWith, type ToolIo } from "../../scripts/tool-context.ts";
import { FixedClock } from "../../src/clock.ts";
import { OFFLINE_RATES } from "../support/offline-rates.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { spawnTact } from "./support/spawn-tact.ts";

const root = path.resolve(import.meta.dirname, "../..");
let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "tact-lock-"));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A tool run in this process, as `npm run import` etc. would run it, on DATA_DIR (no test database). */
async function tool(main: (argv: string[], io: ToolIo) => Promise<number>, argv: string[], dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runToolWith(main, argv, {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    input: Readable.from([]),
    env: { DATA_DIR: dataDir },
    clock: new FixedClock("2026-11-27T10:00:00Z"),
  });
  return { code, out: out.join(""), err: err.join("") };
}

describe.skipIf(repeatedInPostgresPass)(
  "one process at a time on DATA_DIR (the embedded database has one writer)",
  () => {
    it("refuses a second `npm start` and the data tools while Tact runs, and clears the lock of a killed Tact", async () => {
      const dataDir = path.join(base, "shared");
      const env = { PATH: process.env.PATH, ...OFFLINE_RATES, HOME: process.env.HOME, DATA_DIR: dataDir, TZ: "UTC" };
      const running = spawnTact(["--import", "tsx", "src/main.ts"], { env, cwd: root });
      running.child.stdin?.write("/client add acme ACME Corp\n");
      await running.waitFor((line) => line.includes("Added ACME Corp (acme)"));

      const second = spawnTact(["--import", "tsx", "src/main.ts"], { env, cwd: root, stdin: "/client list\n" });
      const { code } = await second.exited;
      expect(code).toBe(1);
      expect(second.stderr.at(-1)).toBe(
        `Tact is already running on DATA_DIR ${dataDir} (process ${running.child.pid}); stop it first, or use DATABASE_URL`,
      );
      expect(second.lines).toEqual([]); // it read nothing and answered nothing

      const csv = path.join(base, "one.csv");
      await writeFile(csv, "client,number,amount,currency\nacme,INV-1,10,EUR\n");
      const refused = `Tact is already running on DATA_DIR ${dataDir} (process ${running.child.pid}); stop it first, or use DATABASE_URL\n`;
      for (const [main, argv] of [
        [importInvoicesCommand, [csv]],
        [exportWorkspaceCommand, ["--list"]],
        [purgeWorkspaceCommand, ["--workspace", "console:console", "--yes"]],
      ] as const) {
        const run = await tool(main, [...argv], dataDir);
        expect(run).toEqual({ code: 1, out: "", err: refused });
      }

      // Killed without a chance to clean up: the lock it leaves is noticed and cleared.
      running.child.kill("SIGKILL");
      await running.exited;
      expect(await readdir(dataDir)).toContain(LOCK_FILE);
      const imported = await tool(importInvoicesCommand, [csv], dataDir);
      expect(imported.err).toBe("");
      expect(imported.out).toContain("Imported 1 invoice (0 paid in full) into 1\tconsole:console");
      expect(imported.code).toBe(0);
      expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
    }, 120_000);

    it("locks DATA_DIR while the database is open and unlocks it on close", async () => {
      const dataDir = path.join(base, "in-process");
      const lock = await lockDataDir(dataDir);
      await expect(openDatabase({ dataDir })).rejects.toThrow(
        `Tact is already running on DATA_DIR ${dataDir} (process ${process.pid}); stop it first, or use DATABASE_URL`,
      );
      await lock.release();
      const again = await lockDataDir(dataDir);
      await again.release();
      expect(await readdir(dataDir)).toEqual([]);
    });

    it("tells a lock left by a dead process from one held by a live one, where only the pid is known", async () => {
      const dataDir = path.join(base, "pid-only");
      await lockDataDir(dataDir).then((l) => l.release());
      const lockFile = path.join(dataDir, LOCK_FILE);
      const holder = (pid: number, host = hostname()) =>
        writeFile(lockFile, JSON.stringify({ pid, host, since: "2026-11-27T09:00:00Z", socket: false }));

      const dead = spawnSync(process.execPath, ["-e", ""]).pid;
      await holder(dead);
      const taken = await lockDataDir(dataDir);
      await taken.release();

      await holder(process.ppid); // alive: the test runner
      await expect(lockDataDir(dataDir)).rejects.toThrow(`(process ${process.ppid}); stop it first`);

      await holder(4242, "another-machine");
      await expect(lockDataDir(dataDir)).rejects.toThrow(
        `Tact may be running on DATA_DIR ${dataDir} from another-machine (process 4242); stop it first, or use DATABASE_URL. If it is not running, delete ${lockFile}`,
      );
    });
  },
);

describe.skipIf(repeatedInPostgresPass)("a DATA_DIR that cannot be used", () => {
  it("says in one line what is wrong with it, at once", async () => {
    const file = path.join(base, "a-file");
    await writeFile(file, "");
    const cases: [string, string][] = [
      [file, `DATA_DIR ${file} is a file, not a directory`],
      [path.join(file, "data"), `DATA_DIR ${path.join(file, "data")} is not a directory (part of the path is a file)`],
    ];
    // /proc refuses new directories (Node's recursive mkdir spins forever there).
    if (process.platform === "linux") cases.push(["/proc/tact/data", "DATA_DIR /proc/tact/data is not writable"]);
    for (const [dataDir, message] of cases) {
      const started = performance.now();
      await expect(openDatabase({ dataDir })).rejects.toThrow(message);
      expect(performance.now() - started).toBeLessThan(1_000);
      const run = await tool(exportWorkspaceCommand, ["--list"], dataDir);
      expect(run).toEqual({ code: 1, out: "", err: `${message}\n` });
    }
  });
});
