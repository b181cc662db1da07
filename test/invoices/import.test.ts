import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { importInvoicesCommand } from "../../scripts/import-invoices.ts";
import { runToolWith, type ToolIo } from "../../scripts/tool-context.ts";
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

async function run(csv: string | Uint8Array, ...flags: string[]) {
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
  const code = await runToolWith(importInvoicesCommand, [file, ...flags], io);
  return { code, out: out.join(""), err: err.join("").replaceAll(`${file}:`, "line ") };
}

/** Client, number and amount of every invoice, in order. */
async function filed(): Promise<string[]> {
  const rows = await queryRows<{ line: string }>(
    h.db.db,
    sql`select c.display_name || ' (' || c.slug || '): ' || i.number as line
          from invoices i join clients c on c.id = i.client_id order by i.id`,
  );
  return rows.map((r) => r.line);
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

  it("does not offer --skip-invalid when no row is valid", async () => {
    await h.run("/client add acme ACME Corp");
    const one = await run("client,number,amount,currency\nacme,INV-1,-5,EUR\n");
    expect(one.err).toContain("1 row is invalid: nothing was imported. Fix it and run the import again.");
    const two = await run("client,number,amount,currency\nacme,INV-1,-5,EUR\nnobody,INV-2,5,EUR\n");
    expect(two.err).toContain(
      "2 rows are invalid: nothing was imported. No row is valid: fix them and run the import again.",
    );
    for (const r of [one, two]) expect(r.err).not.toContain("--skip-invalid");
    const some = await run("client,number,amount,currency\nacme,INV-1,-5,EUR\nacme,INV-2,5,EUR\n");
    expect(some.err).toContain("Fix them, or pass --skip-invalid to import the 1 valid row.");
  });

  it("reads dates as the workspace writes them, and an issue date from the due date and the term", async () => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME SARL");
    const r = await run(
      "client;number;amount;currency;issued;due\nacme;F-1;100;EUR;01/02/2025;15/02/2025\nacme;F-2;100;EUR;;28/02/2025\n",
    );
    expect(r.code).toBe(0);
    const rows = await queryRows<{ number: string; issued_on: string; due_on: string }>(
      h.db.db,
      sql`select number, issued_on::text, due_on::text from invoices order by number`,
    );
    expect(rows).toEqual([
      { number: "F-1", issued_on: "2025-02-01", due_on: "2025-02-15" },
      { number: "F-2", issued_on: "2025-01-29", due_on: "2025-02-28" },
    ]);
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
    expect((await run("client,number,amount\n")).err).toContain("There is no workspace yet");
    await h.run("/client add acme ACME Corp");
    expect((await run("name,total\nacme,10\n")).err).toContain("Missing column(s): client, number, amount");
    await h.run("/client add acme ACME Corp", { workspace: "other" });
    expect((await run(good)).err).toContain("There are 2 workspaces: pass --workspace ID");
    const other = await run(good, "--workspace", "console:other");
    expect(other.code).toBe(0);
    expect(other.out).toContain("Imported 3 invoices");
  });
});

