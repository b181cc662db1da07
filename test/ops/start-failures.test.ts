import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../src/app.ts";
import { FixedClock } from "../../src/clock.ts";
import { readConfig } from "../../src/config.ts";
import { describeFatal } from "../../src/describe-fatal.ts";
import { OFFLINE_RATES } from "../support/offline-rates.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { logged, type Spawned, spawnTact } from "./support/spawn-tact.ts";

const root = path.resolve(import.meta.dirname, "../..");
const SLACK = { SLACK_BOT_TOKEN: "xoxb-1-2-StartFailureTest", SLACK_SIGNING_SECRET: "0123456789abcdef" };
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "tact-start-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>, stdin?: string): Spawned & { exitedAt: Promise<number> } {
  const tact = spawnTact(["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, ...OFFLINE_RATES, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: "0", ...env },
    cwd: root,
    ...(stdin === undefined ? {} : { stdin }),
  });
  return { ...tact, exitedAt: tact.exited.then(() => performance.now()) };
}

/** A local HTTP server standing in for a platform's API. */
async function fakeApi(handle: http.RequestListener): Promise<{ url: string; close(): void }> {
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(repeatedInPostgresPass)("a Tact that cannot start says why and exits", () => {
  it("exits 1 within two seconds of saying that Slack could not be reached, blaming Slack", async () => {
    const tact = start({ ...SLACK, SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/` });
    let saidAt = 0;
    tact.child.stderr?.on("data", () => {
      saidAt ||= performance.now();
    });
    const { code } = await tact.exited;
    expect(code).toBe(1);
    expect(tact.stderr).toEqual([
      "Tact stopped: Slack could not be reached to check SLACK_BOT_TOKEN (auth.test); check the network or SLACK_API_URL",
    ]);
    expect((await tact.exitedAt) - saidAt).toBeLessThan(2_000);
  }, 60_000);

  it("stops at once on SIGTERM while a platform does not answer at start", async () => {
    let asked: () => void = () => {};
    const authTest = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const silent = await fakeApi(() => asked()); // never answers
    try {
      const tact = start({ ...SLACK, SLACK_API_URL: silent.url, LOG_LEVEL: "info" });
      await tact.waitFor(logged("database ready"));
      await authTest;
      const signalled = performance.now();
      tact.child.kill("SIGTERM");
      const { code } = await tact.exited;
      expect(code).toBe(0);
      expect((await tact.exitedAt) - signalled).toBeLessThan(2_000);
      expect(tact.lines.some((l) => l.includes('"msg":"stopped during start-up"'))).toBe(true);
    } finally {
      silent.close();
    }
  }, 60_000);

  it("says in one line that DATA_DIR is not writable, and exits 1", async () => {
    const tact = start({ ...SLACK, DATA_DIR: "/proc/tact" });
    expect((await tact.exited).code).toBe(1);
    expect(tact.stderr).toEqual(["DATA_DIR /proc/tact is not writable"]);
  }, 30_000);

  it("in production, refuses to run without Slack or Discord unless someone is at a terminal", async () => {
    const tact = start({ NODE_ENV: "production" }, "");
    expect((await tact.exited).code).toBe(1);
    expect(tact.stderr.join("\n")).toBe(
      "Tact cannot start; fix these settings:\n  - SLACK_BOT_TOKEN or DISCORD_TOKEN (and their companions, see .env.example): in production Tact needs Slack or Discord; the console runs only in a terminal, or with --console",
    );
    expect(tact.lines).toEqual([]);
  }, 30_000);
});

describe("start-up failures, in process", () => {
  let database: TestDatabase;
  const log = pino({ level: "silent" });
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("names PORT when it is taken, and closes what it had started", async () => {
    const taken = http.createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const config = readConfig({ ...SLACK, PORT: String(port) });
      const failure = await startApp({ config, log, clock: new FixedClock("2026-11-27T10:00:00Z"), database }).catch(
        (e: unknown) => e,
      );
      expect(describeFatal(failure, { duringDatabaseOpen: false, env: {} })).toBe(
        `Tact stopped: PORT ${port} is already in use: stop what listens there, or set PORT to a free port`,
      );
    } finally {
      taken.close();
    }
  });

  it("blames Discord, not the database, when discord.com cannot be resolved", async () => {
    const config = readConfig({
      PORT: "0",
      DISCORD_TOKEN: "a-token",
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_API_URL: "http://discord.invalid/api",
    });
    const failure = await startApp({ config, log, clock: new FixedClock("2026-11-27T10:00:00Z"), database }).catch(
      (e: unknown) => e,
    );
    const line = describeFatal(failure, { duringDatabaseOpen: false, env: {} });
    expect(line).toMatch(
      /^Tact stopped: Discord could not be reached \(getaddrinfo (ENOTFOUND|EAI_AGAIN) discord\.invalid\): check the network or DISCORD_API_URL$/,
    );
    expect(line).not.toMatch(/database/i);
  });
});
