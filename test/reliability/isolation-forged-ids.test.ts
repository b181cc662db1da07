import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import type { Effect } from "../../src/core/effects.ts";
import type { Invocation, InvocationInput } from "../../src/core/invocation.ts";
import { effectsText, invocation, useHarness } from "../support/harness.ts";

/**
 * Isolation against forged ids: a user of workspace A can read or change nothing of
 * workspace B through any command, button or form, whatever ids they send. B holds a client
 * with invoices, incidents, terms, a reminder draft, a digest with its buttons and an
 * offboarding wizard in progress; every button and form id B's people were shown, and the
 * same ids with every number replaced by every row id in the database, are sent from A by
 * its owner and by a member, in a channel and in a DM.
 */
const h = useHarness("2026-11-27T10:00:00Z");
const A = { workspace: "T0ALPHA", platform: "slack" as const, owner: "alice" };
const B = { workspace: "T0BRAVO", platform: "slack" as const, owner: "bob" };
type Where = typeof A;
const secrets = ["Bravo Secret Client", "bravo-secret-note", "BRAVO-1", "BRAVO-2", "9,876", "9876", "bravo-dispute"];

/** Every button, select choice and form id in some effects. */
function idsIn(effects: Effect[]): { actions: string[]; forms: string[] } {
  const actions: string[] = [];
  const forms: string[] = [];
  for (const e of effects) {
    if (e.type === "form") forms.push(e.form.id);
    if (!("message" in e)) continue;
    for (const block of e.message.blocks) {
      if (block.type === "actions") actions.push(...block.buttons.map((b) => b.id));
      if (block.type === "select") actions.push(...block.options.map((o) => `${block.id}:${o.value}`));
    }
  }
  return { actions, forms };
}

