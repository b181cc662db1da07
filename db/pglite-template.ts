import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import type { MigrationMeta } from "drizzle-orm/migrator";
import { extractTar } from "./extract-tar.ts";

/**
 * Pre-initialised PGlite data directories (`npm run db:template` makes them): initdb in
 * WebAssembly holds about 800 MB and takes seconds, a copy of its result neither. A template
 * is tied to the PGlite build that wrote it, hence one file per PGlite version.
 */
export const templateFolder = fileURLToPath(new URL("./pglite-template", import.meta.url));

export function templateFile(version = pgliteVersion()): string {
  return path.join(templateFolder, `pglite-${version}.tar.br`);
}

/** The installed PGlite's version (its package.json, found from the module it resolves to). */
export function pgliteVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
  for (;;) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === "@electric-sql/pglite" && json.version) return json.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the version of @electric-sql/pglite");
    dir = parent;
  }
}

export type Seeding = "seeded" | "existing" | "no-template";

/**
 * Gives a new (missing or empty) data directory the content of the template of the installed
 * PGlite. The copy is made next to it and renamed into place, so a start killed halfway
 * leaves no half-made database behind. A directory that holds anything is left alone.
 */
export function seedDataDir(dataDir: string, template = templateFile()): Seeding {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return "existing";
  if (!existsSync(template)) return "no-template";
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const prefix = `.${path.basename(dataDir)}-seed-`;
  removeAbandonedCopies(parent, prefix);
  const copy = mkdtempSync(path.join(parent, `${prefix}${process.pid}-`));
  try {
    extractTar(brotliDecompressSync(readFileSync(template)), copy);
    renameSync(copy, dataDir);
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
  return "seeded";
}

/** Copies left by a process that died while making them (its pid is in the name). */
function removeAbandonedCopies(parent: string, prefix: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the migrations recorded in a database are the first of `migrations`, in order and
 * unchanged (drizzle records each one's hash and timestamp). Those that follow apply on top at
 * start; a template made from other migrations would give a schema they never describe.
 */
export async function appliedMigrationsLead(client: PGlite, migrations: readonly MigrationMeta[]): Promise<boolean> {
  const { rows } = await client
    .query<{ hash: string; created_at: string }>(
      "select hash, created_at::text from drizzle.__drizzle_migrations order by id",
    )
    .catch(() => ({ rows: [{ hash: "", created_at: "" }] }));
  return (
    rows.length <= migrations.length &&
    rows.every((row, i) => row.hash === migrations[i]?.hash && Number(row.created_at) === migrations[i]?.folderMillis)
  );
}
