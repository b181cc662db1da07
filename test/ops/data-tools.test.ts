import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { workspaceFootprint } from "../../db/queries/workspace-tables.ts";
import { queryRows } from "../../db/query-rows.ts";
import { exportWorkspaceCommand } from "../../scripts/export-workspace.ts";
import { purgeWorkspaceCommand } from "../../scripts/purge-workspace.ts";
import type { ToolIo } from "../../scripts/tool-context.ts";
import { invocation, useHarness } from "../support/harness.ts";

const h = useHarness();
const TOKEN = "xoxb-9999999999-8888888888-InstallationTokenValue";

/** Two Slack workspaces with clients, incidents, members, an installation and seen requests. */
async function twoWorkspaces() {
  const a = { platform: "slack" as const, workspace: "TAGENCYA" };
  const b = { platform: "slack" as const, workspace: "TAGENCYB" };
  await h.run("/client add acme ACME Corp", a);
  await h.run("/client late acme", { ...a, user: "sam" });
  await h.run("/client scope acme added a blog", a);
  await h.handle({ ...invocation("/client list", a), requestId: "r-1" });
  await h.run("/client add globex Globex", b);
  await h.run("/client late globex", b);
  await h.handle({ ...invocation("/client list", b), requestId: "r-1" });
  await h.db.db.execute(
    sql`insert into installations (key, platform, data) values
          ('slack:TAGENCYA', 'slack', ${JSON.stringify({ bot: { token: TOKEN } })}::jsonb),
          ('slack:TAGENCYB', 'slack', '{}'::jsonb)`,
  );
}

function io(answers = "") {
  const out: string[] = [];
  const err: string[] = [];
  const tool: ToolIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    input: Readable.from(answers ? [answers] : []),
    env: {},
    clock: h.clock,
    database: h.db,
  };
  return { tool, out: () => out.join(""), err: () => err.join("") };
}

async function workspaceId(externalId: string): Promise<number | undefined> {
  const [row] = await queryRows<{ id: number }>(
    h.db.db,
    sql`select id from workspaces where external_id = ${externalId}`,
  );
  return row?.id;
}

async function keysLike(table: "installations" | "processed_requests", prefix: string): Promise<number> {
  const rows = await queryRows(h.db.db, sql`select 1 from ${sql.identifier(table)} where key like ${`${prefix}%`}`);
  return rows.length;
}

describe("npm run export", () => {
  it("writes one workspace's data as JSON: its rows only, and no installation token", async () => {
    await twoWorkspaces();
    const run = io();
    expect(await exportWorkspaceCommand(["--workspace", "slack:TAGENCYA"], run.tool)).toBe(0);
    const data = JSON.parse(run.out()) as {
      format: string;
      workspace: { external_id: string };
      tables: Record<string, { [k: string]: unknown }[]>;
      installations: { key: string }[];
    };
    expect(data.format).toBe("tact-workspace-export");
    expect(data.workspace.external_id).toBe("TAGENCYA");
    expect(data.tables.clients?.map((c) => c.display_name)).toEqual(["ACME Corp"]);
    expect(data.tables.incidents?.map((i) => i.kind)).toEqual(["late", "scope"]);
    expect(data.tables.members?.map((m) => m.user_id).sort()).toEqual(["owner", "sam"]);
    expect(data.installations.map((i) => i.key)).toEqual(["slack:TAGENCYA"]);
    expect(run.out()).not.toContain("Globex");
    expect(run.out()).not.toContain(TOKEN);
    expect(run.err()).toContain("1 clients, 2 incidents");
  });

  it("writes to a file only its owner can read, and finds workspaces by Tact id or bare platform id", async () => {
    await twoWorkspaces();
    const dir = await mkdtemp(path.join(tmpdir(), "tact-export-"));
    const file = path.join(dir, "a.json");
    const id = await workspaceId("TAGENCYA");
    expect(await exportWorkspaceCommand(["--workspace", String(id), "--out", file], io().tool)).toBe(0);
    expect(JSON.parse(await readFile(file, "utf8")).workspace.external_id).toBe("TAGENCYA");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const bare = io();
    expect(await exportWorkspaceCommand(["--workspace", "TAGENCYB"], bare.tool)).toBe(0);
    expect(bare.out()).toContain("Globex");
    await rm(dir, { recursive: true, force: true });
  });

  it("lists the workspaces, and says how to find one that does not exist", async () => {
    await twoWorkspaces();
    const list = io();
    expect(await exportWorkspaceCommand(["--list"], list.tool)).toBe(0);
    expect(list.out()).toMatch(/slack:TAGENCYA/);
    expect(list.out()).toMatch(/slack:TAGENCYB/);
    await expect(exportWorkspaceCommand(["--workspace", "slack:TNOPE"], io().tool)).rejects.toThrow(
      'No workspace "slack:TNOPE". List them with: npm run export -- --list',
    );
    const usage = io();
    expect(await exportWorkspaceCommand([], usage.tool)).toBe(2);
    expect(usage.err()).toContain("--workspace ID");
  });
});

describe("npm run purge", () => {
  it("asks first, and deletes nothing unless the answer is yes", async () => {
    await twoWorkspaces();
    const id = await workspaceId("TAGENCYA");
    for (const answer of ["no\n", ""]) {
      const run = io(answer);
      expect(await purgeWorkspaceCommand(["--workspace", "slack:TAGENCYA"], run.tool)).toBe(1);
      expect(run.err()).toContain("1 clients, 2 incidents");
      expect(run.err()).toContain('Type "yes" to confirm');
      expect(run.err()).toContain("Cancelled; nothing was deleted.");
    }
    expect(await workspaceId("TAGENCYA")).toBe(id);
  });

  it("deletes everything of that workspace, its installation and seen requests included, and nothing of another", async () => {
    await twoWorkspaces();
    const a = await workspaceId("TAGENCYA");
    const b = await workspaceId("TAGENCYB");
    const before = await workspaceFootprint(h.db.db, b ?? 0);
    const run = io("yes\n");
    expect(await purgeWorkspaceCommand(["--workspace", "slack:TAGENCYA"], run.tool)).toBe(0);
    expect(run.err()).toMatch(/Purged workspace \d+ \(slack:TAGENCYA\): deleted .*1 clients.*2 incidents/);

    expect(await workspaceId("TAGENCYA")).toBeUndefined();
    expect(Object.values(await workspaceFootprint(h.db.db, a ?? 0)).every((n) => n === 0)).toBe(true);
    expect(await keysLike("installations", "slack:TAGENCYA")).toBe(0);
    expect(await keysLike("processed_requests", "slack:TAGENCYA:")).toBe(0);

    expect(await workspaceFootprint(h.db.db, b ?? 0)).toEqual(before);
    expect(await keysLike("installations", "slack:TAGENCYB")).toBe(1);
    expect(await keysLike("processed_requests", "slack:TAGENCYB:")).toBe(1);
  });

  it("skips the question with --yes, for scripts", async () => {
    await twoWorkspaces();
    const run = io();
    expect(await purgeWorkspaceCommand(["--workspace", "TAGENCYB", "--yes"], run.tool)).toBe(0);
    expect(run.err()).not.toContain("Type");
    expect(await workspaceId("TAGENCYB")).toBeUndefined();
    expect(await workspaceId("TAGENCYA")).toBeDefined();
  });
});
