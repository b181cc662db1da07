import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { effectsText, invocation } from "../support/harness.ts";
import { useStripeHarness } from "./stripe-harness.ts";

const h = useStripeHarness({ settings: false });
const OTHER_KEY = "sk_test_otherworkspace1";

function submit(values: Record<string, string>, user = "owner") {
  const input = { kind: "form", formId: "connect-source:stripe", values } as const;
  return h.core.handle({ ...invocation("x", { user }), input }).then((r) => r.effects);
}

describe("/client connect stripe (several workspaces)", () => {
  it("opens a private form for the owner only, checks the key with Stripe, stores it encrypted, and serves the connection's own webhook", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client connect stripe", { user: "sam" })).toMatch(/Only the workspace owner/);
    const [form] = await h.run("/client connect stripe");
    expect(form).toMatchObject({ type: "form", form: { id: "connect-source:stripe" } });
    expect(form?.type === "form" && form.form.fields.map((f) => f.id)).toEqual(["apiKey", "webhookSecret"]);

    // Someone else submitting the form (forged) is refused too; bad keys are refused; nothing is written.
    expect(effectsText(await submit({ apiKey: OTHER_KEY }, "sam"))).toMatch(/Only the workspace owner/);
    expect(effectsText(await submit({ apiKey: "pk_test_publishable12345" }))).toMatch(/not a Stripe secret key/);
    expect(effectsText(await submit({ apiKey: "sk_test_revokedkey123456" }))).toMatch(
      /Stripe did not accept this key \(Stripe refused the secret key/,
    );
    expect(await queryRows(h.db.db, sql`select id from connections`)).toEqual([]);

    const before = h.fake.requests.length;
    const answer = effectsText(await submit({ apiKey: OTHER_KEY }));
    expect(answer).toContain("Stripe is connected.");
    const [row] = await queryRows<{ id: string; secrets: string }>(h.db.db, sql`select id, secrets from connections`);
    expect(answer).toContain(`/stripe/webhooks/${row?.id}`);
    expect(row?.secrets).toMatch(/^tact:v1:/);
    expect(row?.secrets).not.toContain(OTHER_KEY);

    // The webhook secret, added afterwards; the key stays.
    expect(effectsText(await submit({ apiKey: "", webhookSecret: "whsec_workspaceone123" }))).toContain(
      "Webhook ready",
    );
    // Connecting started the backfill in the background.
    await h.sources.worker.idle();
    const backfill = h.fake.requests.slice(before);
    expect(backfill.some((r) => r.path === "/v1/invoices" && r.query.has("created[gte]"))).toBe(true);
    expect(backfill.every((r) => r.authorization === `Bearer ${OTHER_KEY}`)).toBe(true);
    const customer = h.fake.customer({ name: "ACME Corp" });
    const invoice = h.fake.invoice({ customer: customer.id, customer_name: "ACME Corp", number: "MW-1", total: 700 });
    const event = h.fake.event("invoice.finalized", invoice, h.nowS());
    expect((await h.deliver(event, { path: `/stripe/webhooks/${row?.id}` })).status).toBe(400);
    expect(
      (await h.deliver(event, { path: `/stripe/webhooks/${row?.id}`, secret: "whsec_workspaceone123" })).status,
    ).toBe(200);
    // The settings' endpoint does not exist in this deployment.
    expect((await h.deliver(event, { secret: "whsec_workspaceone123" })).status).toBe(404);
    expect(await h.say("/client invoices")).toContain("MW-1");
    const audit = await queryRows<{ action: string; details: string }>(
      h.db.db,
      sql`select action, details::text from audit_log where action like 'source.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["source.connected", "source.reconnected", "source.customer-linked"]);
    expect(audit.some((a) => a.details.includes(OTHER_KEY) || a.details.includes("whsec_"))).toBe(false);
  });
});
