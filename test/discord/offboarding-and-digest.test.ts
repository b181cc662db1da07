import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { workspaces } from "../../db/schema/index.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import { useDiscord } from "./discord-test-setup.ts";
import type { ApiCall } from "./fake-discord-api.ts";
import { buttonPress, GUILD, groupedCommand, MEMBER, OWNER, selectChoice, slashCommand, type Who } from "./payloads.ts";

/**
 * What only Discord does with the wizard and the digest; the scenarios every adapter shares
 * are in test/contract/adapter-contract.test.ts.
 */
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

describe("the offboarding wizard through Discord", () => {
  it("answers ephemerally and continues in the owner's DM, whose buttons and forms carry the server", async () => {
    await serverWithDigestChannel();
    const refused = await d.send(slashCommand("offboard", { client: "acme" }, { user: MEMBER }));
    expect(dataOf(refused.body).flags).toBe(64);

    const started = await d.send(slashCommand("offboard", { client: "acme" }));
    expect(dataOf(started.body).flags).toBe(64);
    expect(d.api.find("POST", "/users/@me/channels")[0]?.body).toEqual({ recipient_id: OWNER });
    expect(text(posted(OWNER_DM)[1]?.body)).toContain(`"custom_id":"@${GUILD}/wizard:1:1:conversation"`);
    const modal = await d.send(buttonPress(`@${GUILD}/wizard:1:1:conversation`, inDm, false));
    expect(modal.body?.type).toBe(9);
    expect(dataOf(modal.body).custom_id).toBe(`@${GUILD}/wizard-form:1:1:conversation`);
    // The same button pressed by a member in the server (no server in its id) moves nothing.
    const inServer = await d.send(buttonPress("wizard:1:1:conversation", { user: MEMBER }));
    expect(inServer.body?.type).toBe(4);
    expect(text(dataOf(inServer.body))).toContain("Nothing was changed");
  });

  it("sends the record's Markdown and PDF on one message, each with its type", async () => {
    await serverWithDigestChannel();
    await d.send(slashCommand("export", { client: "acme" }));
    const withFiles = posted(OWNER_DM).filter((c) => c.files.length > 0);
    expect(withFiles.map((c) => c.files.map((f) => [f.name, f.type]))).toEqual([
      [
        ["acme-record-2026-11-27.md", "text/markdown; charset=utf-8"],
        ["acme-record-2026-11-27.pdf", "application/pdf"],
      ],
    ]);
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
  it("posts the morning digest, as the bot, in the channel set with /client config channel", async () => {
    await serverWithDigestChannel();
    d.h.clock.set("2026-11-30T08:00:00Z");
    await d.send(slashCommand("late", { client: "acme" }, { user: MEMBER }));
    d.h.clock.set("2026-11-30T09:00:00Z");
    const report = await runTick({ db: d.h.db.db, clock: d.h.clock, log: silentLog, outboxes: [d.adapter.outbox] });
    expect(report.sent).toBe(1);
    const digest = posted(DIGEST_CHANNEL);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.auth).toBe("Bot test-bot-token");
  });
});
