import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/create-core.ts";
import { everyCommand } from "../support/every-command.ts";
import { silentLog, useHarness } from "../support/harness.ts";
import {
  addInvoice,
  buttonIds,
  clientStatus,
  count,
  recordFiles,
  script,
  setClient,
  submit,
  text,
} from "./offboarding-support.ts";

const h = useHarness();

async function acme(): Promise<void> {
  await h.run("/client add acme ACME Corp");
  await h.run("/client late acme INV-7", { user: "sam" });
  await h.run("/client late acme INV-9 second reminder ignored", { user: "sam" });
  await h.run("/client scope acme added a blog section", { user: "sam" });
}

describe("the offboarding wizard, in the console", () => {
  it("walks the eight steps from a script of press and form lines, then exports the record", async () => {
    await h.run("/client add acme ACME Corp");
    await setClient(h.db.db, "acme", { terms: { law: "fr" } });
    await addInvoice(h.db.db, "acme", {
      number: "INV-7",
      amountMinor: 200_000,
      issuedOn: "2026-09-01",
      dueOn: "2026-10-01",
    });
    // The overdue INV-7 and its linked incident are one late payment; INV-9 is another.
    await h.run("/client late acme INV-7", { user: "sam" });
    await h.run("/client late acme INV-9 second reminder ignored", { user: "sam" });
    const out = await script(h, [
      "/client offboard acme",
      "press wizard:1:1:conversation",
      "2026-11-20 Called Dana: payments must arrive on time, or we stop.",
      "press wizard:1:2:done",
      "press wizard:1:3:reason:late",
      "press wizard:1:3:done",
      "press wizard:1:4:done",
      "press wizard:1:5:chase",
      "press wizard:1:6:record",
      "press wizard:1:7:post",
      "press wizard:1:8:lessons",
      "Insisted on paying everything at the end\\nNo deposit asked",
      "/client export acme",
    ]);
    const all = out.join("\n");

    // The command answers privately, and the wizard lives in the owner's DM.
    expect(out[0]).toBe("Continuing in a direct message, where only you can see it.");
    expect(out).toContain("[DM @owner] == Letting ACME Corp go ==");
    expect(all).toContain("[DM @owner]   late payment: 2 / 2");
    expect(all).toContain("INV-7: €2,000.00 unpaid, due 1 Oct 2026 (57 days late)");
    for (let step = 1; step <= 8; step++)
      expect(all).toMatch(new RegExp(`\\[DM @owner\\] \\[#*-*\\] Step ${step} of 8`));

    // Step 1's form, its date taken from the line, step 3's chosen reason in the letter.
    expect(all).toContain("[form wizard-form:1:1:conversation] The conversation");
    expect(all).toContain("(Step 1 of 8, Talk first: done on 27 Nov 2026.)");
    // INV-7 is unpaid (not a payment that came late); INV-9 is not recorded, only noted as late.
    expect(all).toContain(
      "- invoice INV-7 (due 1 October 2026) is still unpaid, and we noted one other late payment, on 27 November 2026, which a team of our size cannot absorb.",
    );
    // The handover letter asks for the principal and the charges being chased (issue 13 §5).
    expect(all).toContain("- invoice INV-7, due 1 October 2026: €2,000.00, plus ");
    expect(all).toContain("  – fixed recovery fee: €40.00 (Code de commerce, art. L441-10 and D441-5)");
    expect(all).toContain("Kept: reminders for the unpaid invoices continue.");

    // The only thing ever posted is the neutral note, because the owner pressed it.
    expect(out.filter((l) => /^\[#[a-z]/.test(l))).toEqual([
      "[#general] We no longer work with ACME Corp as of 27 Nov 2026; please route any contact to owner.",
    ]);
    expect(all).toContain("ACME Corp is now a former client.");
    expect(await clientStatus(h.db.db, "acme")).toBe("offboarded");
    // Lessons are their own kind (issue #14): never warning signs, never counted as incidents.
    expect(await count(h.db.db, "incidents", "kind = 'lesson'")).toBe(2);
    expect(await count(h.db.db, "incidents", "kind = 'flag'")).toBe(0);

    // Step 6 and the export each wrote the record, Markdown and PDF, under DATA_DIR and printed their paths.
    const saved = out.filter((l) => l.startsWith("[DM @owner] Saved to ")).map((l) => l.slice(21));
    expect(saved).toHaveLength(4);
    expect(saved[2]).toMatch(/exports\/acme-record-2026-11-27\.md$/);
    expect(saved[3]).toMatch(/exports\/acme-record-2026-11-27\.pdf$/);
    expect((await readFile(saved[3] ?? "")).subarray(0, 5).toString()).toBe("%PDF-");
    const file = saved[2] ?? "";
    const record = await readFile(file, "utf8");
    expect(record).toContain("# Written record: ACME Corp (acme)");
    expect(record).toContain("Status: former client.");
    expect(record).toContain("| 8/8 Learn | done |");
    expect(record).toContain("Conversation of 20 Nov 2026: Called Dana: payments must arrive on time, or we stop.");

    expect(record).toContain("## Lessons learned (2, not counted as incidents)");
    expect(record).toContain("| Insisted on paying everything at the end |");

    const show = await h.say("/client show acme");
    expect(show).toContain("Status: former client");
    expect(show).toContain("late payment: 2 / 2\n");
    expect(show).not.toContain("warning sign");
    expect(show).toContain(
      "Lessons learned (not counted as incidents)\n27 Nov 2026 · by owner: No deposit asked\n27 Nov 2026 · by owner: Insisted on paying everything at the end",
    );
    // A former client's advice covers only what still applies: what is owed, and the record.
    expect(show).toContain(
      "What the playbook advises\n• A former client: what still applies is what is owed (INV-7: €2,",
    );
    expect(show).not.toContain("talk to the client personally");
  });

  it("opens in the DM without the 'continuing' note when the owner runs it there", async () => {
    await acme();
    const effects = await h.run("/client offboard acme", { dm: true });
    expect(effects.map((e) => e.type)).toEqual(["dm", "dm"]);
    expect(effects.every((e) => e.type === "dm" && e.userId === "owner")).toBe(true);
  });

  it("resumes at the same step after a restart (a new core on the same database)", async () => {
    await acme();
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "Talked on the phone.", date: "" });
    await h.run("press wizard:1:2:done");

    const restarted = createCore({
      db: h.db.db,
      clock: h.clock,
      log: silentLog,
      dataDir: "/tmp/tact-test-data",
      ...everyCommand,
    });
    const { effects } = await restarted.handle({
      platform: "console",
      workspaceId: "console",
      userId: "owner",
      userName: "owner",
      channelId: "general",
      isDm: false,
      input: { kind: "text", text: "offboard acme" },
    });
    const said = text(effects);
    expect(said).toContain("Picking up letting ACME Corp go where you left it: step 3 of 8.");
    expect(said).toContain("Step 3 of 8: Explain why, in writing");
    expect(buttonIds(effects)).toContain("wizard:1:3:done");
    expect(await count(h.db.db, "offboardings")).toBe(1);
  });

  it("keeps one wizard per client: running it again resumes the same one", async () => {
    await acme();
    await h.run("/client offboard acme");
    await h.run("/client offboard acme");
    expect(await count(h.db.db, "offboardings")).toBe(1);
  });

  it("pauses with 'remind me in N days', and resumes from the paused message", async () => {
    await acme();
    await h.run("/client offboard acme");
    const paused = await h.run("press wizard:1:1:remind:7");
    expect(paused.map((e) => e.type)).toEqual(["update"]);
    expect(text(paused)).toContain("Paused at step 1 of 8");
    expect(text(paused)).toContain("I'll remind you here on 4 Dec 2026.");
    expect(buttonIds(paused)).toEqual(["wizard:1:1:resume", "wizard:1:1:cancel"]);

    const resumed = await h.run("press wizard:1:1:resume");
    expect(text(resumed)).toContain("Step 1 of 8: Talk first");
    expect(await count(h.db.db, "offboardings", "state = 'in_progress' and remind_on is null")).toBe(1);
  });

  it("goes back a step, and skips one only with a reason, which is kept", async () => {
    await acme();
    await h.run("/client offboard acme");
    const skipForm = await h.run("press wizard:1:1:skip");
    expect(skipForm[0]).toMatchObject({ type: "form", form: { id: "wizard-form:1:1:skip" } });
    expect(text(await submit(h, "wizard-form:1:1:skip", { reason: "   " }))).toContain("is empty. Nothing was saved.");
    const skipped = await submit(h, "wizard-form:1:1:skip", { reason: "We talked at length last month." });
    expect(text(skipped)).toContain("Talk first: skipped on 27 Nov 2026 (We talked at length last month.)");
    const back = await h.run("press wizard:1:2:back");
    expect(text(back)).toContain("Back to step 1 of 8.");
    expect(text(back)).toContain("Step 1 of 8: Talk first");
  });

  it("lets the owner replace a drafted letter with their own text", async () => {
    await acme();
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "Met them.", date: "2026-11-26" });
    await h.run("press wizard:1:2:done");
    const form = await h.run("press wizard:1:3:own");
    expect(form[0]).toMatchObject({ type: "form" });
    const initial = form[0]?.type === "form" ? form[0].form.fields[0]?.initial : "";
    expect(initial).toContain("Dear ACME Corp,");
    const next = await submit(h, "wizard-form:1:3:letter", { text: "Dear ACME,\n\nWe are stopping here. Thank you." });
    expect(text(next)).toContain("Step 4 of 8");
    const exported = await h.run("/client export acme");
    const { markdown } = recordFiles(exported);
    expect(markdown).toContain("> We are stopping here. Thank you.");
    expect(markdown).toContain("Written by the owner");
  });

  it("stops when the owner keeps the client after all: active and visible again", async () => {
    await acme();
    await h.run("/client offboard acme");
    await h.run("press wizard:1:1:pause");
    const stopped = await h.run("press wizard:1:1:cancel");
    expect(text(stopped)).toContain("ACME Corp is an active client again");
    expect(await clientStatus(h.db.db, "acme")).toBe("active");
    expect(await h.say("/client show acme", { user: "sam" })).toContain("ACME Corp (acme)");
  });
});
