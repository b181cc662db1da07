import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { importInvoicesCommand } from "../../scripts/import-invoices.ts";
import type { ToolIo } from "../../scripts/tool-context.ts";
import { parseCsv } from "../../src/invoices/parse-csv.ts";
import { tableCounts } from "../support/db-counts.ts";
import { useHarness } from "../support/harness.ts";

const h = useHarness("2025-03-10T10:00:00Z");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tact-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(csv: string, ...flags: string[]) {
  const file = path.join(dir, "invoices.csv");
  await writeFile(file, csv);
  const out: string[] = [];
  const err: string[] = [];
  const io: ToolIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    input: Readable.from([]),
    env: {},
    clock: h.clock,
    database: h.db,
  };
  const code = await importInvoicesCommand([file, ...flags], io);
  return { code, out: out.join(""), err: err.join("").replaceAll(`${file}:`, "line ") };
}

const good = `client,number,amount,currency,issued,due,paid on,paid amount
acme,INV-1,1200.00,EUR,2025-01-01,2025-01-31,2025-02-10,
acme,INV-2,"950,50",EUR,2025-02-01,2025-03-01,,
ACME Corp,INV-3,500,EUR,2025-02-15,,2025-03-01,200
`;

describe("npm run import", () => {
  it("imports every row, with payments, into the only workspace", async () => {
    await h.run("/client add acme ACME Corp");
    const r = await run(good);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Imported 3 invoices (1 paid in full) into 1\tconsole:console");
    const rows = await queryRows<{ number: string; amount_minor: number; status: string; due_on: string }>(
      h.db.db,
      sql`select number, amount_minor, status, due_on::text from invoices order by id`,
    );
    expect(rows.map((x) => [x.number, Number(x.amount_minor), x.status, x.due_on])).toEqual([
      ["INV-1", 120_000, "paid", "2025-01-31"],
      ["INV-2", 95_050, "open", "2025-03-01"],
      ["INV-3", 50_000, "open", "2025-03-17"],
    ]);
    // The paid-late invoice counts as a late payment; the overdue one too.
    expect(await h.say("/client show acme")).toContain("late payment: 2 / 2");
    expect(await h.say("/client invoices")).toContain(
      "INV-3 · ACME Corp · €500.00 due 17 Mar 2025 · due in 7 days · unpaid €300.00",
    );
  });

  it("reports every invalid row and imports nothing", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 10 EUR");
    const before = await tableCounts(h.db.db);
    const r = await run(`client;number;amount;currency;issued;due;paid on;paid amount
acme;INV-1;1200,00;EUR;2025-01-01;2025-01-31;;
nobody;INV-2;10;EUR;2025-01-01;;;
acme;INV-3;-5;EUR;2025-01-01;;;
acme;INV-4;12,345;EUR;2025-01-01;;;
acme;INV-5;10;XYZ;2025-01-01;;;
acme;INV-6;10;EUR;2025-02-30;;;
acme;INV-7;10;EUR;2025-02-10;2025-02-01;;
acme;INV-9;10;EUR;2025-01-01;;;
acme;INV-1;10;EUR;2025-01-01;;;
acme;INV-10;10;EUR;2025-01-01;;2025-01-05;20
acme;INV-11;10;EUR;2025-01-01;;2026-01-05;
`);
    expect(r.code).toBe(1);
    expect(r.err).toContain('line 3: no client called "nobody"');
    expect(r.err).toContain('line 4: "-5": the amount can\'t be negative');
    expect(r.err).toContain('line 5: "12,345" has more decimals than EUR allows (2)');
    expect(r.err).toContain('line 6: "XYZ" is not a currency I know');
    expect(r.err).toContain('line 7: "2025-02-30" is not a date for the issue date');
    expect(r.err).toContain("line 8: The due date (2025-02-01) is before the issue date (2025-02-10)");
    expect(r.err).toContain("line 9: invoice INV-9 already exists");
    expect(r.err).toContain("line 10: invoice INV-1 is also on line 2");
    expect(r.err).toContain("line 11: the paid amount 20 is more than the invoice amount 10");
    expect(r.err).toContain("line 12: ");
    expect(r.err).toContain("10 rows are invalid: nothing was imported");
    expect(await tableCounts(h.db.db)).toEqual(before);
  });

  it("imports the valid rows with --skip-invalid, and creates clients with --create-clients", async () => {
    await h.run("/client add acme ACME Corp");
    const r = await run(
      `client,number,amount,currency,issued\nacme,INV-1,10,EUR,2025-01-01\nGlobex Corp,G-1,£20,,2025-01-01\nacme,INV-2,oops,EUR,2025-01-01\n`,
      "--skip-invalid",
      "--create-clients",
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('line 4: "oops" is not an amount');
    expect(r.out).toContain("Imported 2 invoices (0 paid in full, 1 new client)");
    expect(r.out).toContain("1 invalid row skipped");
    expect(await h.say("/client invoices globex-corp")).toContain("G-1 · Globex Corp · £20.00");
  });

  it("explains what it needs when the file or the workspace is not right", async () => {
    await expect(run("client,number,amount\n")).rejects.toThrow("There is no workspace yet");
    await h.run("/client add acme ACME Corp");
    expect((await run("name,total\nacme,10\n")).err).toContain("Missing column(s): client, number, amount");
    await h.run("/client add acme ACME Corp", { workspace: "other" });
    await expect(run(good)).rejects.toThrow("There are 2 workspaces: pass --workspace ID");
    const other = await run(good, "--workspace", "console:other");
    expect(other.code).toBe(0);
    expect(other.out).toContain("Imported 3 invoices");
  });
});

describe("CSV parsing", () => {
  it("reads quotes, doubled quotes, newlines in quotes, semicolons and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "z"] },
    ]);
    expect(parseCsv("a;b\n1,5;2\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1,5", "2"] },
    ]);
  });
});
