import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/database.ts";
import { createThrowawayPostgres, skipWithoutPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres.ts";

describe.skipIf(skipWithoutPostgres)("several replicas starting at once on an empty database", () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await createThrowawayPostgres();
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it("all start: one applies the migrations under the advisory lock, the others wait and find them done", async () => {
    const replicas = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url: server.url, poolSize: 2 })));
    for (const replica of replicas) await expect(replica.ping()).resolves.toBeUndefined();
    await Promise.all(replicas.map((r) => r.close()));

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const applied = await client.query<{ n: number; distinct_n: number }>(
      "select count(*)::int as n, count(distinct hash)::int as distinct_n from drizzle.__drizzle_migrations",
    );
    const tables = await client.query(
      "select 1 from pg_tables where schemaname = 'public' and tablename = 'incidents'",
    );
    await client.end();
    expect(applied.rows[0]?.n).toBeGreaterThan(0);
    expect(applied.rows[0]?.n).toBe(applied.rows[0]?.distinct_n);
    expect(tables.rowCount).toBe(1);
  });
});
