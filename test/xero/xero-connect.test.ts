import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useXeroHarness } from "./xero-harness.ts";

const h = useXeroHarness();

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(h.db.db, query);
}

const acme = { id: "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7", name: "ACME Corp" };
const globex = { id: "5cc8cf28-567e-4d43-b287-687cfcaec47c", name: "Globex" };

describe(`/client connect xero (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("sends the owner a link by DM, connects through Xero's consent, seals the tokens and backfills the open invoices page by page", async () => {
    await h.run("/client add acme ACME Corp");
    const org = h.fake.tenant("Demo Company (UK)");
    for (let i = 1; i <= 7; i += 1) {
      h.fake.approved(org, `INV-${i}`, i <= 5 ? acme : globex, 100 * i, "2026-10-01", "2026-10-31");
    }
    const paid = h.fake.invoice(org, {
      number: "INV-P",
      contact: acme,
      total: 80,
      date: "2026-06-01",
      due: "2026-06-30",
    });
    h.fake.pay(org, paid.InvoiceID, 80, "2026-07-10");
    const old = h.fake.invoice(org, {
      number: "INV-OLD",
      contact: acme,
      total: 90,
      date: "2025-06-01",
      due: "2025-06-30",
    });
    h.fake.pay(org, old.InvoiceID, 90, "2025-07-01");
    h.fake.invoice(org, {
      number: "BILL-1",
      contact: acme,
      total: 50,
      date: "2026-10-01",
      due: "2026-10-31",
      Type: "ACCPAY",
    });
    h.fake.invoice(org, {
      number: "DRAFT-1",
      contact: acme,
      total: 60,
      date: "2026-10-01",
      due: "2026-10-31",
      Status: "DRAFT",
    });

    // Owner only; the link goes by DM, never in the channel.
    expect(await h.say("/client connect xero", { user: "sam" })).toMatch(/Only the workspace owner/);
    const effects = await h.run("/client connect xero");
    expect(effects.map((e) => e.type)).toEqual(["dm", "reply"]);
    expect(effects[0]).toMatchObject({ type: "dm", userId: "owner" });
    const link = await h.connectLink();
    const url = new URL(link);
    expect(url.searchParams.get("client_id")).toBe("0123456789ABCDEF0123456789ABCDEF");
    expect(url.searchParams.get("scope")).toBe("offline_access accounting.invoices.read");
    expect(url.searchParams.get("redirect_uri")).toBe(`http://127.0.0.1:${h.port}/xero/callback`);
    const state = url.searchParams.get("state") ?? "";
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only a hash of the state is stored.
    expect(await rows(sql`select id from oauth_states where id = ${state}`)).toEqual([]);

    const page = await h.consent(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Xero is connected: Demo Company (UK).");
    // The same callback again (a reload, or someone who copied it): refused, nothing changes.
    const again = await h.request(new URL(page.callback).pathname + new URL(page.callback).search);
    expect(again.status).toBe(400);
    expect(again.text).toContain("This link is not valid");

    const [connection] = await rows<{ id: string; secrets: string; account_id: string; account_name: string }>(
      sql`select id, secrets, account_id, account_name from connections`,
    );
    expect(connection).toMatchObject({ account_id: org.id, account_name: "Demo Company (UK)" });
    expect(connection?.secrets).toMatch(/^tact:v1:/);
    const token = h.fake.callsTo("/connections")[0]?.headers.authorization ?? "";
    expect(token).toMatch(/^Bearer xat_/);
    expect(connection?.secrets).not.toContain(token.slice(7));

    // The backfill ran: the open invoices, every page, and those paid in the last 12 months.
    await h.sources.worker.idle();
    const listings = h.fake.callsTo("/api.xro/2.0/Invoices");
    expect(listings.every((r) => r.headers["xero-tenant-id"] === org.id)).toBe(true);
    expect(listings.map((r) => [r.query.get("Statuses"), r.query.get("page"), r.query.get("where")])).toEqual([
      ["AUTHORISED", "1", 'Type=="ACCREC"'],
      ["AUTHORISED", "2", 'Type=="ACCREC"'],
      ["PAID", "1", 'Type=="ACCREC" AND Date>=DateTime(2025,11,27)'],
    ]);
    const recorded = await rows<{ number: string; status: string }>(
      sql`select number, status from invoices order by number`,
    );
    expect(recorded).toEqual([
      { number: "INV-1", status: "open" },
      { number: "INV-2", status: "open" },
      { number: "INV-3", status: "open" },
      { number: "INV-4", status: "open" },
      { number: "INV-5", status: "open" },
      { number: "INV-P", status: "paid" },
    ]);
    const unlinked = await h.say("/client unlinked");
    expect(unlinked).toContain(`Xero customer ${globex.id} (Globex)`);
    expect(unlinked).toContain("INV-6 · €600.00 due 31 Oct 2026 · open");
    const status = await h.say("/client sync");
    expect(status).toContain("Xero (connected with /client connect)");
    expect(status).toContain("Organisation: Demo Company (UK).");
    expect(status).toContain("Invoices: 8 seen, 6 recorded, 2 waiting.");
    expect(status).toContain("/xero/webhooks");
    const audit = await rows<{ action: string; details: string }>(
      sql`select action, details::text from audit_log where action like 'source.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "source.connect-started",
      "source.connect-started",
      "source.connected",
      "source.customer-linked",
    ]);
    expect(audit.some((a) => a.details.includes("xat_") || a.details.includes("xrt_"))).toBe(false);
  });

  it("asks the owner which organisation when the access covers several, on a page used once", async () => {
    h.fake.tenant("Demo Company (UK)");
    const second = h.fake.tenant("Demo Company (NZ)");
    const page = await h.consent(await h.connectLink());
    expect(page.status).toBe(200);
    expect(page.html).toContain("Which Xero organisation?");
    expect(page.html).toContain("Demo Company (NZ)");
    expect(await rows(sql`select id from connections`)).toEqual([]);
    const choice = /name="choice" value="([^"]+)"/.exec(page.html)?.[1] ?? "";
    const post = (account: string) =>
      h.request("/xero/callback", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ choice, account }).toString(),
      });
    const chosen = await post(second.id);
    expect(chosen.status).toBe(200);
    expect(chosen.text).toContain("Xero is connected: Demo Company (NZ).");
    expect((await post(second.id)).status).toBe(400);
    expect(await rows(sql`select account_id, account_name from connections`)).toEqual([
      { account_id: second.id, account_name: "Demo Company (NZ)" },
    ]);
  });

  it("refuses a link that expired, one whose requester is no longer the owner, and connects nothing when access is denied", async () => {
    h.fake.tenant("Demo Company (UK)");
    const expired = await h.connectLink();
    h.clock.advance(11 * 60_000);
    const late = await h.consent(expired);
    expect(late.status).toBe(400);
    expect(late.html).toContain("has expired");

    h.fake.deny = true;
    const denied = await h.consent(await h.connectLink());
    expect(denied.html).toContain("Xero was not connected: access was not allowed.");
    h.fake.deny = false;

    const link = await h.connectLink();
    await h.run("/client list", { user: "sam" });
    expect(await h.say("/client config owner @sam")).toContain("sam");
    const handedOver = await h.consent(link);
    expect(handedOver.status).toBe(403);
    expect(handedOver.html).toContain("Only the workspace owner can connect Xero");
    expect(await rows(sql`select id from connections`)).toEqual([]);
    // A state that never existed, and none at all.
    expect((await h.request("/xero/callback?code=x&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(400);
    expect((await h.request("/xero/callback")).status).toBe(400);
  });

  it("refreshes the tokens before they expire and stores the rotated refresh token first", async () => {
    await h.run("/client add acme ACME Corp");
    const org = h.fake.tenant("Demo Company (UK)");
    await h.connected();
    const [before] = await rows<{ secrets: string }>(sql`select secrets from connections`);
    const sealedBefore = before?.secrets;
    h.fake.approved(org, "INV-9", acme, 250, "2026-11-20", "2026-12-20");
    // 26 minutes later the access token has less than 5 minutes left: refreshed, then used.
    h.clock.advance(26 * 60_000);
    expect(await h.say("/client sync now")).toContain("Catch-up started for Xero");
    await h.sources.worker.idle();
    const grants = h.fake.callsTo("/connect/token").map((r) => new URLSearchParams(r.body).get("grant_type"));
    expect(grants).toEqual(["authorization_code", "refresh_token"]);
    const [after] = await rows<{ secrets: string }>(sql`select secrets from connections`);
    expect(after?.secrets).not.toBe(sealedBefore);
    expect(await h.say("/client invoices")).toContain("INV-9");
    // The catch-up asked for what changed since the backfill (10 minutes' overlap).
    const last = h.fake.callsTo("/api.xro/2.0/Invoices").at(-1);
    expect(last?.headers["if-modified-since"]).toBe("2026-11-27T09:50:00.000Z");
    // And the next refresh uses the rotated token (the fake refuses a spent one).
    h.clock.advance(26 * 60_000);
    await h.say("/client sync now");
    await h.sources.worker.idle();
    expect(await rows(sql`select paused_at from connections where paused_at is not null`)).toEqual([]);
    expect(h.fake.callsTo("/connect/token")).toHaveLength(3);
  });
});
