import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { workspaces } from "../../db/schema/index.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import type { FakeCall } from "./fake-slack-api.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();
const DIGEST_CHANNEL = "C0BILLING";
const OWNER_DM = `D${OWNER}`;

/** Messages Tact posted in a channel (a DM included), in order. */
function posted(channel: string): FakeCall[] {
  return s.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);
}

/** Action ids of the buttons and selects of a posted message. */
function actionsOf(call: FakeCall | undefined): string[] {
  return ((call?.args.blocks as Json[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .map((e) => String(e.value ?? e.action_id));
}

/** The workspace, made by a first command, with its digest channel and a creation date in the past. */
async function workspaceWithDigestChannel(): Promise<void> {
  await s.command("add acme ACME Corp");
  await s.h.db.db
    .update(workspaces)
    .set({ digestChannel: DIGEST_CHANNEL, createdAt: new Date("2020-01-01T00:00:00Z") })
    .where(eq(workspaces.externalId, TEAM));
}

/** The owner pressing a button of the last message Tact sent to their DM. */
async function press(action: string, user = OWNER, channel = OWNER_DM): Promise<void> {
  const last = posted(OWNER_DM).at(-1);
  const status = await s.press(action, { user, channel, messageTs: String(last?.answer?.ts ?? "1700000000.000001") });
  expect(status).toBe(200);
}

/** Fills the modal Tact just opened (by field id) and submits it. */
async function fillModal(values: Record<string, string>): Promise<Json> {
  const view = s.fake.callsTo("views.open").at(-1)?.args.view as Json;
  const blocks = view.blocks as Json[];
  const byBlock = Object.fromEntries(blocks.map((b) => [String(b.block_id), values[String(b.block_id)] ?? ""]));
  expect(await s.submit(String(view.private_metadata), byBlock)).toBe(200);
  return view;
}

describe("the offboarding wizard through Slack", () => {
  it("runs in the owner's DM by buttons and modals, refuses a member at the command and the buttons, posts only the team note", async () => {
    await workspaceWithDigestChannel();
    await s.command("late acme", { user: MEMBER });

    const refused = await s.command("offboard acme", { user: MEMBER });
    const refusal = s.fake.responses.find((r) => refused.responseUrl.endsWith(r.id))?.body;
    expect(refusal?.response_type).toBe("ephemeral");
    expect(refusal?.text).toContain("Only the workspace owner (dana) can let a client go");
    expect(s.fake.callsTo("chat.postMessage")).toEqual([]);

    const started = await s.command("offboard acme", { channel: "C0GENERAL" });
    const continuing = s.fake.responses.find((r) => started.responseUrl.endsWith(r.id))?.body;
    expect(continuing?.text).toContain("Continuing in a direct message");
    expect(s.fake.callsTo("conversations.open").map((c) => c.args.users)).toContain(OWNER);
    const opening = posted(OWNER_DM);
    expect(opening).toHaveLength(2);
    expect(String(opening[0]?.args.text)).toContain("Letting ACME Corp go");
    expect(actionsOf(opening[1])).toContain("wizard:1:1:conversation");
    // Nothing of it in a channel.
    expect(s.fake.callsTo("chat.postMessage").every((c) => c.args.channel === OWNER_DM)).toBe(true);

    // Step 1: the button opens a modal; submitting it moves on.
    await press("wizard:1:1:conversation");
    const modal = await fillModal({ notes: "Told them payments must be on time", date: "2026-11-20" });
    expect((modal.title as Json).text).toBeTruthy();
    expect(actionsOf(posted(OWNER_DM).at(-1))).toContain("wizard:1:2:done");

    // A member forging a press of the owner's button is refused, and nothing moves.
    const before = posted(OWNER_DM).length;
    await press("wizard:1:2:done", MEMBER, OWNER_DM);
    expect(String(s.fake.responses.at(-1)?.body.text)).toContain("Nothing was changed");
    await press("wizard:1:2:done", MEMBER, "C0GENERAL");
    expect(String(s.fake.responses.at(-1)?.body.text)).toContain("Nothing was changed");
    expect(posted(OWNER_DM)).toHaveLength(before);

    await press("wizard:1:2:done");
    await press("wizard:1:3:reason:late");
    await press("wizard:1:3:done");
    await press("wizard:1:4:own");
    await fillModal({ text: "Dear ACME,\nwe are ending our collaboration." });
    await press("wizard:1:5:done");

    // Step 6: the written record arrives in the DM as two files, the Markdown and its PDF.
    await press("wizard:1:6:record");
    const uploads = s.fake.callsTo("files.getUploadURLExternal").map((c) => String(c.args.filename));
    expect(uploads).toEqual(["acme-record-2026-11-27.md", "acme-record-2026-11-27.pdf"]);
    expect(s.fake.callsTo("files.completeUploadExternal").map((c) => c.args.channel_id)).toContain(OWNER_DM);
    const [markdown, pdf] = [...s.fake.uploadedBytes.values()];
    expect(markdown?.toString("utf8")).toContain("ACME Corp");
    const loaded = await PDFDocument.load(pdf ?? new Uint8Array());
    expect(loaded.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(loaded.getSubject()).toBe(
      `SHA-256 acme-record-2026-11-27.md ${createHash("sha256")
        .update(markdown ?? "")
        .digest("hex")}`,
    );

    // Step 7: the neutral note to the team is the only thing posted in a channel.
    await press("wizard:1:7:post");
    const note = posted(DIGEST_CHANNEL);
    expect(note).toHaveLength(1);
    expect(String(note[0]?.args.text)).toContain("ACME Corp");
    expect(JSON.stringify(note)).not.toContain("Told them payments");

    await press("wizard:1:8:lessons");
    await fillModal({ text: "They insisted on paying at the end" });

    const channels = new Set(s.fake.callsTo("chat.postMessage").map((c) => c.args.channel));
    expect([...channels].sort()).toEqual([DIGEST_CHANNEL, OWNER_DM].sort());
    expect(s.fake.callsTo("chat.postEphemeral")).toEqual([]);
  });

  it("takes the reminder choice from a select in the DM and updates that message in place", async () => {
    await workspaceWithDigestChannel();
    await s.command("offboard acme");
    const step = posted(OWNER_DM).at(-1);
    const ts = String(step?.answer?.ts);
    expect(await s.choose("wizard:1:1:remind", "3", { channel: OWNER_DM, messageTs: ts })).toBe(200);
    const [updated] = s.fake.callsTo("chat.update");
    expect(updated?.args).toMatchObject({ channel: OWNER_DM, ts });
    expect(JSON.stringify(updated?.args.blocks)).toContain("I'll remind you here on 30 Nov 2026");
    expect(actionsOf(updated)).toContain("wizard:1:1:resume");
  });
});

describe("the digest through Slack", () => {
  it("posts the morning digest in the configured channel, where nothing typed can notify", async () => {
    await workspaceWithDigestChannel();
    s.h.clock.set("2026-11-30T08:00:00Z");
    await s.command("late acme", { user: MEMBER });
    await s.command("note acme <!channel> they never pay", { user: MEMBER });
    s.h.clock.set("2026-11-30T09:00:00Z");
    s.fake.reset();
    const report = await runTick({ db: s.h.db.db, clock: s.h.clock, log: silentLog, outboxes: [s.adapter.outbox] });
    expect(report.sent).toBe(1);
    const digest = posted(DIGEST_CHANNEL);
    expect(digest.length).toBeGreaterThanOrEqual(1);
    expect(digest[0]?.token).toBe("xoxb-test-token");
    expect(JSON.stringify(digest)).toContain("ACME Corp");
    expect(s.sent()).not.toContain("<!channel>");
  });

  it("sends nothing to a workspace where Tact was uninstalled, and keeps its data", async () => {
    await workspaceWithDigestChannel();
    s.h.clock.set("2026-11-30T08:00:00Z");
    await s.command("late acme", { user: MEMBER });
    expect(await s.event("app-uninstalled")).toBe(200);
    s.h.clock.set("2026-11-30T09:00:00Z");
    s.fake.reset();
    await runTick({ db: s.h.db.db, clock: s.h.clock, log: silentLog, outboxes: [s.adapter.outbox] });
    expect(s.fake.callsTo("chat.postMessage")).toEqual([]);
    const [ws] = await s.h.db.db.select().from(workspaces).where(eq(workspaces.externalId, TEAM));
    expect(ws?.deactivatedAt).not.toBeNull();
    const card = await s.command("show acme", { user: MEMBER });
    expect(JSON.stringify(s.fake.responses.filter((r) => card.responseUrl.endsWith(r.id)))).toContain("late payment");
  });
});
