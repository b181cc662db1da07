import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";
import {
  addInvoice,
  audits,
  clientStatus,
  count,
  invoiceState,
  recordFiles,
  submit,
  text,
} from "./offboarding-support.ts";

const h = useHarness();

async function wizardRow() {
  const [row] = await queryRows<{ state: string; current_step: number; texts: Record<string, unknown> }>(
    h.db.db,
    sql`select state, current_step, texts from offboardings order by id limit 1`,
  );
  return row;
}

async function setup(): Promise<void> {
  await h.run("/client add acme ACME Corp");
  await h.run("/client late acme", { user: "sam" });
  await h.run("/client note acme hello", { user: "dana" });
}

const refusal =
  "Only the workspace owner (owner) can let a client go: it is a conversation the owner has personally, never delegated. Nothing was done and nothing was sent to anyone.";

describe("who may let a client go", () => {
  it("refuses a team member's /client offboard privately, audits it, and tells nobody", async () => {
    await setup();
    const effects = await h.run("/client offboard acme", { user: "sam" });
    expect(effects).toEqual([{ type: "reply", message: expect.anything() }]);
    expect(text(effects)).toBe(refusal);
    expect(await count(h.db.db, "offboardings")).toBe(0);
    expect(await clientStatus(h.db.db, "acme")).toBe("active");
    const refused = await audits(h.db.db, "refused.offboard");
    expect(refused).toHaveLength(1);
    expect(refused[0]?.actorId).toBe("sam");
  });

  it("refuses the same way for a client that does not exist, or through structured options, so nothing is revealed", async () => {
    await setup();
    expect(text(await h.run("/client offboard no-such-client", { user: "sam" }))).toBe(refusal);
    const viaOptions = await h.handle({
      platform: "discord",
      workspaceId: "guild-1",
      userId: "sam",
      userName: "sam",
      channelId: "c1",
      isDm: false,
      input: { kind: "options", verb: "offboard", options: { client: "acme" } },
      workspaceHints: { ownerUserId: "owner" },
    });
    expect(text(viaOptions)).toContain("Only the workspace owner (owner) can let a client go");
  });

  it("refuses a team member pressing the owner's buttons at every step, changing nothing, and audits each press", async () => {
    await setup();
    const invoiceId = await addInvoice(h.db.db, "acme", {
      number: "INV-7",
      amountMinor: 50_000,
      issuedOn: "2026-09-01",
      dueOn: "2026-10-01",
    });
    expect(invoiceId).toBeGreaterThan(0);
    await h.run("/client offboard acme");
    const attempts: [number, string][] = [
      [1, "conversation"],
      [1, "remind:7"],
      [1, "skip"],
      [1, "pause"],
    ];
    for (const [step, op] of attempts) {
      const effects = await h.run(`press wizard:1:${step}:${op}`, { user: "sam" });
      expect(effects.map((e) => e.type)).toEqual(["reply"]);
      expect(text(effects)).toBe(
        "These buttons belong to the person who started this, and only they can use them. Nothing was changed.",
      );
    }
    // Walk the owner to step 5, then try the write-off as someone else.
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    for (const step of [2, 3, 4]) await h.run(`press wizard:1:${step}:done`);
    expect(text(await h.run("press wizard:1:5:writeoff", { user: "sam" }))).toContain("only they can use them");
    expect(await invoiceState(h.db.db, "INV-7")).toEqual({ status: "open", chargesStatus: "open" });
    expect(text(await submit(h, "wizard-form:1:5:skip", { reason: "x" }, { user: "dana" }))).toContain(
      "only they can use them",
    );
    expect(await wizardRow()).toMatchObject({ state: "in_progress", current_step: 5 });
    const refused = await audits(h.db.db, "refused.wizard");
    expect(refused.map((r) => r.actorId)).toEqual(["sam", "sam", "sam", "sam", "sam", "dana"]);
    expect(refused[0]?.details).toMatchObject({ why: "not-the-starter", offboardingId: 1, op: "conversation" });
  });

  it("refuses forged form submissions from anyone else", async () => {
    await setup();
    await h.run("/client offboard acme");
    const effects = await submit(h, "wizard-form:1:1:conversation", { notes: "I was never there" }, { user: "sam" });
    expect(text(effects)).toContain("only they can use them");
    expect(await wizardRow()).toMatchObject({ current_step: 1, texts: {} });
  });

  it("refuses an id from another workspace as if it did not exist, and expired ids plainly", async () => {
    await setup();
    await h.run("/client add acme ACME Corp", { workspace: "other" });
    await h.run("/client offboard acme", { workspace: "other" });
    const effects = await h.run("press wizard:1:1:pause", { workspace: "console" });
    expect(text(effects)).toContain("only they can use them");
    expect(await wizardRow()).toMatchObject({ state: "in_progress" });
    for (const forged of ["wizard:abc:1:pause", "wizard:1:9:pause", "wizard:1:1:DROP", "wizard:1", "wizard-form:x"]) {
      expect(text(await h.run(`press ${forged}`))).toBe(
        "This button has expired or is no longer valid. Run the command again.",
      );
    }
    expect((await audits(h.db.db, "refused.wizard")).length).toBe(6);
  });

  it("refuses a button from a step already left, showing the current step again", async () => {
    await setup();
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    const effects = await h.run("press wizard:1:1:pause");
    expect(effects.map((e) => e.type)).toEqual(["reply", "dm"]);
    expect(text(effects)).toContain("That button belongs to a step you have already left; you are at step 2 of 8.");
    expect(await wizardRow()).toMatchObject({ state: "in_progress", current_step: 2 });
    // A forged op that belongs to another step.
    expect(text(await h.run("press wizard:1:2:writeoff"))).toContain("expired");
  });

  it("changes nothing once the wizard is finished", async () => {
    await setup();
    await h.run("/client offboard acme");
    await h.run("press wizard:1:1:pause");
    await h.run("press wizard:1:1:cancel");
    expect(text(await h.run("press wizard:1:1:resume"))).toContain("is finished; nothing was changed");
  });

  it("lets only the owner export a client's record", async () => {
    await setup();
    const effects = await h.run("/client export acme", { user: "sam" });
    expect(effects.map((e) => e.type)).toEqual(["reply"]);
    expect(text(effects)).toContain("Only the workspace owner (owner) can export a client's written record.");
    const mine = await h.run("/client export acme");
    expect(mine.map((e) => e.type)).toEqual(["file", "reply"]);
    expect(mine[0]).toMatchObject({ type: "file", userId: "owner" });
    expect(recordFiles(mine).names).toEqual(["acme-record-2026-11-27.md", "acme-record-2026-11-27.pdf"]);
  });
});

