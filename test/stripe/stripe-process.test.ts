import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { OWNER, SIGNING_SECRET, TEAM, USERS } from "../slack/slack-harness.ts";
import { OFFLINE_RATES } from "../support/offline-rates.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { send, slackCommand } from "../support/signed-requests.ts";
import { FakeStripeApi, signedEvent } from "./fake-stripe-api.ts";
import { STRIPE_KEY, WEBHOOK_SECRET } from "./stripe-harness.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const now = () => Math.floor(Date.now() / 1000);

/**
 * `npm start` in Slack HTTP mode with STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and
 * STRIPE_API_URL pointing at the fake: signed Stripe events in, the invoice in
 * /client invoices, overdue, alerted and paid, each exactly once whatever is redelivered.
 * It waits for the scheduler's minute ticks, so it takes one to two minutes.
 */
describe.skipIf(repeatedInPostgresPass)("npm start with Slack and Stripe settings", () => {
  let slack: FakeSlackApi;
  let stripe: FakeStripeApi;
  let dataDir: string;
  let child: ChildProcess | undefined;
  let port = 0;
  let seq = 0;
  const logs: string[] = [];

  beforeAll(async () => {
    slack = await FakeSlackApi.start({ teamId: TEAM, users: USERS });
    stripe = await FakeStripeApi.start([STRIPE_KEY]);
    dataDir = await mkdtemp(path.join(tmpdir(), "tact-stripe-"));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...OFFLINE_RATES,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: "0",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-process-token",
      SLACK_API_URL: slack.apiUrl,
      STRIPE_SECRET_KEY: STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    };
    const started = spawn(tsx, ["src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    let out = "";
    port = await new Promise<number>((resolve, reject) => {
      started.stdout?.on("data", (d) => {
        out += d;
        logs.push(String(d));
        const ready = /"port":(\d+)[^\n]*Tact is ready|Tact is ready[^\n]*"port":(\d+)/.exec(out);
        if (ready) resolve(Number(ready[1] ?? ready[2]));
      });
      started.on("close", () => reject(new Error(`Tact exited before it was ready:\n${out}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.on("close", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await slack?.close();
    await stripe?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A slash command through Slack, signed; resolves with what Tact answered. */
  async function command(text: string): Promise<string> {
    const id = `cmd-${++seq}`;
    const fields = {
      team_id: TEAM,
      channel_id: "C0GENERAL",
      user_id: OWNER,
      user_name: "dana",
      text,
      response_url: slack.responseUrl(id),
      trigger_id: `1.2.${id}`,
    };
    const res = await send(`http://127.0.0.1:${port}`, slackCommand(SIGNING_SECRET, fields, new Date(now() * 1000)));
    expect(res.status).toBe(200);
    const acked = await res.text();
    if (acked.trim().startsWith("{")) {
      const json = JSON.parse(acked) as { text?: string; blocks?: unknown };
      if (json.text || json.blocks) return JSON.stringify(json);
    }
    await slack.waitFor((f) => f.responses.some((r) => r.id === id));
    return JSON.stringify(slack.responses.find((r) => r.id === id)?.body);
  }

  async function deliver(event: Record<string, unknown> & { id: string; created: number }): Promise<number> {
    const signed = signedEvent(event, WEBHOOK_SECRET);
    const res = await fetch(`http://127.0.0.1:${port}/stripe/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signed.signature },
      body: signed.body,
    });
    return res.status;
  }

  const alertsFor = (number: string) =>
    slack
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
    const invoice = stripe.invoice({
      customer: customer.id,
      customer_name: "ACME Corp",
      number: "PROC-1",
      total: 250000,
      created: now() - 40 * 86400,
      due_date: now() - 10 * 86400,
    });
    const finalized = stripe.event("invoice.finalized", invoice, now() - 40 * 86400);
    for (let i = 0; i < 3; i += 1) expect(await deliver(finalized)).toBe(200);
    const listed = await command("invoices");
    expect(listed).toContain("PROC-1");
    expect(listed).toMatch(/Open invoices \(1\)/);
    expect(listed).toMatch(/10 days overdue/);

    // The scheduler's next minute: the alert for the first reminder, once.
    await slack
      .waitFor(() => alertsFor("PROC-1").length > 0, 150_000)
      .catch((e) => {
        throw new Error(`no alert; Tact logged:\n${logs.join("").slice(-3000)}`, { cause: e });
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