/** Every row of workspace B, in a stable order: what must not change. */
async function snapshotOf(workspace: string): Promise<string> {
  const [ws] = await queryRows<{ id: number }>(
    h.db.db,
    sql`select id from workspaces where external_id = ${workspace}`,
  );
  const id = Number(ws?.id);
  const tables = await queryRows<{ table_name: string }>(
    h.db.db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'workspace_id' order by table_name`,
  );
  const out: Record<string, unknown> = {
    workspace: await queryRows(h.db.db, sql`select * from workspaces where id = ${id}`),
  };
  for (const { table_name } of tables) {
    out[table_name] = await queryRows(
      h.db.db,
      sql.raw(`select * from "${table_name}" where workspace_id = ${id} order by 1`),
    );
  }
  return JSON.stringify(out);
}

/** A request in a workspace whose platform owner is `where.owner`. */
function as(input: InvocationInput, user: string, dm: boolean, where: Where = A): Invocation {
  const base = invocation("/client help", { workspace: where.workspace, platform: where.platform, user, dm });
  return { ...base, input, workspaceHints: { ownerUserId: where.owner, defaultChannelId: "general" } };
}

const text = (line: string): InvocationInput => ({ kind: "text", text: line.replace(/^\/client\s*/, "") });

/** The same id with each number in it replaced by each of `ids` (forging every row id). */
function forgeries(id: string, ids: number[]): string[] {
  const parts = id.split(":");
  const out = new Set<string>([id]);
  parts.forEach((part, i) => {
    if (!/^\d+$/.test(part)) return;
    for (const n of ids) out.add([...parts.slice(0, i), String(n), ...parts.slice(i + 1)].join(":"));
  });
  return [...out];
}

describe("isolation against forged ids", () => {
  it("lets nobody in workspace A read or change anything of workspace B, through any command, button or form", async () => {
    // Workspace B: bob owns it, bea is a member.
    const seenInB: Effect[] = [];
    const inB = async (line: string, user = "bob", dm = false) => {
      const effects = await h.handle(as(text(line), user, dm, B));
      seenInB.push(...effects);
      return effects;
    };
    await inB("/client help", "bob");
    await inB("/client config channel #bravo-billing");
    await inB("/client add bravo Bravo Secret Client");
    await inB("/client invoice bravo BRAVO-1 9876.00 EUR due 2026-10-01 issued 2026-09-01");
    await inB("/client invoice bravo BRAVO-2 120.00 EUR due 2026-12-20 issued 2026-11-20");
    await inB("/client terms bravo law fr stages 1,15,30");
    await inB("/client late bravo BRAVO-1 bravo-secret-note", "bea");
    await inB("/client scope bravo bravo-secret-note again", "bea");
    await inB("/client remind BRAVO-1", "bea");
    await inB("/client digest");
    await inB("/client show bravo", "bea");
    await inB("/client dispute BRAVO-2 bravo-dispute");
    // The owner's offboarding wizard, in a DM, a few steps in.
    const opened = await inB("/client offboard bravo", "bob", true);
    for (const id of idsIn(opened).actions.slice(0, 2)) {
      await h.handle(as({ kind: "action", actionId: id }, "bob", true, B)).then((e) => seenInB.push(...e));
    }
    // Workspace A: alice owns it, al is a member; its own client and invoice.
    await h.handle(as(text("/client add alpha Alpha Corp"), "alice", false));
    await h.handle(
      as(text("/client invoice alpha ALPHA-1 100.00 EUR due 2026-10-01 issued 2026-09-01"), "alice", false),
    );
    await h.handle(as(text("/client late alpha slow"), "al", false));

    const before = await snapshotOf(B.workspace);
    const { actions, forms } = idsIn(seenInB);
    for (const kind of ["undo:", "wizard:", "digest-paid:", "digest-snooze:", "remind:", "reminded:"]) {
      expect(
        actions.some((a) => a.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    const [max] = await queryRows<{ n: number }>(
      h.db.db,
      sql`select greatest((select max(id) from incidents), (select max(id) from invoices),
        (select max(id) from offboardings), (select max(id) from clients), (select max(id) from deliveries), 1)::int as n`,
    );
    const ids = Array.from({ length: Number(max?.n) + 1 }, (_, i) => i);
    const answers: string[] = [];
    const send = async (input: InvocationInput) => {
      for (const user of ["alice", "al"]) {
        for (const dm of [false, true]) answers.push(effectsText(await h.handle(as(input, user, dm))));
      }
    };
    for (const id of new Set(actions))
      for (const forged of forgeries(id, ids)) await send({ kind: "action", actionId: forged });
    const values = {
      notes: "forged",
      date: "2026-11-20",
      reason: "forged",
      text: "forged letter",
      value: "forged",
    };
    for (const id of new Set(forms))
      for (const forged of forgeries(id, ids)) await send({ kind: "form", formId: forged, values });
    // And every command naming B's things (the answer may repeat the number typed, nothing more).
    const pressed = answers.splice(0);
    for (const line of [
      "/client show bravo",
      "/client late bravo from alpha",
      "/client invoices bravo",
      "/client invoices",
      "/client paid BRAVO-1",
      "/client credit BRAVO-1 10",
      "/client void BRAVO-1",
      "/client waive BRAVO-1",
      "/client dispute BRAVO-1 nope",
      "/client resume BRAVO-2",
      "/client remind BRAVO-1",
      "/client reminded BRAVO-1 1",
      "/client terms bravo law none",
      "/client alias bravo mine",
      "/client rename bravo Mine",
      "/client offboard bravo",
      "/client export bravo",
      "/client undo",
      "/client list",
      "/client digest",
    ]) {
      await send(text(line));
    }

    expect(await snapshotOf(B.workspace)).toBe(before);
    for (const secret of secrets) expect(pressed.join("\n"), secret).not.toContain(secret);
    const typed = answers.join("\n");
    for (const secret of secrets.filter((s) => !s.startsWith("BRAVO-"))) expect(typed, secret).not.toContain(secret);
  }, 240_000);
});
