import { describe, expect, it } from "vitest";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { useTactProcessWithSlack } from "../support/tact-process-with-slack.ts";
import { FakeStripeApi, signedEvent } from "./fake-stripe-api.ts";
import { STRIPE_KEY, WEBHOOK_SECRET } from "./stripe-harness.ts";

const now = () => Math.floor(Date.now() / 1000);

/**
 * `npm start` in Slack HTTP mode with STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and
 * STRIPE_API_URL pointing at the fake: signed Stripe events in, the invoice in
 * /client invoices, overdue, alerted and paid, each exactly once whatever is redelivered.
 * It waits for the scheduler's minute ticks, so it takes one to two minutes.
 */
describe.skipIf(repeatedInPostgresPass)("npm start with Slack and Stripe settings", () => {
  let stripe: FakeStripeApi;
  const tact = useTactProcessWithSlack(
    "stripe",
    async () => {
      stripe = await FakeStripeApi.start([STRIPE_KEY]);
      return { STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url };
    },
    async () => stripe?.close(),
  );
  const { command } = tact;

  async function deliver(event: Record<string, unknown> & { id: string; created: number }): Promise<number> {
    const signed = signedEvent(event, WEBHOOK_SECRET);
    const res = await fetch(`http://127.0.0.1:${tact.port}/stripe/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signed.signature },
      body: signed.body,
    });
    return res.status;
  }

  const alertsFor = (number: string) =>
    tact.slack
      .callsTo("chat.postMessage")
      .filter((c) => JSON.stringify(c.args).includes(number) && !JSON.stringify(c.args).includes("Daily digest"));

  it("receives signed Stripe events: the invoice is listed, goes overdue, is alerted and is paid, each once", async () => {
    expect(await command("add acme ACME Corp")).toContain("Added ACME Corp (acme)");
    await command("config channel here");
    await command("config days mon-sun");
    // The next minute: a workspace made today starts with the first digest time still ahead.
    const next = new Date(Date.now() + 60_000).toISOString().slice(11, 16);
    await command(`config digest ${next} UTC`);

    const customer = stripe.customer({ name: "ACME Corp" });
    const invoice = stripe.invoiceOf(customer, "PROC-1", 250000, now() - 40 * 86400, now() - 10 * 86400);
    const finalized = stripe.event("invoice.finalized", invoice, now() - 40 * 86400);
    for (let i = 0; i < 3; i += 1) expect(await deliver(finalized)).toBe(200);
    const listed = await command("invoices");
    expect(listed).toContain("PROC-1");
    expect(listed).toMatch(/Open invoices \(1\)/);
    expect(listed).toMatch(/10 days overdue/);

    // The scheduler's next minute: the alert for the first reminder, once.
    await tact.slack
      .waitFor(() => alertsFor("PROC-1").length > 0, 150_000)
      .catch((e) => {
        throw new Error(`no alert; Tact logged:\n${tact.tail()}`, { cause: e });
      });
    for (let i = 0; i < 2; i += 1) expect(await deliver(finalized)).toBe(200);
    expect(alertsFor("PROC-1")).toHaveLength(1);

    const paid = stripe.update(invoice.id, {
      status: "paid",
      amount_paid: 250000,
      status_transitions: { finalized_at: now() - 40 * 86400, paid_at: now() - 60 },
    });
    const paidEvent = stripe.event("invoice.paid", paid, now() - 60);
    for (let i = 0; i < 3; i += 1) expect(await deliver(paidEvent)).toBe(200);
    expect(await deliver(stripe.event("invoice.payment_succeeded", paid, now() - 60))).toBe(200);
    expect(await command("invoices")).not.toContain("PROC-1");
    const card = await command("show acme");
    expect(card).toMatch(/paid 10 days late|late payment/);
    expect(alertsFor("PROC-1")).toHaveLength(1);
  }, 240_000);
});
