import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { MEMBER, OWNER, useSlack } from "./slack-harness.ts";

/**
 * The race of issue 13 as it was found: signed slash commands and button presses posted to
 * Tact's HTTP endpoint at the same moment. On PostgreSQL (TEST_DATABASE_URL) each request
 * gets its own connection and they truly overlap.
 */
const s = useSlack();

/** What Tact answered one request (its response_url posts), as text. */
function answered(responseUrl: string): string {
  const id = responseUrl.split("/").pop();
  return s.fake.responses
    .filter((r) => r.id === id)
    .map((r) => JSON.stringify(r.body))
    .join("\n");
}

async function payments(number: string): Promise<{ status: string; n: number; paid: number }> {
  const [row] = await queryRows<{ status: string; n: number; paid: number }>(
    s.h.db.db,
    sql`select i.status, count(p.id)::int as n, coalesce(sum(p.amount_minor), 0)::int as paid
        from invoices i left join payments p on p.invoice_id = i.id
        where i.number = ${number} group by i.id`,
  );
  if (!row) throw new Error(`no invoice ${number}`);
  return row;
}

describe.each(["en", "fr"] as const)("paying one invoice from Slack many times at once (%s)", (lang) => {
  const t = catalogFor(lang);
  const json = (text: string) => JSON.stringify(text).slice(1, -1);

  beforeEach(async () => {
    await s.command(`config lang ${lang}`);
    await s.command("add acme ACME Corp");
  });

  it("ten /client paid INV-1 on a €100 invoice: one paid in full, nine clear refusals", async () => {
    await s.command("invoice acme INV-1 100 EUR issued 2026-11-20 due 2026-12-20");
    const requests = await Promise.all(
      Array.from({ length: 10 }, (_, i) => s.command("paid INV-1", { user: i % 2 === 0 ? OWNER : MEMBER })),
    );
    const answers = requests.map((r) => answered(r.responseUrl));
    expect(requests.every((r) => r.status === 200)).toBe(true);
    expect(answers.filter((a) => a.includes(json(t.invoices.paidInFull)))).toHaveLength(1);
    expect(answers.filter((a) => a.includes(json(t.invoices.errors.alreadyPaid({ number: "INV-1" }))))).toHaveLength(9);
    expect(await payments("INV-1")).toEqual({ status: "paid", n: 1, paid: 10_000 });
  });

  it("the digest's Mark paid pressed while /client paid is typed: one payment, the other told", async () => {
    await s.command("invoice acme INV-1 100 EUR issued 2026-10-01 due 2026-11-01");
    // Mark paid asks first (privately); its confirmation races the typed command.
    await s.press("digest-paid:1", { user: MEMBER, channel: "C0BILLING" });
    s.fake.responses.length = 0;
    s.fake.calls.length = 0;
    const [pressed, typed] = await Promise.all([
      s.press("digest-paid-ok:1:10000", { user: MEMBER, channel: "C0BILLING", ephemeral: true }),
      s.command("paid INV-1", { user: OWNER }),
    ]);
    expect([pressed, typed.status]).toEqual([200, 200]);
    // Every answer, to the command and to the press, as a message of its own.
    const messages = [...s.fake.responses.map((r) => r.body), ...s.fake.calls.map((c) => c.args)].map((m) =>
      JSON.stringify(m),
    );
    const paidLate = json(t.invoices.paidInFullLate({ days: 26 }));
    expect(messages.filter((m) => m.includes(paidLate))).toHaveLength(1);
    const refusals = [json(t.digest.actions.notFound), json(t.invoices.errors.alreadyPaid({ number: "INV-1" }))];
    expect(messages.filter((m) => refusals.some((r) => m.includes(r)))).toHaveLength(1);
    expect(await payments("INV-1")).toEqual({ status: "paid", n: 1, paid: 10_000 });
  });
});