describe("handing the workspace over", () => {
  it("lets only the current owner hand over, and the wizard stays with whoever started it", async () => {
    await setup();
    await h.run("/client offboard acme");
    expect(text(await h.run("/client config owner @sam", { user: "sam" }))).toContain(
      "Only the workspace owner (owner) can hand over the ownership of this workspace.",
    );
    const handed = await h.run("/client config owner @dana");
    expect(text(handed)).toContain("dana is now the owner of this workspace.");
    expect(handed[1]).toMatchObject({ type: "dm", userId: "dana" });
    expect((await audits(h.db.db, "config.owner"))[0]?.details).toEqual({ from: "owner", to: "dana" });

    // The new owner cannot drive the old owner's wizard, nor take it over.
    expect(text(await h.run("press wizard:1:1:pause", { user: "dana" }))).toContain("only they can use them");
    expect(text(await h.run("/client offboard acme", { user: "dana" }))).toBe(
      "owner started letting ACME Corp go, and it stays with them until they finish. Nothing was changed.",
    );
    // The former owner still can, by button or by command.
    expect(text(await h.run("/client offboard acme"))).toContain("Picking up letting ACME Corp go");
    expect(text(await submit(h, "wizard-form:1:1:conversation", { notes: "Done." }))).toContain("Step 2 of 8");
    // But for anything else the former owner is refused like anyone.
    await h.run("/client add globex Globex", { user: "dana" });
    expect(text(await h.run("/client offboard globex"))).toBe(refusal.replace("(owner)", "(dana)"));
  });

  it("accepts Slack and Discord mentions, and refuses unknown names, itself, and nonsense", async () => {
    await setup();
    expect(text(await h.run("/client config owner @nobody"))).toContain(
      `I haven't seen anyone called "nobody" in this workspace yet`,
    );
    expect(text(await h.run("/client config owner @owner"))).toBe("owner is already the owner. Nothing was changed.");
    expect(text(await h.run("/client config owner <<nope>>"))).toContain("is not a person I can hand the workspace to");
    expect(text(await h.run("/client config owner"))).toContain("is not a person I can hand the workspace to");
    expect(await audits(h.db.db, "config.owner")).toHaveLength(0);
    expect(text(await h.run("/client config owner <@U0123ABC|dana>"))).toContain("U0123ABC is now the owner");
    expect(text(await h.run("/client config owner <@!123456789012345678>", { user: "U0123ABC" }))).toContain(
      "123456789012345678 is now the owner",
    );
    expect(text(await h.run("/client config owner @Sam", { user: "123456789012345678" }))).toContain(
      "sam is now the owner",
    );
  });
});
