import { rmSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { MigrationMeta } from "drizzle-orm/migrator";
import { appliedMigrationsLead, pgliteVersion, seedDataDir, templateFile } from "./pglite-template.ts";

/**
 * PostgreSQL's shared buffers: PGlite's default of 128 MB is resident from the start (the
 * WebAssembly memory is zeroed as it is handed out), about 40 % of the embedded bot's memory.
 * 16 MB holds the working set of the teams the embedded mode is for; the data files stay in
 * the operating system's page cache behind it. Measured in docs/benchmarks.md (footprint).
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

export interface OpenPgliteOptions {
  /** The migrations the caller applies next: a template must have applied the first of them. */
  migrations: readonly MigrationMeta[];
  warn?: ((message: string) => void) | undefined;
  /** The pre-initialised data directory to start from (default: the installed PGlite's). */
  template?: string | undefined;
}

/**
 * Opens an embedded database: in memory without `dataDir`; otherwise on that directory, made
 * from the shipped template when it is new (see pglite-template.ts), else by PGlite's initdb.
 */
export async function openPglite(dataDir: string | undefined, options: OpenPgliteOptions): Promise<PGlite> {
  const settings = { startParams: [...PGLITE_START_PARAMS] };
  if (dataDir === undefined) return PGlite.create(settings);
  const warn = options.warn ?? (() => {});
  const seeding = seedDataDir(dataDir, options.template ?? templateFile());
  if (seeding === "no-template") {
    warn(
      `No pre-initialised database for PGlite ${pgliteVersion()} (npm run db:template makes one): creating it, once.`,
    );
  }
  const client = await PGlite.create(dataDir, settings);
  if (seeding !== "seeded" || (await appliedMigrationsLead(client, options.migrations))) return client;
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
  warn(
    "The pre-initialised database does not match the migrations (npm run db:template remakes it): creating it, once.",
  );
  return PGlite.create(dataDir, settings);
}
