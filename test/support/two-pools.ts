import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../db/database.ts";
import { openTestDatabase } from "./test-database.ts";

export interface TwoPools {
  /** Two connections to one database, as two processes would hold them. */
  databases: [Database, Database];
  /** Closes both and drops the database. */
  close(): Promise<void>;
}

/**
 * One database reached as two processes would reach it: on PostgreSQL a fresh copy of the
 * template with its own pool per process; on PGlite (one instance per file) the same database twice.
 */
export async function openTwoPools(poolSize: number): Promise<TwoPools> {
  const templateUrl = inject("pgTemplateUrl");
  if (!templateUrl) {
    const shared = await openTestDatabase();
    return { databases: [shared, shared], close: () => shared.close() };
  }
  const name = `tact_pools_${randomBytes(5).toString("hex")}`;
  const admin = new URL(templateUrl);
  admin.pathname = "/postgres";
  await adminQuery(admin, `create database "${name}" template "${new URL(templateUrl).pathname.slice(1)}"`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const open = () => openDatabase({ url: url.toString(), migrate: false, poolSize });
  const databases: [Database, Database] = [await open(), await open()];
  return {
    databases,
    async close() {
      for (const d of databases) await d.close();
      await adminQuery(admin, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function adminQuery(url: URL, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
