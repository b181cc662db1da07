import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";

/**
 * The migration that gives invoices their history (issue 13 §4): write-offs, waivers and voids
 * recorded before it, in the audit log, become history rows on their day in the workspace's
 * time zone, with the amounts the audit log kept. Its backfill statement is run here on rows
 * as they stood before it (the table it fills is empty until then).
 */
const h = useHarness();

async function backfill(): Promise<string> {
  const journal = JSON.parse(await readFile(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const tag = journal.entries.find((e) => e.tag.endsWith("_invoice_history"))?.tag;
  expect(tag).toBeDefined();
  const statements = (await readFile(join(migrationsFolder, `${tag}.sql`), "utf8")).split("--> statement-breakpoint");
  const insert = statements.find((s) => s.includes('INSERT INTO "invoice_history"'));
  if (!insert) throw new Error("no backfill in the migration");
  return insert;
}

describe("migrating write-offs, waivers and voids to the invoice history", () => {
  it("keeps each with its day, its amounts and who decided it", async () => {
    const before = `
      insert into workspaces (platform, external_id, owner_user_id, timezone) values ('console', 'paris', 'owner', 'Europe/Paris');
      insert into clients (workspace_id, slug, display_name, created_by) values (1, 'acme', 'ACME', 'owner');
      insert into invoices (workspace_id, client_id, number, amount_minor, currency, issued_on, due_on, status, charges_status, created_by) values
        (1, 1, 'INV-1', 180000, 'EUR', '2026-03-15', '2026-04-15', 'void', 'waived', 'owner'),
        (1, 1, 'INV-2', 100000, 'EUR', '2026-01-01', '2026-01-31', 'paid', 'waived', 'owner'),
        (1, 1, 'INV-3', 50000, 'EUR', '2026-04-01', '2026-05-01', 'void', 'open', 'owner');
      insert into audit_log (workspace_id, actor_id, action, subject_type, subject_id, details, at) values
        (1, 'owner', 'invoice.written-off', 'invoice', '1', '{"number":"INV-1","currency":"EUR","principalMinor":180000,"chargesMinor":8494}', '2026-06-28T22:30:00Z'),
        (1, 'sam', 'invoice.charges-waived', 'invoice', '2', '{"number":"INV-2","waivedMinor":4666,"interestMinor":666,"feeMinor":4000,"settledMinor":0,"daysLate":20,"note":"first time"}', '2026-03-01T09:00:00Z'),
        (1, 'kim', 'invoice.voided', 'invoice', '3', '{"number":"INV-3"}', '2026-05-11T09:00:00Z'),
        (1, 'kim', 'invoice.paid', 'invoice', '2', '{"number":"INV-2"}', '2026-02-20T09:00:00Z');
    `;
    // One statement at a time: the extended protocol takes no more.
    for (const statement of before.split(";\n").filter((x) => x.trim())) await h.db.db.execute(sql.raw(statement));
    await h.db.db.execute(sql.raw(await backfill()));
    const rows = await queryRows<Record<string, unknown>>(
      h.db.db,
      sql`select invoice_id, kind, to_char(on_day, 'YYYY-MM-DD') as on_day, principal_minor::int as principal,
         interest_minor::int as interest, fee_minor::int as fee, charges_minor::int as charges, days_late, note, recorded_by
       from invoice_history order by invoice_id`,
    );
    expect(rows).toEqual([
      // 22:30 UTC on 28 June is 29 June in Paris: 75 days after the due date.
      {
        invoice_id: 1,
        kind: "write-off",
        on_day: "2026-06-29",
        principal: 180_000,
        interest: 0,
        fee: 0,
        charges: 8_494,
        days_late: 75,
        note: null,
        recorded_by: "owner",
      },
      {
        invoice_id: 2,
        kind: "waiver",
        on_day: "2026-03-01",
        principal: 0,
        interest: 666,
        fee: 4_000,
        charges: 4_666,
        days_late: 20,
        note: "first time",
        recorded_by: "sam",
      },
      // A void kept no amounts: the invoice's, no charges claimed.
      {
        invoice_id: 3,
        kind: "void",
        on_day: "2026-05-11",
        principal: 50_000,
        interest: 0,
        fee: 0,
        charges: 0,
        days_late: 10,
        note: null,
        recorded_by: "kim",
      },
    ]);
  });
});
