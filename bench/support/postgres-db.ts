import { randomBytes } from "node:crypto";
import pg from "pg";

/** The machine's PostgreSQL server (BENCH_DATABASE_ADMIN_URL to use another). */
export const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  query<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** Creates an empty database for one benchmark; `drop()` removes it (also after a failure). */
export async function createBenchDatabase(purpose: string): Promise<BenchDatabase> {
  const name = `tact_bench_${purpose}_${randomBytes(4).toString("hex")}`;
  await admin(`create database "${name}"`);
  created.add(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on("error", () => {});
  return {
    name,
    url: url.toString(),
    async query(text, values) {
      return (await pool.query(text, values as unknown[])).rows;
    },
    async drop() {
      await pool.end().catch(() => {});
      await admin(`drop database if exists "${name}" with (force)`);
      created.delete(name);
    },
  };
}

const created = new Set<string>();

/** Drops whatever a benchmark interrupted left behind. */
export async function dropAllBenchDatabases(): Promise<void> {
  for (const name of [...created]) {
    await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
    created.delete(name);
  }
}

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Whether the server answers (the benchmarks need one). */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
