import { describe, expect, it } from "vitest";
import { audits } from "../offboarding/offboarding-support.ts";
import type { FakeCall } from "./fake-slack-api.ts";
import { MEMBER, OWNER, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();
const OWNER_DM = `D${OWNER}`;

const posted = (channel: string): FakeCall[] =>
  s.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);

function actionsOf(call: FakeCall | undefined): string[] {
  return ((call?.args.blocks as Json[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .map((e) => String(e.value ?? e.action_id));
}

async function press(action: string, user = OWNER): Promise<void> {
  const last = posted(OWNER_DM).at(-1);
  const status = await s.press(action, {
    user,
    channel: OWNER_DM,
    messageTs: String(last?.answer?.ts ?? "1700000000.000001"),
  });
  expect(status).toBe(200);
}

const select = (value: string) => ({
  type: "static_select",
  selected_option: { text: { type: "plain_text", text: value }, value },
});

describe('"I sent it" for a wizard letter, through Slack', () => {
  it("is a button in the owner's DM that opens a modal; a future day stays open under its field, a good one is recorded", async () => {
    await s.command("add acme ACME Corp");
    await s.command("late acme", { user: MEMBER });
    await s.command("offboard acme");
    await press("wizard:1:1:conversation");
    const first = s.fake.callsTo("views.open").at(-1)?.args.view as Json;
    expect(await s.submit(String(first.private_metadata), { notes: "We talked", date: "2026-11-20" })).toBe(200);
    await press("wizard:1:2:done");
    await press("wizard:1:3:reason:late");
    await press("wizard:1:3:done");
    await press("wizard:1:4:done");

    // The handover letter kept: "I sent it" waits under it in the DM.
    const prompt = posted(OWNER_DM).find((c) => actionsOf(c).includes("letter-sent:1:next"));
    expect(prompt).toBeDefined();
    expect(posted(OWNER_DM).some((c) => actionsOf(c).includes("letter-sent:1:why"))).toBe(true);

    // A member forging the press is refused; no modal opens.
    const modals = s.fake.callsTo("views.open").length;
    await press("letter-sent:1:next", MEMBER);
    expect(s.fake.callsTo("views.open")).toHaveLength(modals);

    await press("letter-sent:1:next");
    const view = s.fake.callsTo("views.open").at(-1)?.args.view as Json;
    expect(String(view.private_metadata)).toContain("letter-sent-form:1:next");
    const ids = (view.blocks as Json[]).map((b) => String(b.block_id));
    expect(ids).toEqual(["date", "channel"]);

    await s.submit(String(view.private_metadata), { date: "2030-01-01", channel: select("registered") });
    expect(s.viewAck).toMatchObject({ response_action: "errors", errors: { date: expect.stringContaining("2030") } });
    expect(await audits(s.h.db.db, "offboarding.letter-sent")).toEqual([]);

    expect(await s.submit(String(view.private_metadata), { date: "2026-11-27", channel: select("registered") })).toBe(
      200,
    );
    const sent = await audits(s.h.db.db, "offboarding.letter-sent");
    expect(sent.map((a) => a.details)).toEqual([
      expect.objectContaining({ letter: "next", sentOn: "2026-11-27", channel: "registered" }),
    ]);
    expect(sent[0]?.actorId).toBe(OWNER);
  });
});
