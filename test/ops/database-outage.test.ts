import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { FixedClock } from "../../src/clock.ts";
import { type Core, createCore } from "../../src/core/create-core.ts";
import { createLogger } from "../../src/log.ts";
import { type As, effectsText, invocation } from "../support/harness.ts";
import { createThrowawayPostgres, skipWithoutPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres.ts";

/**
 * A real PostgreSQL server that goes away and comes back while Tact keeps running: users
 * are told nothing was saved, nothing is half-written, and the same process recovers.
 */
describe.skipIf(skipWithoutPostgres)("when the database goes away", () => {
  let server: ThrowawayPostgres;
  let database: Database;
  let core: Core;
  const logLines: string[] = [];
  // Called with each SQL statement just before it is sent (see openDatabase's onQuery).
  let beforeQuery: ((statement: string) => void) | undefined;

  beforeAll(async () => {
    server = await createThrowawayPostgres();
    database = await openDatabase({ url: server.url, onQuery: (statement) => beforeQuery?.(statement) });
    const log = createLogger({ level: "debug", stream: { write: (line: string) => void logLines.push(line) } });
    core = createCore({ db: database.db, clock: new FixedClock("2026-11-27T10:00:00Z"), log, dataDir: "/tmp" });
  });
  afterAll(async () => {
    await database?.close();
    await server?.destroy();
  });
  beforeEach(async () => {
    beforeQuery = undefined;
    logLines.length = 0;
    await server.start().catch(() => {}); // already running after a passing test
  });

  const say = async (line: string, as: As & { locale?: string } = {}) =>
    effectsText(await core.handle({ ...invocation(line, as), ...(as.locale ? { locale: as.locale } : {}) }));

  async function count(table: "incidents" | "audit_log" | "clients" | "invoices", workspace: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} t
            join workspaces w on w.id = t.workspace_id
           where w.external_id = ${workspace}`,
    );
    return Number(row?.n);
  }

  it("says it is temporarily unavailable and nothing was saved, then works again by itself", async () => {
    const ws = { workspace: "outage-basic" };
    expect(await say("/client add acme ACME Corp", ws)).toContain("Added ACME Corp");

    await server.stop();
    const answer = await say("/client late acme", ws);
    expect(answer).toContain("temporarily unavailable");
    expect(answer).toContain("nothing was saved");
    expect(await say("/client late acme", { ...ws, locale: "fr" })).toContain(
      "momentanément indisponible : rien n'a été enregistré",
    );

    await server.start();
    expect(await say("/client late acme", ws)).toContain("Logged late payment for ACME Corp");
    expect(await count("incidents", ws.workspace)).toBe(1);
  });

  it("leaves nothing half-written when the server dies in the middle of a transaction", async () => {
    const ws = { workspace: "outage-mid-transaction" };
    await say("/client add acme ACME Corp", ws);
    const auditBefore = await count("audit_log", ws.workspace);

    // The invoice row is inserted; the server crashes as its audit row is about to follow.
    beforeQuery = (statement) => {
      if (/^insert into "audit_log"/i.test(statement)) {
        beforeQuery = undefined;
        server.stopNow("immediate");
      }
    };
    const record = "/client invoice acme INV-7 1200.00 EUR due 2026-12-15";
    const answer = await say(record, ws);
    expect(answer).toContain("temporarily unavailable");
    expect(answer).toContain("nothing was saved");

    await server.start();
    expect(await count("invoices", ws.workspace)).toBe(0);
    expect(await count("audit_log", ws.workspace)).toBe(auditBefore);
    expect(await say(record, ws)).toContain("INV-7");
    expect(await count("invoices", ws.workspace)).toBe(1);
  });

  it("writes an incident and its audit entry together or not at all", async () => {
    const ws = { workspace: "outage-incident" };
    await say("/client add acme ACME Corp", ws);
    const auditBefore = await count("audit_log", ws.workspace);
    // One statement writes both: the server dies as it is sent.
    beforeQuery = (statement) => {
      if (/insert into incidents/i.test(statement)) {
        beforeQuery = undefined;
        server.stopNow("immediate");
      }
    };
    expect(await say("/client late acme", ws)).toContain("nothing was saved");
    await server.start();
    expect(await count("incidents", ws.workspace)).toBe(0);
    expect(await count("audit_log", ws.workspace)).toBe(auditBefore);
    expect(await say("/client late acme", ws)).toContain("Logged late payment");
    expect(await count("incidents", ws.workspace)).toBe(1);
    expect(await count("audit_log", ws.workspace)).toBe(auditBefore + 1);
  });

  it("keeps running when pooled connections drop, idle or in the middle of a transaction", async () => {
    const ws = { workspace: "outage-dropped" };
    // Several requests at once leave several idle connections in the pool.
    const added = await Promise.all(
      ["alpha", "bravo", "charlie", "delta"].map((slug) => say(`/client add ${slug} Client ${slug}`, ws)),
    );
    expect(added.join("\n")).not.toContain("unavailable");

    // A connection killed while a transaction is open on it, between two statements.
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const cutOff = database.db.transaction(async (tx) => {
      const [me] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
      await admin.query("select pg_terminate_backend($1)", [me?.pid]);
      await queryRows(tx, sql`select 1`);
    });
    await expect(cutOff).rejects.toThrow();
    await admin.end();

    // Idle connections dropped by a restart.
    await server.stop();
    await server.start();

    expect(await say("/client late alpha", ws)).toContain("Logged late payment for Client alpha");
    expect(await count("clients", ws.workspace)).toBe(4);
  });

  it("logs the outage for the operator without SQL or the data being written", async () => {
    const ws = { workspace: "outage-logs" };
    await say("/client add acme ACME Corp", ws);
    beforeQuery = (statement) => {
      if (/insert into incidents/i.test(statement)) {
        beforeQuery = undefined;
        server.stopNow("immediate");
      }
    };
    await say("/client scope acme a secret blog section", ws);
    const warnings = logLines.filter((l) => l.includes("database unavailable"));
    expect(warnings.length).toBeGreaterThan(0);
    const text = logLines.join("\n");
    expect(text).not.toMatch(/insert into/i);
    expect(text).not.toContain("a secret blog section");
  });
});
