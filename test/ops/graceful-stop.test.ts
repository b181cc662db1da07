import { EventEmitter } from "node:events";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, openDatabase } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { stopGracefully, waitForStopSignal } from "../../src/graceful-stop.ts";
import { createLogger } from "../../src/log.ts";
import { OFFLINE_RATES } from "../support/offline-rates.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { logged, spawnTact } from "./support/spawn-tact.ts";
import { createThrowawayPostgres, skipWithoutPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres.ts";

const fixture = path.resolve(import.meta.dirname, "fixtures/serve-with-slow-work.ts");

describe.skipIf(skipWithoutPostgres || repeatedInPostgresPass)("stopping on SIGTERM", () => {
  let server: ThrowawayPostgres;
  let database: Database;

  beforeAll(async () => {
    server = await createThrowawayPostgres();
    database = await openDatabase({ url: server.url }); // migrates once for every child below
  });
  afterAll(async () => {
    await database?.close();
    await server?.destroy();
  });

  function startTact() {
    const tact = spawnTact(["--import", "tsx", fixture], {
      env: { PATH: process.env.PATH, ...OFFLINE_RATES, DATABASE_URL: server.url, PORT: "0", LOG_LEVEL: "info" },
    });
    const ready = tact.waitFor(logged("Tact is ready")).then((line) => `http://127.0.0.1:${line.port}`);
    return { tact, ready };
  }

  async function clientNamed(slug: string): Promise<boolean> {
    const rows = await queryRows(database.db, sql`select 1 from clients where slug = ${slug}`);
    return rows.length > 0;
  }

  it("finishes the request in flight, takes no new one meanwhile, and exits 0 well within 10 s", async () => {
    const { tact, ready } = startTact();
    const base = await ready;
    const inFlight = fetch(`${base}/test/slow?slug=inflight`).then(async (r) => [r.status, await r.text()] as const);
    await tact.waitFor(logged("work in flight"));

    const signalled = performance.now();
    tact.child.kill("SIGTERM");
    await tact.waitFor(logged("stopping: no new requests, finishing those in flight"));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    const [status, text] = await inFlight;
    expect(status).toBe(200);
    expect(text).toContain("Added Slow inflight");
    const { code } = await tact.exited;
    expect(code).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(tact.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    expect(await clientNamed("inflight")).toBe(true);
  });

  it("finishes work it acknowledged before doing it (as Slack's ack-then-process does)", async () => {
    const { tact, ready } = startTact();
    const base = await ready;
    const ack = await fetch(`${base}/test/slow?slug=acked&ack=first`);
    expect(await ack.text()).toBe("ack");
    await tact.waitFor(logged("work in flight"));

    tact.child.kill("SIGTERM");
    const { code } = await tact.exited;
    expect(code).toBe(0);
    expect(await clientNamed("acked")).toBe(true);
  });

  it("stops at once on Ctrl-C (SIGINT) when idle, answering health checks until then", async () => {
    const { tact, ready } = startTact();
    const base = await ready;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);

    tact.child.kill("SIGINT");
    expect((await tact.exited).code).toBe(0);
  });
});

describe("the stop sequence", () => {
  const log = createLogger({ level: "silent" });

  it("exits with 1 at once on a second signal", async () => {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const first = waitForStopSignal({ log, signals, exit: (code) => void exits.push(code) });
    signals.emit("SIGTERM");
    expect(await first).toBe("SIGTERM");
    expect(exits).toEqual([]);
    signals.emit("SIGINT");
    expect(exits).toEqual([1]);
  });

  it("exits 0 after a clean stop, and 1 when stopping fails", async () => {
    const exits: number[] = [];
    const exit = (code: number) => void exits.push(code);
    await stopGracefully(async () => {}, { log, exit });
    await stopGracefully(
      async () => {
        throw new Error("adapter refused to stop");
      },
      { log, exit },
    );
    expect(exits).toEqual([0, 1]);
  });

  it("exits with 1 when stopping outlasts the limit", async () => {
    vi.useFakeTimers();
    try {
      const exits: number[] = [];
      void stopGracefully(() => new Promise(() => {}), { log, limitMs: 9_500, exit: (code) => void exits.push(code) });
      vi.advanceTimersByTime(9_499);
      expect(exits).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(exits).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });
});
