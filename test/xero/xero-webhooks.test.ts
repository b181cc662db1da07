import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import { examples, sign } from "./fake-xero.ts";
import { useXeroHarness } from "./xero-harness.ts";

const h = useXeroHarness();

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(h.db.db, query);
}

const acme = { id: "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7", name: "ACME Corp" };

/** ACME's organisation connected, one invoice of it in Xero not yet seen by Tact. */
async function connectedWithInvoice(o: { due?: string } = {}) {
  await h.run("/client add acme ACME Corp");
  const org = h.fake.tenant("Demo Company (UK)");
  await h.connected();
  h.clock.advance(60_000);
  const invoice = h.fake.approved(org, "INV-0042", acme, 1200, "2026-11-20", o.due ?? "2026-11-30");
  return { org, invoice };
}

describe(`Xero webhooks (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("passes Xero's intent-to-receive check: 200 with no body when signed with the key, 401 otherwise", async () => {
    const body = JSON.stringify(examples.intentToReceive);
    const good = await h.deliver(body, sign(body));
    expect(good).toEqual({ status: 200, text: "" });
    expect((await h.deliver(body, sign(body, "another key"))).status).toBe(401);
    expect((await h.deliver(body, "not base64 at all!")).status).toBe(401);
    expect((await h.deliver(body, undefined)).status).toBe(401);
    expect((await h.deliver(`${body} `, sign(body))).status).toBe(401);
    expect((await h.request("/xero/webhooks")).status).toBe(405);
  });

  it("lists an invoice Xero announces, then it goes overdue and is paid, each once, whatever is redelivered", async () => {
    const { org, invoice } = await connectedWithInvoice();
    const created = h.fake.webhook([h.fake.invoiceEvent(org, invoice, "CREATE")]);
    for (let i = 0; i < 3; i += 1) expect((await h.deliver(created.body, created.signature)).status).toBe(200);
    await h.sources.worker.idle();
    const listed = await h.say("/client invoices");
    expect(listed).toMatch(/INV-0042 · ACME Corp · €1,200.00 due 30 Nov 2026 · due in 3 days/);

    // Three days after the due date, without any event: overdue.
    h.clock.set("2026-12-03T10:00:00Z");
    expect(await h.say("/client invoices")).toMatch(/INV-0042 .* 3 days overdue/);

    // Part paid, then paid in full; each webhook delivered twice, one of them at once.
    h.fake.pay(org, invoice.InvoiceID, 200, "2026-12-02");
    const part = h.fake.webhook([h.fake.invoiceEvent(org, invoice)]);
    await Promise.all([h.deliver(part.body, part.signature), h.deliver(part.body, part.signature)]);
    await h.sources.worker.idle();
    h.clock.advance(60_000);
    h.fake.pay(org, invoice.InvoiceID, 1000, "2026-12-03");
    const paid = h.fake.webhook([h.fake.invoiceEvent(org, invoice)]);
    await h.deliver(paid.body, paid.signature);
    await h.deliver(paid.body, paid.signature);
    await h.sources.worker.idle();
    const lines = await rows<{ kind: string; amount_minor: number; paid_on: string; source: string }>(
      sql`select kind, amount_minor::int, paid_on::text, source from payments order by id`,
    );
    expect(lines).toEqual([
      { kind: "payment", amount_minor: 20000, paid_on: "2026-12-02", source: "xero" },
      { kind: "payment", amount_minor: 100000, paid_on: "2026-12-03", source: "xero" },
    ]);
    expect(await rows(sql`select number, status from invoices`)).toEqual([{ number: "INV-0042", status: "paid" }]);
    expect(await h.say("/client invoices")).not.toContain("INV-0042");
    const audits = await rows<{ action: string; n: number }>(
      sql`select action, count(*)::int as n from audit_log where action like 'invoice.%' group by action order by action`,
    );
    expect(audits).toEqual([
      { action: "invoice.paid", n: 2 },
      { action: "invoice.recorded", n: 1 },
    ]);
  });

  it("applies a credit note, a due date moved and a void; ignores bills and invoices of organisations nobody connects", async () => {
    const { org, invoice } = await connectedWithInvoice();
    const bill = h.fake.invoice(org, {
      number: "BILL-7",
      contact: acme,
      total: 99,
      date: "2026-11-20",
      due: "2026-11-30",
      Type: "ACCPAY",
      Status: "AUTHORISED",
    });
    const first = h.fake.webhook([
      h.fake.invoiceEvent(org, invoice, "CREATE"),
      h.fake.invoiceEvent(org, bill, "CREATE"),
    ]);
    await h.deliver(first.body, first.signature);
    await h.sources.worker.idle();
    h.clock.advance(60_000);
    h.fake.credit(org, invoice.InvoiceID, 300, "2026-11-26");
    h.fake.update(org, invoice.InvoiceID, {
      DueDate: "/Date(1797206400000+0000)/",
      DueDateString: "2026-12-14T00:00:00",
    });
    const changed = h.fake.webhook([
      {
        ...h.fake.invoiceEvent(org, invoice),
        eventCategory: "CREDITNOTE",
        resourceId: "249f15fa-f2a7-4acc-8769-0984103f2225",
      },
    ]);
    await h.deliver(changed.body, changed.signature);
    await h.sources.worker.idle();
    expect(await h.say("/client invoices")).toMatch(
      /INV-0042 · ACME Corp · €1,200.00 due 14 Dec 2026 .* unpaid €900.00/,
    );
    expect(await rows(sql`select kind, amount_minor::int from payments`)).toEqual([
      { kind: "credit", amount_minor: 30000 },
    ]);
    h.clock.advance(60_000);
    h.fake.update(org, invoice.InvoiceID, { Status: "VOIDED" });
    const voided = h.fake.webhook([h.fake.invoiceEvent(org, invoice)]);
    await h.deliver(voided.body, voided.signature);
    await h.sources.worker.idle();
    expect(await rows(sql`select number, status from invoices`)).toEqual([{ number: "INV-0042", status: "void" }]);

    // An organisation no workspace connects: 200 (Xero would resend for a day), nothing asked.
    const stranger = h.fake.webhook([
      { ...h.fake.invoiceEvent(org, invoice), tenantId: "c2cc9b6e-9458-4c7d-93cc-f02b81b0594f" },
    ]);
    const before = h.fake.callsTo("/api.xro/2.0/Invoices").length;
    expect((await h.deliver(stranger.body, stranger.signature)).status).toBe(200);
    await h.sources.worker.idle();
    expect(h.fake.callsTo("/api.xro/2.0/Invoices").length).toBe(before);
  });

  it("refuses garbage whole: a signed payload that is not Xero's shape writes nothing, an invoice Tact cannot read is skipped", async () => {
    const { org, invoice } = await connectedWithInvoice();
    const before = h.fake.callsTo("/api.xro/2.0/Invoices").length;
    // Well signed but not Xero's shape (one event lacks its tenant): nothing at all is asked.
    const events = [h.fake.invoiceEvent(org, invoice), { ...h.fake.invoiceEvent(org, invoice), tenantId: undefined }];
    const body = JSON.stringify({ events, firstEventSequence: 1, lastEventSequence: 2, entropy: "X" });
    expect(await h.deliver(body, sign(body))).toEqual({ status: 200, text: "" });
    expect(await h.deliver("{not json", sign("{not json"))).toEqual({ status: 200, text: "" });
    await h.sources.worker.idle();
    expect(h.fake.callsTo("/api.xro/2.0/Invoices").length).toBe(before);
    expect(await rows(sql`select id from connections where sync_requested_at is not null`)).toEqual([]);

    // Amounts that do not add up: that invoice is skipped (logged), the other one is recorded.
    const broken = h.fake.invoice(org, {
      number: "INV-BAD",
      contact: acme,
      total: 100,
      date: "2026-11-20",
      due: "2026-11-30",
      Status: "AUTHORISED",
      AmountDue: 40,
    });
    const ok = h.fake.webhook([h.fake.invoiceEvent(org, invoice), h.fake.invoiceEvent(org, broken)]);
    await h.deliver(ok.body, ok.signature);
    await h.sources.worker.idle();
    expect(await rows(sql`select number from invoices`)).toEqual([{ number: "INV-0042" }]);
    expect(
      await rows(
        sql`select external_id from source_objects where kind = 'invoice' and external_id = ${broken.InvoiceID}`,
      ),
    ).toEqual([]);
  });

  it("pauses a connection whose tokens Xero refuses, tells the owner once, and resumes when the owner connects again", async () => {
    const { org, invoice } = await connectedWithInvoice();
    h.fake.revoked = true;
    h.clock.advance(40 * 60_000);
    const event = h.fake.webhook([h.fake.invoiceEvent(org, invoice)]);
    await h.deliver(event.body, event.signature);
    await h.sources.worker.idle();
    const [paused] = await rows<{ pause_reason: string; last_error: string }>(
      sql`select pause_reason, last_error from connections where paused_at is not null`,
    );
    expect(paused).toEqual({
      pause_reason: "tokens-refused",
      last_error: "Xero refused the connection's tokens (expired or revoked)",
    });
    expect(await h.say("/client sync")).toMatch(
      /Paused since 27 Nov 2026, 10:41: it no longer accepts Tact's access .* \/client connect xero resumes it\./,
    );
    // Further webhooks ask nothing of a paused connection.
    const calls = h.fake.requests.length;
    await h.deliver(event.body, event.signature);
    await h.sources.worker.idle();
    expect(h.fake.requests.length).toBe(calls);

    // The scheduler tells the owner by DM, once, however often it ticks.
    const sent: { workspace: string; effect: unknown }[] = [];
    const outbox = {
      platform: "console" as const,
      send: async (to: { externalId: string }, effect: unknown) => void sent.push({ workspace: to.externalId, effect }),
    };
    for (let i = 0; i < 3; i += 1) await runTick({ db: h.db.db, clock: h.clock, log: silentLog, outboxes: [outbox] });
    const notices = sent.filter((s) => JSON.stringify(s.effect).includes("stopped syncing"));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.effect).toMatchObject({ type: "dm", userId: "owner" });
    expect(JSON.stringify(notices[0]?.effect)).toContain("Xero stopped syncing on 27 Nov 2026, 10:41");

    // Connected again (the same organisation): not paused, and the catch-up brings the invoice.
    h.fake.revoked = false;
    await h.connected();
    expect(await rows(sql`select paused_at, backfilled_at is not null as kept from connections`)).toEqual([
      { paused_at: null, kept: true },
    ]);
    expect(await h.say("/client invoices")).toContain("INV-0042");
  });

  it("asks again after a cut connection, waits out a short Retry-After, respects a long one, and retries Xero's errors with backoff", async () => {
    const { org, invoice } = await connectedWithInvoice();
    // A connection cut once (a kept-alive socket closed under Tact) is asked again at once.
    h.fake.failures.push({ status: 0 });
    h.fake.failures.push({ status: 429, headers: { "retry-after": "7", "x-rate-limit-problem": "minute" } });
    const event = h.fake.webhook([h.fake.invoiceEvent(org, invoice)]);
    await h.deliver(event.body, event.signature);
    await h.sources.worker.idle();
    expect(h.slept).toEqual([7000]);
    expect(await h.say("/client invoices")).toContain("INV-0042");

    h.clock.advance(60_000);
    h.fake.failures.push({ status: 429, headers: { "retry-after": "3600", "x-rate-limit-problem": "day" } });
    await h.deliver(event.body, event.signature);
    await h.sources.worker.idle();
    const [limited] = await rows<{ next: string; last_error: string }>(
      sql`select to_char(next_sync_at at time zone 'UTC', 'HH24:MI') as next, last_error from connections`,
    );
    expect(limited).toEqual({ next: "11:02", last_error: "Xero asked to slow down (rate limit)" });

    h.clock.set("2026-11-27T11:02:00Z");
    h.fake.failures.push({ status: 503 });
    expect(await h.sources.worker.runDue()).toMatchObject({ failed: 1 });
    expect(await h.say("/client digest")).toMatch(
      /Xero sync failing since 27 Nov 2026, 10:02: Xero answered with an error 503/,
    );
    const [backoff] = await rows<{ next: string }>(
      sql`select to_char(next_sync_at at time zone 'UTC', 'HH24:MI') as next from connections`,
    );
    expect(backoff?.next).toBe("11:12");
  });
});
