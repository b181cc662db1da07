import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { stripeConnector } from "../../connectors/stripe/stripe-connector.ts";
import { stripeWebhookRoute } from "../../connectors/stripe/stripe-webhook-route.ts";
import type { Database } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { FixedClock } from "../../src/clock.ts";
import { createSources } from "../../src/connectors/create-sources.ts";
import { createCore } from "../../src/core/create-core.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { createSecretBox } from "../../src/secrets/secret-box.ts";
import { everyCommand } from "../support/every-command.ts";
import { invocation, silentLog } from "../support/harness.ts";
import { openTwoPools, type TwoPools } from "../support/two-pools.ts";
import { FakeStripeApi, signedEvent } from "./fake-stripe-api.ts";
import { STRIPE_KEY, WEBHOOK_SECRET } from "./stripe-harness.ts";

const templateUrl = inject("pgTemplateUrl");
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * Two replicas of Tact behind a load balancer: each its own runtime and HTTP server, and on
 * PostgreSQL its own connection pool to the one database. Stripe delivers the same events to
 * both at once, many times over.
 */
describe(`two replicas receiving the same Stripe webhooks (${templateUrl ? "postgres" : "pglite"})`, () => {
  const clock = new FixedClock("2026-11-27T10:00:00Z");
  const box = createSecretBox(randomBytes(32));
  let fake: FakeStripeApi;
  let pools: TwoPools | undefined;
  const servers: HttpServer[] = [];
  const ports: number[] = [];
  let db: Database["db"];

  beforeAll(async () => {
    fake = await FakeStripeApi.start([STRIPE_KEY]);
    pools = await openTwoPools(6);
    const { databases } = pools;
    db = databases[0].db;
    for (const database of databases) {
      const services = { db: database.db, clock, log: silentLog, dataDir: "/tmp/tact-test-data" };
      const sources = createSources({
        services,
        clock,
        sources: [
          {
            connector: stripeConnector({ apiUrl: fake.url }),
            settings: { source: "stripe", secrets: { apiKey: STRIPE_KEY, webhookSecret: WEBHOOK_SECRET } },
          },
        ],
        box,
        platforms: ["console"],
        schedule: false,
      });
      if (servers.length === 0) {
        const core = createCore({ ...services, sources, ...everyCommand });
        await core.handle(invocation("/client add acme ACME Corp"));
      }
      const http = createHttpServer(silentLog);
      http.route("/stripe/webhooks", stripeWebhookRoute(sources.runtime, { now: () => clock.now().getTime() }));
      ports.push(await http.listen(0, "127.0.0.1"));
      servers.push(http);
    }
  });

  afterAll(async () => {
    for (const s of servers) await s.close(100);
    await fake?.close();
    await pools?.close();
  });

  it("records each invoice once and each payment once, however many deliveries race", async () => {
    const customer = fake.customer({ name: "ACME Corp" });
    const invoices = Array.from({ length: 5 }, (_, i) =>
      fake.invoiceOf(customer, `RACE-${i}`, 10000, at("2026-11-01T09:00:00Z"), at("2026-11-20T09:00:00Z")),
    );
    const deliveries: { body: string; signature: string }[] = [];
    for (const invoice of invoices) {
      const paid = { ...invoice, status: "paid", amount_paid: 10000 };
      const part = { ...invoice, amount_paid: 4000 };
      for (const [type, object, when] of [
        ["invoice.finalized", invoice, "2026-11-01T09:00:00Z"],
        ["invoice.payment_succeeded", part, "2026-11-10T09:00:00Z"],
        ["invoice.paid", paid, "2026-11-12T09:00:00Z"],
      ] as const) {
        const event = fake.event(type, object as typeof invoice, at(when));
        deliveries.push(signedEvent(event, WEBHOOK_SECRET, at("2026-11-27T10:00:00Z")));
      }
    }
    // Every event to both replicas, three times each, all at once.
    const posts = deliveries.flatMap((d) =>
      [0, 1, 0, 1, 0, 1].map((replica) =>
        fetch(`http://127.0.0.1:${ports[replica]}/stripe/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": d.signature },
          body: d.body,
        }).then((r) => r.status),
      ),
    );
    const statuses = await Promise.all(posts);
    // A delivery may fail on a deadlock or a lost race (500: Stripe resends it); none is applied twice.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    // A delivery may also time out waiting for the pool (503): Stripe resends it as well.
    expect(statuses.every((s) => s === 200 || s === 500 || s === 503)).toBe(true);
    // Stripe resends what failed: once more each, one at a time.
    for (const d of deliveries) {
      const res = await fetch(`http://127.0.0.1:${ports[0]}/stripe/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": d.signature },
        body: d.body,
      });
      expect(res.status).toBe(200);
    }
    const [row] = await queryRows<{ invoices: number; payments: number; paid: number; sum: number; audits: number }>(
      db,
      sql`select (select count(*)::int from invoices) as invoices,
        (select count(*)::int from payments) as payments,
        (select count(*)::int from invoices where status = 'paid') as paid,
        (select sum(amount_minor)::int from payments) as sum,
        (select count(*)::int from audit_log where action = 'invoice.recorded') as audits`,
    );
    expect(row).toEqual({ invoices: 5, paid: 5, sum: 50000, audits: 5, payments: expect.any(Number) });
    expect(row?.payments).toBeGreaterThanOrEqual(5);
    expect(row?.payments).toBeLessThanOrEqual(10);
  }, 60_000);
});