describe("npm run import: client names and short names (issue 19)", () => {
  it("spells short names out of accented letters, and says when one files invoices under an existing client", async () => {
    await h.run("/client add cafe-noir Café Noir");
    const r = await run(
      `client,number,amount,currency
Straße GmbH,S-1,10,EUR
Cafe Noir,C-1,20,EUR
Łódź Ltd,L-1,30,EUR
Lodz Ltd,L-2,40,EUR
Cafe Noir,C-2,50,EUR
`,
      "--create-clients",
    );
    expect(r.err).toBe("");
    expect(r.out).toBe(
      [
        'Note: "Cafe Noir" (lines 3, 6) is not the name of a client here; its invoices go under Café Noir (cafe-noir), whose short name it makes.',
        'Note: "Lodz Ltd" (line 5) makes the same short name as "Łódź Ltd": their invoices go under one new client, Łódź Ltd (lodz-ltd).',
        "Imported 5 invoices (0 paid in full, 2 new clients) into 1\tconsole:console\tinstalled.",
        "",
      ].join("\n"),
    );
    expect(await filed()).toEqual([
      "Straße GmbH (strasse-gmbh): S-1",
      "Café Noir (cafe-noir): C-1",
      "Łódź Ltd (lodz-ltd): L-1",
      "Łódź Ltd (lodz-ltd): L-2",
      "Café Noir (cafe-noir): C-2",
    ]);
  });

  it("refuses a name that mixes alphabets, instead of filing it under the client its Latin letters spell", async () => {
    await h.run("/client add globex Globex");
    await h.run("/client alias globex cme");
    // The first letter is Cyrillic: deleting it used to make "cme", Globex's alias.
    const r = await run(
      "client,number,amount,currency\n\u0430cme,A-1,10,EUR\nГазпром,G-1,10,EUR\n",
      "--create-clients",
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'line 2: "\u0430cme" mixes Cyrillic and Latin letters in one word, as a look-alike of another name would: write it in one alphabet.',
    );
    expect(r.err).toContain(
      'line 3: cannot make a short name from "Газпром": add this client first with /client add SHORT-NAME Газпром.',
    );
    expect(await filed()).toEqual([]);
  });

  it("without --create-clients, points to the client a name probably means", async () => {
    await h.run("/client add cafe-noir Café Noir");
    const r = await run("client,number,amount,currency\nCafe Noir,C-1,20,EUR\n");
    expect(r.err).toContain(
      'line 2: no client called "Cafe Noir" in this workspace. Did you mean Café Noir (cafe-noir)? Add it first (/client add), or pass --create-clients.',
    );
  });

  it("checks client names as chat input is checked: length, control characters, newlines, direction overrides", async () => {
    await h.run("/client add acme ACME Corp");
    const r = await run(
      [
        "client,number,amount,currency",
        `${"N".repeat(101)},N-1,10,EUR`,
        "Bad\u0007Bell,N-2,10,EUR",
        '"Two\nLines",N-3,10,EUR',
        "ACME\u202eCorp gnp.exe,N-4,10,EUR",
        "Soci\ufffdt\ufffd G\ufffdn\ufffdrale,N-5,10,EUR",
        "AC\u200bME Corp,N-6,10,EUR",
        "",
      ].join("\n"),
      "--create-clients",
      "--skip-invalid",
    );
    expect(r.err).toContain("line 2: client is too long: 101 characters, at most 100.");
    expect(r.err).toContain("line 3: client contains control characters. Please send plain text.");
    expect(r.err).toContain("line 4: client contains control characters. Please send plain text.");
    expect(r.err).toContain(
      "line 6: client contains invisible characters that change the direction of the text around them. Please type it as plain text.",
    );
    expect(r.err).toContain(
      'line 7: "Soci\ufffdt\ufffd G\ufffdn\ufffdrale" contains \ufffd, left by a wrong conversion of the file: fix the name.',
    );
    // A zero-width space is dropped: the name is ACME's.
    expect(r.out).toContain(
      "Imported 1 invoice (0 paid in full) into 1\tconsole:console\tinstalled. 5 invalid rows skipped.",
    );
    expect(await filed()).toEqual(["ACME Corp (acme): N-6"]);
  });
});

describe("npm run import: the file's encoding (issue 19)", () => {
  const csv = "client,number,amount,currency\nSociété Générale,SG-1,10,EUR\n";

  it("reads UTF-8 with and without a byte-order mark, and UTF-16 with one", async () => {
    const utf16be = Buffer.from(`\ufeff${csv}`, "utf16le").swap16();
    const files: [string, Uint8Array][] = [
      ["UTF-8", Buffer.from(csv)],
      ["UTF-8 with a BOM", Buffer.from(`\ufeff${csv}`)],
      ["UTF-16 LE", Buffer.from(`\ufeff${csv}`, "utf16le")],
      ["UTF-16 BE", utf16be],
    ];
    for (const [encoding, bytes] of files) {
      await h.db.reset();
      await h.run("/client list"); // the workspace
      const r = await run(bytes, "--create-clients");
      expect(r.err, encoding).toBe("");
      expect(await filed(), encoding).toEqual(["Société Générale (societe-generale): SG-1"]);
    }
  });

  it("refuses anything else with the line where it stops being text, and imports nothing", async () => {
    await h.run("/client add acme ACME Corp");
    const latin1 = Buffer.from(
      "client,number,amount,currency\nacme,A-1,10,EUR\nSociété Générale,SG-1,10,EUR\n",
      "latin1",
    );
    const r = await run(latin1, "--create-clients");
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "line 3: this line is not UTF-8 text (it may be in Latin-1 or Windows-1252): save the file as UTF-8 (or UTF-16 with a byte-order mark) and try again\nNothing was imported.\n",
    );
    const noBom = await run(Buffer.from(csv, "utf16le"), "--create-clients");
    expect(noBom.err).toContain("line 1: the file looks like UTF-16 without a byte-order mark");
    expect(await filed()).toEqual([]);
  });
});

describe("npm run import: errors and speed (issue 19)", () => {
  it("never shows SQL when the database fails", async () => {
    await h.run("/client add acme ACME Corp");
    await h.db.db.execute(sql`alter table invoices rename column number to invoice_number`);
    try {
      const r = await run("client,number,amount,currency\nacme,A-1,10,EUR\n");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^Failed: column "number" does not exist\n$/);
    } finally {
      await h.db.db.execute(sql`alter table invoices rename column invoice_number to number`);
    }
  });

  it("checks a file in the same few queries whatever its length", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-5 10 EUR");
    const file = (rows: number) =>
      `client,number,amount,currency\n${Array.from({ length: rows }, (_, i) => `acme,N-${i},10,EUR`).join("\n")}\n`;
    h.db.countQueries(true);
    await run(file(1), "--dry-run");
    const one = h.db.queries.length;
    h.db.countQueries(true);
    const r = await run(`${file(3000)}acme,INV-5,10,EUR\n`, "--dry-run");
    expect(h.db.queries.length).toBe(one);
    h.db.countQueries(false);
    expect(r.err).toContain("line 3002: invoice INV-5 already exists in this workspace.");
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
