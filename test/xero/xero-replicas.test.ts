import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadAccountingApi } from "../../connectors/xero/xero-accounting.ts";
import { xeroConnector } from "../../connectors/xero/xero-connector.ts";
import { xeroEndpoints } from "../../connectors/xero/xero-endpoints.ts";
import { xeroWebhookRoute } from "../../connectors/xero/xero-webhook-route.ts";
import type { Database } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { FixedClock } from "../../src/clock.ts";
import { createSources, type SourceServices } from "../../src/connectors/create-sources.ts";
import { oauthCallbackRoute } from "../../src/connectors/oauth-callback-route.ts";
import { createCore } from "../../src/core/create-core.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { createSecretBox } from "../../src/secrets/secret-box.ts";
import { everyCommand } from "../support/every-command.ts";
import { effectsText, invocation, silentLog } from "../support/harness.ts";
import { openTwoPools, type TwoPools } from "../support/two-pools.ts";
import { CLIENT_ID, CLIENT_SECRET, FakeXero, WEBHOOK_KEY } from "./fake-xero.ts";

const templateUrl = inject("pgTemplateUrl");
const acme = { id: "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7", name: "ACME Corp" };

/**
 * Two replicas of Tact behind a load balancer, each with its own runtime, sync worker and HTTP
 * server, and on PostgreSQL its own connection pool to the one database. Xero delivers the same
 * webhooks to both at once, many times over, and both workers run at once.
 */
describe(`two replicas receiving the same Xero webhooks (${templateUrl ? "postgres" : "pglite"})`, () => {
  const clock = new FixedClock("2026-11-27T10:00:00Z");
  const box = createSecretBox(randomBytes(32));
  let fake: FakeXero;
  let pools: TwoPools | undefined;
  const servers: HttpServer[] = [];
  const ports: number[] = [];
  const replicas: SourceServices[] = [];
  let db: Database["db"];

  beforeAll(async () => {
    await loadAccountingApi();
    pools = await openTwoPools(6);
    const { databases } = pools;
    db = databases[0].db;
    for (const _ of databases) {
      const http = createHttpServer(silentLog);
      ports.push(await http.listen(0, "127.0.0.1"));
      servers.push(http);
    }
    // The load balancer's address is the redirect URI; replica 0 answers it here.
    const redirectUri = `http://127.0.0.1:${ports[0]}/xero/callback`;
    fake = await FakeXero.start({ redirectUri, now: () => clock.now().getTime() });
    for (const [i, database] of databases.entries()) {
      const services = { db: database.db, clock, log: silentLog, dataDir: "/tmp/tact-test-data", secrets: box };
      const connector = xeroConnector({
        app: {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUri,
          endpoints: xeroEndpoints({ apiUrl: fake.url, identityUrl: fake.url }),
        },
        pageSize: 5,
      });
      const sources = createSources({
        services,
        clock,
        sources: [{ connector, settings: undefined }],
        box,
        platforms: ["console"],
        schedule: false,
      });
      replicas.push(sources);
      const http = servers[i] as HttpServer;
      if (connector.oauth)
        http.route("/xero/callback", oauthCallbackRoute({ ...services, sources }, "xero", connector.oauth));
      http.route("/xero/webhooks", xeroWebhookRoute(sources, { webhookKey: WEBHOOK_KEY }));
      if (i === 0) {
        const core = createCore({ ...services, sources, ...everyCommand });
        await core.handle(invocation("/client add acme ACME Corp"));
        const org = fake.tenant("Demo Company (UK)");
        fake.approved(org, "OPEN-1", acme, 10, "2026-11-01", "2026-11-30");
        const dm = effectsText(
          (await core.handle(invocation("/client connect xero"))).effects.filter((e) => e.type === "dm"),
        );
        const link = /(http:\/\/\S+\/connect\/authorize\?\S+)/.exec(dm)?.[1] ?? "";
        const callback = (await fetch(link, { redirect: "manual" })).headers.get("location") ?? "";
        expect((await fetch(callback)).status).toBe(200);
        await sources.worker.idle();
      }
    }
  });

  afterAll(async () => {
    for (const r of replicas) await r.worker.stop();
    for (const s of servers) await s.close(100);
    await fake?.close();
    await pools?.close();
  });

  it("records each invoice once and each payment once, however many deliveries and syncs race", async () => {
    const org = [...fake.tenants.values()][0];
    if (!org) throw new Error("no organisation");
    expect(await queryRows(db, sql`select number from invoices`)).toEqual([{ number: "OPEN-1" }]);
    clock.advance(60_000);
    const invoices = Array.from({ length: 4 }, (_, i) =>
      fake.approved(org, `RACE-${i}`, acme, 100, "2026-11-01", "2026-11-20"),
    );
    const post = (replica: number, d: { body: string; signature: string }) =>
      fetch(`http://127.0.0.1:${ports[replica]}/xero/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-xero-signature": d.signature },
        body: d.body,
      }).then((r) => r.status);
    const created = fake.webhook(invoices.map((i) => fake.invoiceEvent(org, i, "CREATE")));
    // The same delivery to both replicas, three times each, all at once; both workers sync at once too.
    const statuses = await Promise.all([0, 1, 0, 1, 0, 1].map((r) => post(r, created)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await Promise.all([...replicas.map((r) => r.worker.runDue()), ...replicas.map((r) => r.worker.runDue())]);
    await Promise.all(replicas.map((r) => r.worker.idle()));

    clock.advance(60_000);
    for (const i of invoices) fake.pay(org, i.InvoiceID, 100, "2026-11-26");
    const paid = fake.webhook(invoices.map((i) => fake.invoiceEvent(org, i)));
    await Promise.all([0, 1, 0, 1].map((r) => post(r, paid)));
    await Promise.all([...replicas.map((r) => r.worker.runDue()), ...replicas.map((r) => r.worker.runDue())]);
    await Promise.all(replicas.map((r) => r.worker.idle()));
    // A catch-up run again by each (a replica restarted): nothing more.
    for (const r of replicas)
      await r.worker.runDue({
        only: (await queryRows<{ id: string }>(db, sql`select id from connections`))[0]?.id ?? "",
      });

    const [row] = await queryRows<{ invoices: number; paid: number; payments: number; sum: number; recorded: number }>(
      db,
      sql`select (select count(*)::int from invoices where number like 'RACE-%') as invoices,
        (select count(*)::int from invoices where number like 'RACE-%' and status = 'paid') as paid,
        (select count(*)::int from payments) as payments,
        (select sum(amount_minor)::int from payments) as sum,
        (select count(*)::int from audit_log where action = 'invoice.recorded') as recorded`,
    );
    expect(row).toEqual({ invoices: 4, paid: 4, payments: 4, sum: 40000, recorded: 5 });
  }, 60_000);
});
