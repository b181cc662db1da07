import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { workspaces } from "../../db/schema/index.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import type { FakeCall } from "./fake-slack-api.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "./slack-harness.ts";

/**
 * What only Slack does with the wizard and the digest; the scenarios every adapter shares are
 * in test/contract/adapter-contract.test.ts.
 */
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

describe("the offboarding wizard through Slack", () => {
  it("refuses a member ephemerally, opens the owner's DM, takes a step in a modal, refuses forged presses anywhere", async () => {
    await workspaceWithDigestChannel();
    const refused = await s.command("offboard acme", { user: MEMBER });
    expect(s.fake.responses.find((r) => refused.responseUrl.endsWith(r.id))?.body.response_type).toBe("ephemeral");
    expect(s.fake.callsTo("chat.postMessage")).toEqual([]);

    await s.command("offboard acme");
    expect(s.fake.callsTo("conversations.open").map((c) => c.args.users)).toContain(OWNER);
    const ts = String(posted(OWNER_DM).at(-1)?.answer?.ts);
    expect(await s.press("wizard:1:1:conversation", { channel: OWNER_DM, messageTs: ts })).toBe(200);
    const view = s.fake.callsTo("views.open").at(-1)?.args.view as Json;
    expect((view.title as Json).text).toBe("The conversation");
    // A member pressing the owner's button, in the owner's DM or in a channel, moves nothing.
    for (const channel of [OWNER_DM, "C0GENERAL"]) {
      await s.press("wizard:1:1:conversation", { user: MEMBER, channel, messageTs: ts });
      expect(String(s.fake.responses.at(-1)?.body.text)).toContain("Nothing was changed");
    }
    expect(s.fake.callsTo("views.open")).toHaveLength(1);
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
  const tick = () => runTick({ db: s.h.db.db, clock: s.h.clock, log: silentLog, outboxes: [s.adapter.outbox] });

  it("posts the digest with the workspace's bot token", async () => {
    await workspaceWithDigestChannel();
    s.h.clock.set("2026-11-30T08:00:00Z");
    await s.command("late acme", { user: MEMBER });
    s.h.clock.set("2026-11-30T09:00:00Z");
    expect((await tick()).sent).toBe(1);
    expect(posted(DIGEST_CHANNEL)[0]?.token).toBe("xoxb-test-token");
  });

  it("sends nothing to a workspace where Tact was uninstalled, and keeps its data", async () => {
    await workspaceWithDigestChannel();
    s.h.clock.set("2026-11-30T08:00:00Z");
    await s.command("late acme", { user: MEMBER });
    expect(await s.event("app-uninstalled")).toBe(200);
    s.h.clock.set("2026-11-30T09:00:00Z");
    s.fake.reset();
    await tick();
    expect(s.fake.callsTo("chat.postMessage")).toEqual([]);
    const [ws] = await s.h.db.db.select().from(workspaces).where(eq(workspaces.externalId, TEAM));
    expect(ws?.deactivatedAt).not.toBeNull();
    const card = await s.command("show acme", { user: MEMBER });
    expect(JSON.stringify(s.fake.responses.filter((r) => card.responseUrl.endsWith(r.id)))).toContain("late payment");
  });
});
