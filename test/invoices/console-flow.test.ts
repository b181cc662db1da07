import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";

const h = useHarness("2025-01-15T09:00:00Z");

/** Types lines into the console adapter as the console user would; returns what it printed. */
async function type(...lines: string[]): Promise<string> {
  const { adapter, output } = h.console();
  for (const line of lines) await adapter.handleLine(line);
  return output.join("\n");
}

describe("console: an invoice from recording to settled charges", () => {
  it("invoice → overdue → show → paid late → charges owed → settled", async () => {
    await type("/client add acme ACME Corp", "/client terms acme law fr");
    expect(await type("/client invoice acme INV-7 2000.00 EUR issued 2025-01-01 due 2025-01-31")).toContain(
      "Recorded invoice INV-7 for ACME Corp: €2,000.00, issued 1 Jan 2025, due 31 Jan 2025.",
    );

    h.clock.set("2025-02-20T09:00:00Z");
    const overdue = await type("/client invoices");
    expect(overdue).toContain(
      "INV-7 · ACME Corp · €2,000.00 due 31 Jan 2025 · 20 days overdue · charges so far €54.41",
    );
    // Nothing was sent yet: the first reminder, whatever the days late.
    expect(overdue).toContain("first reminder due now: /client remind INV-7");

    const card = await type("/client show acme");
    expect(card).toContain("late payment: 1 / 1");
    expect(card).toContain("interest €14.41 = €2,000.00 × 13.15% × 20 days / 365");
    expect(card).toContain("Watch: INV-7 unpaid 20 days after its due date (€2,000.00)");

    h.clock.set("2025-03-03T09:00:00Z");
    const paid = await type("@sam /client paid INV-7 on 2025-03-02");
    expect(paid).toContain("Paid in full, 30 days late.");
    expect(paid).toContain("Late-payment charges still owed: €61.62");

    h.clock.set("2025-04-01T09:00:00Z");
    expect(await type("/client invoices")).toContain("paid; charges still owed · charges owed €61.62");
    const draft = await type("/client remind INV-7");
    expect(draft).toContain("Total due: €61.62");

    const settled = await type("/client paid INV-7 charges");
    expect(settled).toContain("Recorded €61.62 of late-payment charges paid on INV-7 (ACME Corp).");
    expect(settled).toContain("The charges are settled.");
    expect(await type("/client invoices")).toContain("No open invoices.");
  });

  it("…or the charges are waived, and the audit log says who, what and how much", async () => {
    await type("/client add acme ACME Corp", "/client terms acme law fr");
    await type("/client invoice acme INV-7 2000.00 EUR issued 2025-01-01 due 2025-01-31");
    h.clock.set("2025-03-02T09:00:00Z");
    await type("/client paid INV-7");
    const waived = await type("/client waive INV-7 long-standing client");
    expect(waived).toContain(
      "Waived the late-payment charges on INV-7 (ACME Corp): €61.62. This is recorded in the audit log.",
    );
    expect(await type("/client invoices")).toContain("No open invoices.");
    const audit = await queryRows<{ action: string; actor_id: string }>(
      h.db.db,
      sql`select action, actor_id from audit_log where subject_type = 'invoice' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["invoice.recorded", "invoice.paid", "invoice.charges-waived"]);
    expect(audit.at(-1)?.actor_id).toBe("owner");
  });
});
