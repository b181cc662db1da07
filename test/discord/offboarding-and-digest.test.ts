import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { workspaces } from "../../db/schema/index.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import { useDiscord } from "./discord-test-setup.ts";
import type { ApiCall } from "./fake-discord-api.ts";
import {
  buttonPress,
  GUILD,
  groupedCommand,
  MEMBER,
  modalSubmit,
  OWNER,
  selectChoice,
  slashCommand,
  type Who,
} from "./payloads.ts";

const d = useDiscord();
const DIGEST_CHANNEL = "1160000000000000001";
const OWNER_DM = `9${OWNER}`;
const inDm: Who = { dm: true };

function dataOf(body: Record<string, unknown> | undefined): Record<string, unknown> {
  return (body?.data ?? {}) as Record<string, unknown>;
}

function text(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Messages the bot posted in a channel (a DM channel included), in order. */
function posted(channel: string): ApiCall[] {
  return d.api.find("POST", `/channels/${channel}/messages`);
}

/** The server workspace, made by a first command, with its digest channel and a creation date in the past. */
async function serverWithDigestChannel(): Promise<void> {
  await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
  // Typing #billing in a Discord option sends the channel as <#id>.
  const set = await d.send(groupedCommand("config", "channel", { channel: `<#${DIGEST_CHANNEL}>` }));
  expect(JSON.stringify(set.body)).toContain(DIGEST_CHANNEL);
  // Created well before the fixed clock, so the clock alone decides what is due.
  await d.h.db.db
    .update(workspaces)
    .set({ createdAt: new Date("2020-01-01T00:00:00Z") })
    .where(eq(workspaces.externalId, GUILD));
}

/** Presses a button of a message the bot sent to the owner's DM. */
const press = (action: string, who: Who = inDm) => d.send(buttonPress(`@${GUILD}/${action}`, who, false));
const submit = (form: string, values: Record<string, string>) => d.send(modalSubmit(`@${GUILD}/${form}`, values, inDm));

describe("the offboarding wizard through Discord", () => {
  it("runs in the owner's DM, refuses a member at the command and at the buttons, and posts only the neutral team note", async () => {
    await serverWithDigestChannel();
    await d.send(slashCommand("late", { client: "acme" }, { user: MEMBER }));

    const refused = await d.send(slashCommand("offboard", { client: "acme" }, { user: MEMBER }));
    expect(dataOf(refused.body).flags).toBe(64);
    expect(text(dataOf(refused.body))).toContain("Only the workspace owner (Olivia) can let a client go");
    expect(d.api.find("POST", "/users/@me/channels")).toEqual([]);

    const started = await d.send(slashCommand("offboard", { client: "acme" }));
    expect(dataOf(started.body).flags).toBe(64);
    expect(text(dataOf(started.body))).toContain("Continuing in a direct message");
    expect(d.api.find("POST", "/users/@me/channels")[0]?.body).toEqual({ recipient_id: OWNER });
    const opening = posted(OWNER_DM);
    expect(opening).toHaveLength(2);
    expect(text(opening[0]?.body)).toContain("Letting ACME Corp go");
    // Buttons in a DM carry the server they act for.
    expect(text(opening[1]?.body)).toContain(`"custom_id":"@${GUILD}/wizard:1:1:conversation"`);

    // Step 1: the button opens a modal; submitting it moves on.
    const modal = await press("wizard:1:1:conversation");
    expect(modal.body?.type).toBe(9);
    expect(dataOf(modal.body).custom_id).toBe(`@${GUILD}/wizard-form:1:1:conversation`);
    await submit("wizard-form:1:1:conversation", { notes: "Told them payments must be on time", date: "2026-11-20" });
    expect(text(posted(OWNER_DM).at(-1)?.body)).toContain(`@${GUILD}/wizard:1:2:done`);

    // A member forging a press of the owner's button is refused, and nothing moves.
    const forged = await press("wizard:1:2:done", { dm: true, user: MEMBER });
    expect(dataOf(forged.body).flags).toBe(64);
    expect(text(dataOf(forged.body))).toContain("Nothing was changed");
    const inServer = await d.send(buttonPress("wizard:1:2:done", { user: MEMBER }));
    expect(text(dataOf(inServer.body))).toContain("Nothing was changed");

    await press("wizard:1:2:done");
    await press("wizard:1:3:reason:late");
    await press("wizard:1:3:done");
    const letter = await press("wizard:1:4:own");
    expect(letter.body?.type).toBe(9);
    await submit("wizard-form:1:4:letter", { text: "Dear ACME,\nwe are ending our collaboration." });
    await press("wizard:1:5:done");

    // Step 6: the written record arrives as a file in the DM.
    await press("wizard:1:6:record");
    const withFile = posted(OWNER_DM).filter((c) => c.files.length > 0);
    expect(withFile).toHaveLength(1);
    // Both files on one message: the Markdown and its PDF.
    const [markdown, pdf] = withFile[0]?.files ?? [];
    expect(withFile[0]?.files.map((f) => [f.name, f.type])).toEqual([
      ["acme-record-2026-11-27.md", "text/markdown; charset=utf-8"],
      ["acme-record-2026-11-27.pdf", "application/pdf"],
    ]);
    expect(markdown?.content).toContain("ACME Corp");
    const loaded = await PDFDocument.load(pdf?.bytes ?? new Uint8Array());
    expect(loaded.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(loaded.getSubject()).toBe(
      `SHA-256 acme-record-2026-11-27.md ${createHash("sha256")
        .update(markdown?.bytes ?? "")
        .digest("hex")}`,
    );

    // Step 7: the neutral note to the team is the only thing posted in the server.
    await press("wizard:1:7:post");
    const note = posted(DIGEST_CHANNEL);
    expect(note).toHaveLength(1);
    expect(text(note[0]?.body)).toContain("ACME Corp");
    expect(text(note[0]?.body)).not.toContain("Told them payments");

    const lessons = await press("wizard:1:8:lessons");
    expect(lessons.body?.type).toBe(9);
    await submit("wizard-form:1:8:lessons", { text: "They insisted on paying at the end" });

    const card = await d.send(slashCommand("show", { client: "acme" }, { user: MEMBER }));
    expect(text(dataOf(card.body))).toContain("ACME Corp");
    expect(posted("1120000000000000001")).toEqual([]);
    for (const body of d.api.messageBodies()) expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it("takes the reminder choice from a select in the DM and updates that message", async () => {
    await serverWithDigestChannel();
    await d.send(slashCommand("offboard", { client: "acme" }));
    const res = await d.send(selectChoice(`@${GUILD}/wizard:1:1:remind`, "3", inDm));
    expect(res.status).toBe(200);
    // The select's choice updates the step's message in place.
    expect(res.body?.type).toBe(7);
    expect(text(dataOf(res.body))).toContain("I'll remind you here on 30 Nov 2026");
    expect(text(dataOf(res.body))).toContain(`"custom_id":"@${GUILD}/wizard:1:1:resume"`);
  });
});

describe("the digest through Discord", () => {
  it("posts the morning digest in the configured channel, where nothing typed can ping", async () => {
    await serverWithDigestChannel();
    d.h.clock.set("2026-11-30T08:00:00Z");
    await d.send(slashCommand("late", { client: "acme" }, { user: MEMBER }));
    await d.send(slashCommand("note", { client: "acme", note: "@everyone they never pay" }, { user: MEMBER }));
    d.h.clock.set("2026-11-30T09:00:00Z");
    const report = await runTick({ db: d.h.db.db, clock: d.h.clock, log: silentLog, outboxes: [d.adapter.outbox] });
    expect(report.sent).toBe(1);
    const digest = posted(DIGEST_CHANNEL);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.auth).toBe("Bot test-bot-token");
    expect(text(digest[0]?.body)).toContain("ACME Corp");
    expect(digest[0]?.body?.allowed_mentions).toEqual({ parse: [] });
    expect(text(digest[0]?.body)).not.toContain("@everyone");
  });
});
