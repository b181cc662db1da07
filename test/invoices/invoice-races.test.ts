import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { MEMBER, OWNER, useSlack } from "../slack/slack-harness.ts";
import { effectsText } from "../support/harness.ts";

/**
 * Many people changing one invoice at the same moment (issue #19): each change applies once.
 * On PostgreSQL (TEST_DATABASE_URL) the requests really run at once, on a pool of
 * connections; on PGlite they queue on its one connection and must give the same answers.
 */
const s = useSlack();
const h = s.h;
const AT_ONCE = 12;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(h.db.db, query);
  return Number(row?.n);
}

async function overdueInvoice() {
  await h.run("/client add acme ACME Corp");
  await h.run("/client invoice acme INV-7 2000.00 EUR issued 2026-10-01 due 2026-10-31");
}

/** Runs the same line as `AT_ONCE` different people at the same moment; their answers. */
async function allAtOnce(line: string): Promise<string[]> {
  return Promise.all(
    Array.from({ length: AT_ONCE }, async (_, i) => effectsText(await h.run(line, { user: `member-${i}` }))),
  );
}

describe("one invoice, many people at once", () => {
  it("records a reminder once when twelve people record it at the same moment", async () => {
    await overdueInvoice();
    const answers = await allAtOnce("/client reminded INV-7");
    expect(answers.filter((a) => a.startsWith("Recorded: the first reminder for INV-7"))).toHaveLength(1);
    // The others are told it went out, and what comes next.
    const told = "No reminder is due yet for INV-7: the first reminder went out on 27 Nov 2026";
    expect(answers.filter((a) => a.startsWith(told))).toHaveLength(AT_ONCE - 1);
    expect(await count(sql`select count(*)::int as n from invoice_reminders`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'invoice.reminded'`)).toBe(1);
  });

  it("opens a dispute once, and closes it once", async () => {
    await overdueInvoice();
    const opened = await allAtOnce("/client dispute INV-7 the client says page 2 was never delivered");
    expect(opened.filter((a) => a.includes("is disputed from 27 Nov 2026"))).toHaveLength(1);
    expect(opened.filter((a) => a.includes("is already disputed since 27 Nov 2026"))).toHaveLength(AT_ONCE - 1);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'invoice.disputed'`)).toBe(1);

    h.clock.advance(5 * 86_400_000);
    const closed = await allAtOnce("/client resume INV-7 upheld");
    expect(closed.filter((a) => a.includes("the dispute was upheld. Its 5 days stay free of interest"))).toHaveLength(
      1,
    );
    expect(closed.filter((a) => a === "INV-7 is not disputed.")).toHaveLength(AT_ONCE - 1);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'invoice.resumed'`)).toBe(1);
    const [invoice] = await queryRows<{ pauses: string[] }>(h.db.db, sql`select pauses from invoices`);
    expect(invoice?.pauses).toEqual(["2026-11-27/2026-12-02"]);
  });

  it("over Slack: ten signed /client reminded at once record one reminder and tell the others", async () => {
    await s.command("add acme ACME Corp");
    await s.command("invoice acme INV-7 2000.00 EUR issued 2026-10-01 due 2026-10-31");
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) => s.command("reminded INV-7", { user: i % 2 === 0 ? OWNER : MEMBER })),
    );
    const texts = sent.map(({ responseUrl }) => {
      const id = responseUrl.split("/").pop();
      return s.fake.responses
        .filter((r) => r.id === id)
        .map((r) => String(r.body.text ?? ""))
        .join("\n");
    });
    expect(sent.every((r) => r.status === 200)).toBe(true);
    expect(texts.filter((t) => t.includes("Recorded: the first reminder for INV-7"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("the first reminder went out on 27 Nov 2026"))).toHaveLength(9);
    expect(await count(sql`select count(*)::int as n from invoice_reminders`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'invoice.reminded'`)).toBe(1);
  });
});
