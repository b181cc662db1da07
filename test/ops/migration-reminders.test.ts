import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../../db/database.ts";

/**
 * The migration that keeps each reminder's sent date: reminders recorded before it (a highest
 * stage number on the invoice, and the audit log's entries) become one row per stage the audit
 * log shows was recorded, on its day in the workspace's time zone; nothing is invented for the
 * stages the old planner skipped.
 */
describe("migrating recorded reminders to their own rows", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("keeps each stage recorded as sent, with the day and who recorded it", async () => {
    dir = await mkdtemp(join(tmpdir(), "tact-migrations-"));
    await cp(migrationsFolder, dir, { recursive: true });
    const journalPath = join(dir, "meta", "_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => e.tag.endsWith("_invoice_reminders"));
    expect(index).toBeGreaterThan(0);
    await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));

    const pglite = await PGlite.create();
    const db = drizzle(pglite);
    await migrate(db, { migrationsFolder: dir });
    await pglite.exec(`
      insert into workspaces (platform, external_id, owner_user_id, timezone) values
        ('console', 'paris', 'owner', 'Europe/Paris'), ('console', 'odd', 'owner', 'Not/AZone');
      insert into clients (workspace_id, slug, display_name, created_by) values (1, 'acme', 'ACME', 'owner'), (2, 'beta', 'Beta', 'owner');
      insert into invoices (workspace_id, client_id, number, amount_minor, currency, issued_on, due_on, reminded_stage, created_by) values
        (1, 1, 'INV-1', 1000, 'EUR', '2025-01-01', '2025-01-31', 2, 'owner'),
        (1, 1, 'INV-2', 1000, 'EUR', '2025-01-01', '2025-01-31', 3, 'owner'),
        (2, 2, 'B-1', 1000, 'EUR', '2025-01-01', '2025-01-31', 1, 'owner');
      insert into audit_log (workspace_id, actor_id, action, subject_type, subject_id, details, at) values
        (1, 'sam', 'invoice.reminded', 'invoice', '1', '{"number":"INV-1","stage":1,"kind":"first"}', '2025-02-03T23:30:00Z'),
        (1, 'sam', 'invoice.reminded', 'invoice', '1', '{"number":"INV-1","stage":1,"kind":"first"}', '2025-02-03T23:31:00Z'),
        (1, 'kim', 'invoice.reminded', 'invoice', '1', '{"number":"INV-1","stage":2,"kind":"second"}', '2025-02-17T09:00:00Z'),
        (1, 'kim', 'invoice.reminded', 'invoice', '2', '{"number":"INV-2","stage":3,"kind":"final"}', '2025-03-10T09:00:00Z'),
        (2, 'ann', 'invoice.reminded', 'invoice', '3', '{"number":"B-1","stage":1,"kind":"first"}', '2025-02-03T23:30:00Z');
    `);
    await migrate(db, { migrationsFolder });
    const { rows } = await pglite.query<Record<string, unknown>>(
      `select invoice_id, stage, kind, to_char(sent_on, 'YYYY-MM-DD') as sent_on, recorded_by, confirmed_later
       from invoice_reminders order by invoice_id, stage`,
    );
    expect(rows).toEqual([
      // 23:30 UTC on 3 February is 4 February in Paris; the duplicate entry (issue #19) is one row.
      { invoice_id: 1, stage: 1, kind: "first", sent_on: "2025-02-04", recorded_by: "sam", confirmed_later: false },
      { invoice_id: 1, stage: 2, kind: "second", sent_on: "2025-02-17", recorded_by: "kim", confirmed_later: false },
      // The old planner jumped straight to the final notice: only that one was sent.
      { invoice_id: 2, stage: 3, kind: "final", sent_on: "2025-03-10", recorded_by: "kim", confirmed_later: false },
      // A time zone PostgreSQL does not know counts as UTC.
      { invoice_id: 3, stage: 1, kind: "first", sent_on: "2025-02-03", recorded_by: "ann", confirmed_later: false },
    ]);
    const columns = await pglite.query(
      "select 1 from information_schema.columns where table_name = 'invoices' and column_name = 'reminded_stage'",
    );
    expect(columns.rows).toEqual([]);
    await pglite.close();
  });
});
