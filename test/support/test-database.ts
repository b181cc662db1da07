import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";

export interface TestDatabase extends Database {
  /** Empties every table (identities restart), between tests. */
  reset(): Promise<void>;
  /** SQL statements run while counting is on. */
  queries: string[];
  countQueries(on: boolean): void;
  /**
   * Called with each SQL statement before it is sent; throwing fails that statement as the
   * driver would (a fault, an outage). Cleared by reset.
   */
  beforeQuery: ((statement: string) => void) | undefined;
  /** 'pglite' or 'postgres', to name the driver in test titles. */
  driver: string;
}

/** A database for one test file: PGlite from the migrated dump, or a PostgreSQL clone. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const queries: string[] = [];
  let counting = false;
  const onQuery = (q: string) => {
    if (counting) queries.push(q);
    test.beforeQuery?.(q);
  };
  const templateUrl = inject("pgTemplateUrl");
  let database: Database;
  let tables: string[] | undefined;
  let dropAfter: (() => Promise<void>) | undefined;
  if (templateUrl) {
    const name = `tact_t_${randomBytes(6).toString("hex")}`;
    const template = new URL(templateUrl).pathname.slice(1);
    const admin = new URL(templateUrl);
    admin.pathname = "/postgres";
    await withAdmin(admin.toString(), (c) => c.query(`create database "${name}" template "${template}"`));
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ url: url.toString(), migrate: false, onQuery });
    dropAfter = () => withAdmin(admin.toString(), (c) => c.query(`drop database if exists "${name}" with (force)`));
  } else {
    const dump = await readFile(inject("pgliteDump"));
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
    database = await openDatabase({ pglite, migrate: false, onQuery });
  }
  const test: TestDatabase = {
    ...database,
    beforeQuery: undefined,
    driver: database.kind,
    queries,
    countQueries(on) {
      counting = on;
      queries.length = 0;
    },
    async reset() {
      test.beforeQuery = undefined;
      tables ??= (
        await queryRows<{ tablename: string }>(
          database.db,
          sql`select tablename from pg_tables where schemaname = 'public'`,
        )
      ).map((r) => `"${r.tablename}"`);
      await database.db.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
    },
    async close() {
      await database.close();
      await dropAfter?.();
    },
  };
  return test;
}

async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
