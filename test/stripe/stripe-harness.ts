import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { stripeConnector } from "../../connectors/stripe/stripe-connector.ts";
import { stripeWebhookRoute } from "../../connectors/stripe/stripe-webhook-route.ts";
import { FixedClock } from "../../src/clock.ts";
import { createSources, type SourceServices } from "../../src/connectors/create-sources.ts";
import { type Core, createCore } from "../../src/core/create-core.ts";
import type { Effect } from "../../src/core/effects.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { createSecretBox } from "../../src/secrets/secret-box.ts";
import { everyCommand } from "../support/every-command.ts";
import { type As, effectsText, invocation, silentLog } from "../support/harness.ts";
import { openTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { FakeStripeApi, signedEvent } from "./fake-stripe-api.ts";

export const STRIPE_KEY = "sk_test_tact123456";
export const WEBHOOK_SECRET = "whsec_tacttestsecret123";

export interface StripeHarness {
  db: TestDatabase;
  clock: FixedClock;
  core: Core;
  sources: SourceServices;
  fake: FakeStripeApi;
  http: HttpServer;
  port: number;
  run(line: string, as?: As): Promise<Effect[]>;
  say(line: string, as?: As): Promise<string>;
  /** Posts an event to /stripe/webhooks[/id], signed with `secret` (default the settings' one). */
  deliver(
    event: Record<string, unknown> & { id: string; created: number },
    options?: { path?: string; secret?: string; timestamp?: number; signature?: string },
  ): Promise<{ status: number; text: string }>;
  /** Seconds since 1970 on the test clock. */
  nowS(): number;
}

/**
 * Tact with Stripe from the settings (STRIPE_SECRET_KEY…), on the console workspace, a fixed
 * clock, the fake Stripe API and the real webhook route on a real HTTP server.
 */
export function useStripeHarness(options: { start?: string; settings?: boolean } = {}): StripeHarness {
  const start = options.start ?? "2026-11-27T10:00:00Z";
  const h = {} as StripeHarness;
  beforeAll(async () => {
    h.db = await openTestDatabase();
    h.clock = new FixedClock(start);
    h.fake = await FakeStripeApi.start([STRIPE_KEY, "sk_test_otherworkspace1"]);
    const services = { db: h.db.db, clock: h.clock, log: silentLog, dataDir: "/tmp/tact-test-data" };
    h.sources = createSources({
      services,
      clock: h.clock,
      sources: [
        {
          connector: stripeConnector({ apiUrl: h.fake.url }),
          settings:
            options.settings === false
              ? undefined
              : { source: "stripe", secrets: { apiKey: STRIPE_KEY, webhookSecret: WEBHOOK_SECRET } },
        },
      ],
      box: createSecretBox(randomBytes(32)),
      platforms: ["console"],
      schedule: false,
    });
    h.core = createCore({ ...services, sources: h.sources, ...everyCommand });
    h.http = createHttpServer(silentLog);
    h.http.route("/stripe/webhooks", stripeWebhookRoute(h.sources.runtime, { now: () => h.clock.now().getTime() }));
    h.port = await h.http.listen(0, "127.0.0.1");
  });
  beforeEach(async () => {
    await h.sources.worker.idle();
    await h.db.reset();
    h.fake.reset();
    h.clock.set(start);
  });
  afterAll(async () => {
    await h.sources?.worker.stop();
    await h.http?.close(100);
    await h.fake?.close();
    await h.db?.close();
  });
  h.run = async (line, as = {}) => (await h.core.handle(invocation(line, as))).effects;
  h.say = async (line, as = {}) => effectsText(await h.run(line, as));
  h.nowS = () => Math.floor(h.clock.now().getTime() / 1000);
  h.deliver = async (event, o = {}) => {
    const signed = signedEvent(event, o.secret ?? WEBHOOK_SECRET, o.timestamp ?? h.nowS());
    const res = await fetch(`http://127.0.0.1:${h.port}${o.path ?? "/stripe/webhooks"}`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": o.signature ?? signed.signature },
      body: signed.body,
    });
    return { status: res.status, text: await res.text() };
  };
  return h;
}
