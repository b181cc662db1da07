import { describe, expect, it } from "vitest";
import { audits } from "../offboarding/offboarding-support.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { buttonPress, GUILD, MEMBER, modalSubmit, slashCommand, type Who } from "./payloads.ts";

const d = useDiscord();
const inDm: Who = { dm: true };

const press = (action: string, who: Who = inDm) => d.send(buttonPress(`@${GUILD}/${action}`, who, false));
const submit = (form: string, values: Record<string, string>) => d.send(modalSubmit(`@${GUILD}/${form}`, values, inDm));

/** The sent form as Discord sends it: the day typed, the channel picked in a string select. */
function sentForm(form: string, date: string, channel: string) {
  const payload = modalSubmit(`@${GUILD}/${form}`, { date, channel }, inDm);
  const [day] = payload.data.components;
  return {
    ...payload,
    data: {
      ...payload.data,
      components: [day, { type: 18, id: 3, component: { type: 3, id: 4, custom_id: "channel", values: [channel] } }],
    },
  };
}

describe('"I sent it" for a wizard letter, through Discord', () => {
  it("is a button in the owner's DM that opens a modal; a refused day writes nothing, a good one is recorded", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(slashCommand("late", { client: "acme" }, { user: MEMBER }));
    await d.send(slashCommand("offboard", { client: "acme" }));
    await press("wizard:1:1:conversation");
    await submit("wizard-form:1:1:conversation", { notes: "We talked", date: "2026-11-20" });
    await press("wizard:1:2:done");
    await press("wizard:1:3:reason:late");
    await press("wizard:1:3:done");
    await press("wizard:1:4:done");
    expect(JSON.stringify(d.api.calls)).toContain(`@${GUILD}/letter-sent:1:why`);
    expect(JSON.stringify(d.api.calls)).toContain(`@${GUILD}/letter-sent:1:next`);

    // A member's forged press opens nothing.
    const forged = await press("letter-sent:1:why", { dm: true, user: MEMBER });
    expect(forged.body?.type).not.toBe(9);

    const modal = await press("letter-sent:1:why");
    expect(modal.body?.type).toBe(9);
    expect((modal.body?.data as Record<string, unknown> | undefined)?.custom_id).toBe(
      `@${GUILD}/letter-sent-form:1:why`,
    );
    expect(JSON.stringify(modal.body)).toContain('"custom_id":"channel"');

    await d.send(sentForm("letter-sent-form:1:why", "2030-01-01", "email"));
    expect(await audits(d.h.db.db, "offboarding.letter-sent")).toEqual([]);

    const done = await d.send(sentForm("letter-sent-form:1:why", "2026-11-27", "email"));
    expect(JSON.stringify(done.body)).toContain("went to the client on 27 Nov 2026 by email");
    const sent = await audits(d.h.db.db, "offboarding.letter-sent");
    expect(sent.map((a) => a.details)).toEqual([
      expect.objectContaining({ letter: "why", sentOn: "2026-11-27", channel: "email" }),
    ]);
  });
});
