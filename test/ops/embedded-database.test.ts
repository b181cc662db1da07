import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "../../db/database.ts";
import { extractTar } from "../../db/extract-tar.ts";
import { openPglite } from "../../db/open-pglite.ts";
import { appliedMigrationsLead, pgliteVersion, seedDataDir, templateFile } from "../../db/pglite-template.ts";
import { queryRows } from "../../db/query-rows.ts";

// About the embedded database only: run once, with the PGlite suite.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("a new embedded database", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "tact-embedded-"));
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });
  /** `<DATA_DIR>/pglite`, as main.ts opens it (DATA_DIR exists). */
  const dir = (name: string) => {
    mkdirSync(path.join(work, name), { recursive: true });
    return path.join(work, name, "pglite");
  };

  it("starts from the template shipped for the installed PGlite, migrated, and a restart keeps its data", async () => {
    const template = templateFile();
    expect(existsSync(template), `no template for PGlite ${pgliteVersion()}: run npm run db:template`).toBe(true);
    const warnings: string[] = [];
    // openDatabase takes DATA_DIR (which it locks) and keeps PGlite in its pglite folder.
    const first = await openDatabase({ dataDir: path.dirname(dir("new")), onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    await first.db.execute(
      sql`insert into workspaces (platform, external_id, name, owner_user_id) values ('console', 'w1', 'Agency', 'owner')`,
    );
    expect(await queryRows(first.db, sql`show shared_buffers`)).toEqual([{ shared_buffers: "16MB" }]);
    await first.close();
    // Made from the template, not by initdb: it has the template's system identifier (the
    // first 8 bytes of pg_control), where initdb draws a new one.
    expect(seedDataDir(dir("witness"))).toBe("seeded");
    const systemId = (d: string) =>
      readFileSync(path.join(d, "global", "pg_control"))
        .subarray(0, 8)
        .toString("hex");
    expect(systemId(dir("new"))).toBe(systemId(dir("witness")));
    // No copy left beside it, and readable by this user only: it holds client records.
    expect(readdirSync(path.dirname(dir("new")))).toEqual(["pglite"]);
    expect(statSync(dir("new")).mode & 0o077).toBe(0);

    const again = await openDatabase({ dataDir: path.dirname(dir("new")), onWarning: (m) => warnings.push(m) });
    const applied = await queryRows<{ hash: string }>(
      again.db,
      sql`select hash from drizzle.__drizzle_migrations order by id`,
    );
    const names = await queryRows(again.db, sql`select name from workspaces`);
    await again.close();
    expect(warnings).toEqual([]);
    expect(applied.map((r) => r.hash)).toEqual(readMigrationFiles({ migrationsFolder }).map((m) => m.hash));
    expect(names).toEqual([{ name: "Agency" }]);
  });

  it("gets the migrations written after the template on top of it", async () => {
    const folder = path.join(work, "later-migrations");
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1);
    if (!last) throw new Error("no migrations");
    const tag = `${String(last.idx + 1).padStart(4, "0")}_after_the_template`;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(path.join(folder, `${tag}.sql`), "alter table workspaces add column added_later text;");

    const migrations = readMigrationFiles({ migrationsFolder: folder });
    const client = await openPglite(dir("later"), { migrations });
    try {
      await migrate(drizzle(client), { migrationsFolder: folder });
      const { rows } = await client.query("select added_later from workspaces");
      expect(rows).toEqual([]);
      expect(await appliedMigrationsLead(client, migrations)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("is not made from a template whose migrations differ from the files: PGlite's initdb makes it, with a warning", async () => {
    const migrations = readMigrationFiles({ migrationsFolder });
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, hash: "an edited first migration" } : m));
    const warnings: string[] = [];
    const client = await openPglite(dir("edited"), { migrations: edited, warn: (m) => warnings.push(m) });
    try {
      const { rows } = await client.query("select count(*)::int as n from pg_tables where schemaname = 'public'");
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await client.close();
    }
    expect(warnings).toEqual([expect.stringContaining("does not match the migrations")]);
  }, 120_000);

  it("leaves a directory that holds anything alone, and clears a copy a killed start abandoned", () => {
    const used = dir("used");
    mkdirSync(used, { recursive: true });
    writeFileSync(path.join(used, "notes.txt"), "mine");
    expect(seedDataDir(used)).toBe("existing");
    expect(readdirSync(used)).toEqual(["notes.txt"]);

    const target = dir("abandoned");
    // No process has pid 2^22 + 1 (Linux's pid_max is at most 2^22).
    const abandoned = path.join(path.dirname(target), ".pglite-seed-4194305-x1");
    mkdirSync(abandoned, { recursive: true });
    writeFileSync(path.join(abandoned, "PG_VERSION"), "18");
    expect(seedDataDir(target)).toBe("seeded");
    expect(readdirSync(path.dirname(target))).toEqual(["pglite"]);
    expect(readFileSync(path.join(target, "PG_VERSION"), "utf8").trim()).toBe("18");
  });

  it("refuses an archive entry that would land outside the data directory", () => {
    const header = Buffer.alloc(512);
    header.write("../escaped", 0);
    header.write("0000644\0", 100);
    header.write("00000000004\0", 124);
    header.write("0", 156);
    header.write("ustar\u000000", 257);
    const archive = Buffer.concat([header, Buffer.from("evil".padEnd(512, "\0")), Buffer.alloc(1024)]);
    const into = path.join(work, "tar", "data");
    expect(() => extractTar(archive, into)).toThrow(/leaves the directory/);
    expect(existsSync(path.join(work, "tar", "escaped"))).toBe(false);
  });
});
