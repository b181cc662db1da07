import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "../db/database.ts";
import { isNameTaken } from "../db/queries/clients.ts";
import { queryRows } from "../db/query-rows.ts";
import { useHarness } from "./support/harness.ts";

/**
 * Slugs and aliases are one namespace per workspace, kept by the database (client_names,
 * written by triggers on clients and client_aliases). On PostgreSQL (TEST_DATABASE_URL) the
 * commands below run truly at once, each on its own pooled connection; on PGlite they are
 * interleaved by one connection.
 */
const h = useHarness();

/** Every holder of a name: clients whose slug it is, aliases that carry it. */
async function holders(name: string): Promise<{ slugs: number; aliases: number; names: number }> {
  const [row] = await queryRows<{ slugs: number; aliases: number; names: number }>(
    h.db.db,
    sql`select (select count(*)::int from clients where slug = ${name}) as slugs,
               (select count(*)::int from client_aliases where alias = ${name}) as aliases,
               (select count(*)::int from client_names where name = ${name}) as names`,
  );
  return row ?? { slugs: -1, aliases: -1, names: -1 };
}

async function audits(action: string, key: string, value: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    h.db.db,
    sql`select count(*)::int as n from audit_log where action = ${action} and details->>${key} = ${value}`,
  );
  return Number(row?.n);
}

/** Rows of client_names match clients and aliases exactly: nothing half-written. */
async function namesAgree(): Promise<void> {
  const missing = await queryRows(
    h.db.db,
    sql`select workspace_id, slug as name, id as client_id, 'slug' as kind from clients
        union all select workspace_id, alias, client_id, 'alias' from client_aliases
        except select workspace_id, name, client_id, kind from client_names`,
  );
  const extra = await queryRows(
    h.db.db,
    sql`select workspace_id, name, client_id, kind from client_names
        except (select workspace_id, slug, id, 'slug' from clients
                union all select workspace_id, alias, client_id, 'alias' from client_aliases)`,
  );
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
}

describe("one name, claimed by many at once", () => {
  it("add, alias and rename of the same name at once: exactly one claim wins, the others are told who has it", async () => {
    await h.run("/client add globex Globex");
    await h.run("/client add initech Initech");
    // On PGlite one connection runs them one after another: one round says what PostgreSQL's
    // truly concurrent rounds check again.
    const names = h.db.driver === "postgres" ? ["acme", "umbrella", "hooli"] : ["acme"];
    for (const name of names) {
      const commands = [
        ...Array.from({ length: 6 }, (_, i) => `/client add ${name} Claimant ${i}`),
        ...Array.from({ length: 3 }, () => `/client alias globex ${name}`),
        ...Array.from({ length: 3 }, () => `/client alias initech ${name}`),
        ...Array.from({ length: 2 }, (_, i) => `/client rename initech Initech ${name} ${i}`),
      ];
      // Interleaved, so no kind of claim always goes first.
      const order = commands.map((c, i) => ({ c, k: (i * 7) % commands.length })).sort((a, b) => a.k - b.k);
      const answers = await Promise.all(order.map(({ c }) => h.say(c, { user: "owner" })));

      const added = answers.filter((a) => a.startsWith(`Added Claimant`));
      const aliased = answers.filter((a) => a.includes(`can now also be called "${name}"`));
      expect(added.length + aliased.length, answers.join("\n")).toBe(1);
      const winner =
        added.length === 1
          ? /^Added (Claimant \d)/.exec(added[0] ?? "")?.[1]
          : /^(\w+) can/.exec(aliased[0] ?? "")?.[1];
      expect(winner).toBeTruthy();
      const refused = answers.filter(
        (a) => a.includes(`"${name}" is already taken by`) || a.includes(`"${name}" already refers to`),
      );
      expect(refused).toHaveLength(11);
      // Each refusal names the client that has the name now.
      for (const answer of refused) expect(answer).toContain(String(winner));
      expect(answers.filter((a) => a.startsWith("Renamed Initech"))).toHaveLength(2);

      const held = await holders(name);
      expect(held.names).toBe(1);
      expect(held.slugs + held.aliases).toBe(1);
      // One audit entry for the one claim that was applied, none for the refused ones.
      expect((await audits("client.added", "slug", name)) + (await audits("client.alias", "alias", name))).toBe(1);
      expect(await h.say(`/client show ${name}`)).toContain(String(winner));
    }
    await namesAgree();
    // The renames were each applied whole, with their audit entries.
    const [renames] = await queryRows<{ n: number }>(
      h.db.db,
      sql`select count(*)::int as n from audit_log where action = 'client.renamed'`,
    );
    expect(renames?.n).toBe(2 * names.length);
  });

  it("two clients' aliases for one name, and a slug for it, are refused by the database itself", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    await h.run("/client alias acme acme-corp");
    const [ws] = await queryRows<{ id: number }>(h.db.db, sql`select workspace_id as id from clients limit 1`);
    const id = Number(ws?.id);
    const fails = async (statement: ReturnType<typeof sql>) => {
      const error = await h.db.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isNameTaken(error), String(error)).toBe(true);
    };
    // Written straight in SQL, past every check of the commands.
    await fails(sql`insert into client_aliases (workspace_id, client_id, alias) values (${id}, 2, 'acme')`);
    await fails(
      sql`insert into clients (workspace_id, slug, display_name, created_by) values (${id}, 'acme-corp', 'X', 'owner')`,
    );
    await fails(sql`update clients set slug = 'acme-corp' where slug = 'globex'`);
    // Another workspace has a namespace of its own.
    await h.run("/client add acme-corp Elsewhere", { workspace: "other" });
    expect(await h.say("/client show acme-corp", { workspace: "other" })).toContain("Elsewhere");
    await namesAgree();
  });

  it("frees a name with its client or alias, and follows a slug that changes", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client alias acme acme-corp");
    await h.db.db.execute(sql`delete from client_aliases where alias = 'acme-corp'`);
    expect(await h.say("/client add acme-corp Another")).toContain("Added Another (acme-corp)");
    await h.db.db.execute(sql`update clients set slug = 'acme-old' where slug = 'acme'`);
    expect(await h.say("/client alias acme-corp acme")).toContain('Another can now also be called "acme"');
    await h.db.db.execute(sql`delete from clients where slug = 'acme-corp'`);
    expect(await h.say("/client add acme Brand New")).toContain("Added Brand New (acme)");
    await namesAgree();
  });
});

