import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A PostgreSQL server of our own, in a temporary directory, that a test can stop and start. */
export interface ThrowawayPostgres {
  /** Connection string to its `postgres` database. */
  url: string;
  start(): Promise<void>;
  /** `fast` disconnects sessions cleanly; `immediate` is a crash (no shutdown checkpoint). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** The same, blocking: usable where nothing can be awaited (a query hook). */
  stopNow(mode?: "fast" | "immediate"): void;
  destroy(): Promise<void>;
}

/** The directory holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, "pg_ctl"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

export const skipWithoutPostgres = postgresBinaries()
  ? false
  : "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin or PG_BIN)";

/**
 * initdb into a temp dir and start on a free port (socket in the same dir). PostgreSQL
 * refuses to run as root, so as root the commands run as the `postgres` user.
 */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(String(skipWithoutPostgres));
  const dir = mkdtempSync(path.join(tmpdir(), "tact-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const data = path.join(dir, "data");
  await run(
    ...command("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]),
  );
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c full_page_writes=off",
  ].join(" ");
  const startArgs = ["start", "-D", data, "-w", "-t", "30", "-l", path.join(dir, "server.log"), "-o", options];
  const stopArgs = (mode: string) => ["stop", "-D", data, "-w", "-t", "30", "-m", mode];
  let running = false;
  const server: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await run(...command("pg_ctl", startArgs));
      running = true;
    },
    async stop(mode = "fast") {
      await run(...command("pg_ctl", stopArgs(mode)));
      running = false;
    },
    stopNow(mode = "immediate") {
      execFileSync(...command("pg_ctl", stopArgs(mode)), { stdio: "ignore" });
      running = false;
    },
    async destroy() {
      if (running) await server.stop("immediate").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
