import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { loadAccountingApi } from "../../connectors/xero/xero-accounting.ts";
import { xeroConnector } from "../../connectors/xero/xero-connector.ts";
import { xeroEndpoints } from "../../connectors/xero/xero-endpoints.ts";
import { xeroWebhookRoute } from "../../connectors/xero/xero-webhook-route.ts";
import { FixedClock } from "../../src/clock.ts";
import { createSources, type SourceServices } from "../../src/connectors/create-sources.ts";
import { oauthCallbackRoute } from "../../src/connectors/oauth-callback-route.ts";
import { type Core, createCore } from "../../src/core/create-core.ts";
import type { Effect } from "../../src/core/effects.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { createSecretBox } from "../../src/secrets/secret-box.ts";
import { everyCommand } from "../support/every-command.ts";
import { type As, effectsText, invocation, silentLog } from "../support/harness.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { CLIENT_ID, CLIENT_SECRET, FakeXero, WEBHOOK_KEY } from "./fake-xero.ts";

export interface XeroHarness {
  db: TestDatabase;
  clock: FixedClock;
  core: Core;
  sources: SourceServices;
  fake: FakeXero;
  http: HttpServer;
  port: number;
  /** Rate-limit waits the connector asked for (ms), instead of waiting. */
  slept: number[];
  run(line: string, as?: As): Promise<Effect[]>;
  say(line: string, as?: As): Promise<string>;
  /** The link in the DM `/client connect xero` sent the owner. */
  connectLink(as?: As): Promise<string>;
  /** Follows a consent link as the owner's browser: Xero's consent page, then Tact's callback. */
  consent(link: string): Promise<{ status: number; html: string; callback: string }>;
  /** GET or POST on Tact's server. */
  request(path: string, init?: RequestInit): Promise<{ status: number; text: string }>;
  /** Posts a webhook delivery to /xero/webhooks, signed with the key (or a given signature). */
  deliver(body: string, signature: string | undefined): Promise<{ status: number; text: string }>;
  /** /client connect xero through to a connected organisation (the first one), backfill done. */
  connected(): Promise<void>;
}

/**
 * Tact with Xero's app set (XERO_CLIENT_ID…), on the console workspace, a fixed clock, the
 * fake Xero (identity, connections, Accounting API) and the real callback and webhook routes
 * on a real HTTP server. Pages of 5 invoices unless told otherwise.
 */
export function useXeroHarness(start = "2026-11-27T10:00:00Z", options: { pageSize?: number } = {}): XeroHarness {
  const h = {} as XeroHarness;
  beforeAll(async () => {
    // xero-node's Accounting API takes seconds to load (once per worker): loaded here, so no
    // test's time limit pays for it.
    await loadAccountingApi();
    h.db = await openTestDatabase();
    h.clock = new FixedClock(start);
    h.http = createHttpServer(silentLog);
    h.port = await h.http.listen(0, "127.0.0.1");
    const redirectUri = `http://127.0.0.1:${h.port}/xero/callback`;
    h.fake = await FakeXero.start({ redirectUri, now: () => h.clock.now().getTime() });
    h.slept = [];
    const connector = xeroConnector({
      app: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri,
        endpoints: xeroEndpoints({ apiUrl: h.fake.url, identityUrl: h.fake.url }),
      },
      pageSize: options.pageSize ?? 5,
      sleep: async (ms) => {
        h.slept.push(ms);
      },
    });
    const services = {
      db: h.db.db,
      clock: h.clock,
      log: process.env.XERO_TEST_LOG ? pino({ level: "info" }, pino.destination(2)) : silentLog,
      dataDir: "/tmp/tact-test-data",
      secrets: createSecretBox(randomBytes(32)),
    };
    h.sources = createSources({
      services,
      clock: h.clock,
      sources: [{ connector, settings: undefined }],
      box: services.secrets,
      platforms: ["console"],
      schedule: false,
    });
    h.core = createCore({ ...services, sources: h.sources, ...everyCommand });
    if (!connector.oauth) throw new Error("Xero connects through OAuth");
    h.http.route("/xero/callback", oauthCallbackRoute({ ...services, sources: h.sources }, "xero", connector.oauth));
    h.http.route("/xero/webhooks", xeroWebhookRoute(h.sources, { webhookKey: WEBHOOK_KEY }));
  });
  beforeEach(async () => {
    await h.sources.worker.idle();
    await h.db.reset();
    h.fake.reset();
    h.clock.set(start);
    h.slept.length = 0;
  });
  afterAll(async () => {
    await h.sources?.worker.stop();
    await h.http?.close(100);
    await h.fake?.close();
    await h.db?.close();
  });
  h.run = async (line, as = {}) => (await h.core.handle(invocation(line, as))).effects;
  h.say = async (line, as = {}) => effectsText(await h.run(line, as));
  h.request = async (path, init) => {
    const res = await fetch(`http://127.0.0.1:${h.port}${path}`, { redirect: "manual", ...init });
    return { status: res.status, text: await res.text() };
  };
  h.connectLink = async (as = {}) => {
    const effects = await h.run("/client connect xero", as);
    const sent = effects.find((e) => e.type === "dm");
    if (sent?.type !== "dm") throw new Error(`no DM: ${effectsText(effects)}`);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/connect\/authorize\?\S+)/.exec(effectsText([sent]))?.[1];
    if (!link) throw new Error(`no link in the DM: ${effectsText([sent])}`);
    return link;
  };
  h.consent = async (link) => {
    const atXero = await fetch(link, { redirect: "manual" });
    expect(atXero.status).toBe(302);
    const callback = atXero.headers.get("location") ?? "";
    const res = await fetch(callback, { redirect: "manual" });
    return { status: res.status, html: await res.text(), callback };
  };
  h.deliver = async (body, signature) => {
    const res = await fetch(`http://127.0.0.1:${h.port}/xero/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signature === undefined ? {} : { "x-xero-signature": signature }),
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  h.connected = async () => {
    const page = await h.consent(await h.connectLink());
    expect(page.status).toBe(200);
    await h.sources.worker.idle();
  };
  return h;
}