/** The migration's statements that move existing data (not its DDL), as written in the file. */
async function migrationDataStatements(): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const tag = journal.entries.find((e) => e.tag.endsWith("_client_names"))?.tag;
  expect(tag).toBeDefined();
  const statements = (await readFile(join(migrationsFolder, `${tag}.sql`), "utf8")).split("--> statement-breakpoint");
  const data = statements.filter((x) => /^(?:\s*--[^\n]*\n)*\s*(INSERT|DELETE)\b/.test(x));
  expect(data).toHaveLength(4);
  return data;
}

/**
 * The migration's data steps, run on the suite's database (both drivers) over rows as they
 * could stand before it: the triggers it creates are switched off while the clashing rows are
 * written, and client_names is empty, as it was then.
 */
describe("migrating names that were both a slug and an alias", () => {
  it("keeps the slug, drops the alias no lookup could reach, and says so in the audit log", async () => {
    const triggers = [
      ["clients", "clients_claim_name"],
      ["client_aliases", "client_aliases_claim_name"],
    ];
    const run = (text: string) => h.db.db.execute(sql.raw(text));
    for (const [table, trigger] of triggers) await run(`alter table "${table}" disable trigger "${trigger}"`);
    try {
      await run(`insert into workspaces (platform, external_id, owner_user_id, timezone) values
          ('console', 'one', 'owner', 'UTC'), ('console', 'two', 'owner', 'UTC')`);
      await run(`insert into clients (workspace_id, slug, display_name, created_by) values
          (1, 'acme', 'ACME Corp', 'owner'), (1, 'globex', 'Globex', 'owner'), (2, 'acme', 'Other ACME', 'owner')`);
      // Globex's alias 'acme', left by a race with 'add acme': ACME's slug wins. The others are
      // plain aliases, and workspace two's 'globex' is no clash with workspace one's slug.
      await run(`insert into client_aliases (workspace_id, client_id, alias) values
          (1, 2, 'acme'), (1, 1, 'acme-corp'), (1, 1, 'globex-old'), (2, 3, 'globex')`);
      expect(await queryRows(h.db.db, sql`select * from client_names`)).toEqual([]);
      for (const statement of await migrationDataStatements()) await run(statement);
    } finally {
      for (const [table, trigger] of triggers) await run(`alter table "${table}" enable trigger "${trigger}"`);
    }
    const names = await queryRows<Record<string, unknown>>(
      h.db.db,
      sql`select workspace_id, name, client_id, kind from client_names order by workspace_id, name`,
    );
    expect(names).toEqual([
      { workspace_id: 1, name: "acme", client_id: 1, kind: "slug" },
      { workspace_id: 1, name: "acme-corp", client_id: 1, kind: "alias" },
      { workspace_id: 1, name: "globex", client_id: 2, kind: "slug" },
      { workspace_id: 1, name: "globex-old", client_id: 1, kind: "alias" },
      { workspace_id: 2, name: "acme", client_id: 3, kind: "slug" },
      { workspace_id: 2, name: "globex", client_id: 3, kind: "alias" },
    ]);
    const audit = await queryRows<Record<string, unknown>>(
      h.db.db,
      sql`select workspace_id, actor_id, action, subject_id, details from audit_log`,
    );
    expect(audit).toEqual([
      {
        workspace_id: 1,
        actor_id: "tact",
        action: "client.alias_dropped",
        subject_id: "2",
        details: { alias: "acme", reason: "the slug of a client", slugOf: 1, slugOfName: "ACME Corp" },
      },
    ]);
    await namesAgree();
    // From then on the database keeps the namespace.
    const error = await run(`insert into client_aliases (workspace_id, client_id, alias) values (1, 1, 'globex')`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isNameTaken(error)).toBe(true);
  });
});
