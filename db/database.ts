import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { Logger as DrizzleLogger } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./lock-data-dir.ts";
import { openPglite } from "./open-pglite.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** A database or a transaction: every query function takes one of these. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it an embedded PGlite is used. */
  url?: string | undefined;
  /**
   * DATA_DIR: PGlite keeps its files in its `pglite` folder, and the directory is locked for
   * this process until `close` (one writer). Omitted = in memory.
   */
  dataDir?: string | undefined;
  /** An already open PGlite (tests load a migrated dump into one). */
  pglite?: PGlite | undefined;
  /** Called with every SQL statement, e.g. to count queries in tests. */
  onQuery?: ((sql: string) => void) | undefined;
  migrate?: boolean | undefined;
  poolSize?: number | undefined;
  /** Told when a new embedded database is made the slow way (no usable template). */
  onWarning?: ((message: string) => void) | undefined;
}

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));
// Any constant works; it only has to be the same for every replica of Tact.
const MIGRATION_LOCK_KEY = 7_411_732;

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const logger: DrizzleLogger | undefined = options.onQuery
    ? { logQuery: (query) => options.onQuery?.(query) }
    : undefined;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on("error", () => {});
    // Nor one checked out for a transaction: pg emits 'error' on it when its connection
    // drops, and the pool only listens while the client is idle. The statement in progress
    // (or the next one) fails instead, and the pool discards the broken client.
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = drizzlePg(pool, { schema, ...(logger ? { logger } : {}) });
    if (options.migrate !== false) await migratePostgres(pool);
    return {
      db: db as unknown as Db,
      kind: "postgres",
      ping: async () => {
        await pool.query("select 1");
      },
      // Idempotent: the app and main may both close it on the way out.
      close: once(() => pool.end()),
    };
  }
  const lock = options.dataDir && !options.pglite ? await lockDataDir(options.dataDir) : undefined;
  try {
    const client =
      options.pglite ??
      (await openPglite(lock ? path.join(options.dataDir ?? "", "pglite") : undefined, {
        migrations: readMigrationFiles({ migrationsFolder }),
        warn: options.onWarning,
      }));
    const db = drizzlePglite(client, { schema, ...(logger ? { logger } : {}) });
    if (options.migrate !== false) await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      ping: async () => {
        await client.query("select 1");
      },
      close: once(async () => {
        try {
          await client.close();
        } finally {
          await lock?.release();
        }
      }),
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}

/** drizzle's migrator takes no lock: several replicas starting at once queue on this one. */
async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
