import { describe, expect, it } from "vitest";
import { findWorkspace } from "../../db/queries/workspaces.ts";
import { type ClientRecord, clientRecords, workspacesClientRecords } from "../../src/clients/client-records.ts";
import { useHarness } from "../support/harness.ts";

/**
 * The digest reads risk for every due workspace at once, and only the invoices risk needs
 * (open ones and those paid late): the levels must be those of the full record.
 */
describe("risk levels read for the digest", () => {
  const h = useHarness("2026-01-05T09:00:00Z");

  it("match the client's full record: late payments count, on-time ones do not", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add tidy Tidy Ltd");
    await h.run("/client add beta Beta Ltd", { workspace: "other" });
    // ACME paid two invoices late and one on time; Tidy always on time; Beta (another
    // workspace) has one overdue.
    for (const [n, due, paid] of [
      [1, "2026-01-10", "2026-01-30"],
      [2, "2026-02-10", "2026-03-01"],
      [3, "2026-03-10", "2026-03-05"],
    ] as const) {
      await h.run(`/client invoice acme A-${n} 100 EUR due ${due} issued 2026-01-01`);
      await h.run(`/client invoice tidy T-${n} 100 EUR due ${due} issued 2026-01-01`);
      h.clock.set(`${paid}T10:00:00Z`);
      await h.run(`/client paid A-${n} on ${paid}`);
      await h.run(`/client paid T-${n} on 2026-01-02`);
    }
    await h.run("/client invoice beta B-1 100 EUR due 2026-02-01 issued 2026-01-01", { workspace: "other" });
    h.clock.set("2026-04-01T10:00:00Z");
    const now = h.clock.now();
    const console = await findWorkspace(h.db.db, "console", "console");
    const other = await findWorkspace(h.db.db, "console", "other");
    if (!console || !other) throw new Error("workspaces missing");

    const full = await clientRecords(h.db.db, { workspace: console, now });
    const digest = await workspacesClientRecords(h.db.db, {
      workspaces: [console, other],
      now,
      sinceDay: "2025-04-01",
      riskOnly: true,
    });
    const levels = (records: Map<number, ClientRecord> | undefined) =>
      [...(records?.values() ?? [])].map((r) => [r.risk.level, r.facts.latePayments.length]).sort();
    expect(levels(digest.get(console.id))).toEqual(
      levels(new Map([...full].filter(([, r]) => r.facts.latePayments.length > 0))),
    );
    // ACME: two late payments, not yet a pattern → watch; Tidy's on-time invoices say nothing.
    expect(levels(digest.get(console.id))).toEqual([["watch", 2]]);
    // The other workspace's overdue invoice is its own (59 days late, past the final stage: at risk).
    expect(levels(digest.get(other.id))).toEqual([["at-risk", 1]]);
  });
});
