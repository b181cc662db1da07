import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { type Database, openDatabase } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { FixedClock } from "../../src/clock.ts";
import { readConfig } from "../../src/config.ts";
import { type Core, createCore } from "../../src/core/create-core.ts";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { createLogger } from "../../src/log.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { everyCommand } from "../support/every-command.ts";
import { type As, effectsText, invocation, silentLog } from "../support/harness.ts";
import { send, slackCommand } from "../support/signed-requests.ts";
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
    core = createCore({
      db: database.db,
      clock: new FixedClock("2026-11-27T10:00:00Z"),
      log,
      dataDir: "/tmp",
      ...everyCommand,
    });
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
    effectsText((await core.handle({ ...invocation(line, as), ...(as.locale ? { locale: as.locale } : {}) })).effects);

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
      "momentanément indisponible\u00a0: rien n'a été enregistré",
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

  it("logs a scheduler tick during an outage as a warning, not as an error", async () => {
    await server.stop();
    const log = createLogger({ level: "debug", stream: { write: (line: string) => void logLines.push(line) } });
    const report = await runTick({ db: database.db, clock: new FixedClock("2026-11-27T10:00:00Z"), log, outboxes: [] });
    expect(report.sent).toBe(0);
    const lines = logLines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(lines.some((l) => l.level === 40 && l.msg.includes("database unavailable"))).toBe(true);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("tells Slack users nothing was saved when PostgreSQL has no connection left (53300), and warns", async () => {
    // A role whose connection limit is reached by other clients stands for a server at
    // max_connections: PostgreSQL refuses the session with the same SQLSTATE, 53300.
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("create role tact_limited login connection limit 3");
    await admin.query("create database tact_limited owner tact_limited");
    const url = new URL(server.url);
    url.username = "tact_limited";
    url.pathname = "/tact_limited";
    const limited = await openDatabase({ url: url.toString(), poolSize: 2 });
    const log = createLogger({ level: "debug", stream: { write: (line: string) => void logLines.push(line) } });
    const clock = new FixedClock("2026-11-27T10:00:00Z");
    const limitedCore = createCore({ db: limited.db, clock, log, dataDir: "/tmp", ...everyCommand });
    const fake = await FakeSlackApi.start({
      teamId: "T0LIMIT",
      users: [{ id: "U0OWNER", name: "dana", tz: "Europe/Paris", is_primary_owner: true }],
    });
    const http = createHttpServer(silentLog);
    const adapter = createSlackAdapter(
      {
        core: limitedCore,
        config: readConfig({
          SLACK_SIGNING_SECRET: "limited-secret",
          SLACK_BOT_TOKEN: "xoxb-limited",
          SLACK_API_URL: fake.apiUrl,
        }),
        log,
        http,
        clock,
      },
      { retries: 0 },
    );
    const holders: pg.Client[] = [];
    try {
      const base = `http://127.0.0.1:${await http.listen(0, "127.0.0.1")}`;
      await adapter.start?.();
      let n = 0;
      const command = async (text: string): Promise<string> => {
        const id = `r${++n}`;
        const fields = {
          team_id: "T0LIMIT",
          channel_id: "C0GENERAL",
          user_id: "U0OWNER",
          user_name: "dana",
          text,
          response_url: fake.responseUrl(id),
          trigger_id: `${id}.trigger`,
        };
        const res = await send(base, slackCommand("limited-secret", fields, clock.now()));
        expect(res.status).toBe(200);
        const acked = await res.text();
        await adapter.settled();
        return acked + JSON.stringify(fake.responses.filter((r) => r.id === id).map((r) => r.body));
      };
      expect(await command("add acme ACME Corp")).toContain("Added ACME Corp");

      // Tact's pooled connections go; other clients take every connection the role may have.
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where usename = 'tact_limited'");
      for (let i = 0; i < 3; i++) {
        const holder = new pg.Client({ connectionString: url.toString() });
        await holder.connect();
        holders.push(holder);
      }
      // The pool notices its dead connections as it hands them out; then it must connect anew.
      let refusal: unknown;
      for (let i = 0; i < 5 && !refusal; i++)
        refusal = await limited.ping().then(
          () => undefined,
          (e: unknown) => ((e as { code?: string }).code === "53300" ? e : undefined),
        );
      expect((refusal as { code?: string } | undefined)?.code).toBe("53300");

      logLines.length = 0;
      const answer = await command("late acme");
      expect(answer).toContain("temporarily unavailable");
      expect(answer).toContain("nothing was saved");
      expect(answer).not.toContain("went wrong");
      const levels = logLines.map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(levels.filter((l) => l.level >= 50)).toEqual([]);
      expect(levels.some((l) => l.level === 40 && l.msg.includes("database unavailable"))).toBe(true);

      for (const holder of holders.splice(0)) await holder.end();
      expect(await command("late acme")).toContain("Logged late payment for ACME Corp");
      const [row] = await queryRows<{ n: number }>(limited.db, sql`select count(*)::int as n from incidents`);
      expect(Number(row?.n)).toBe(1);
    } finally {
      for (const holder of holders) await holder.end().catch(() => {});
      await adapter.stop();
      await http.close();
      await fake.close();
      await limited.close();
      await admin.query("drop database if exists tact_limited with (force)");
      await admin.query("drop role if exists tact_limited");
      await admin.end();
    }
  });
});
