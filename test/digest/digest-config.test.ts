import { describe, expect, it } from "vitest";
import { findWorkspace } from "../../db/queries/workspaces.ts";
import { parseChannel, parseDays, parseTime, parseTimeZone } from "../../src/digest/schedule-settings.ts";
import { makeWorkspace, recordingOutbox, tick } from "../scheduler/scheduler-support.ts";
import { useHarness } from "../support/harness.ts";

// Monday 29 November 2027, 07:00 in Paris.
const h = useHarness("2027-11-29T06:00:00Z");

const workspace = async () => {
  const ws = await findWorkspace(h.db.db, "console", "console");
  if (!ws) throw new Error("no workspace");
  return ws;
};

describe("schedule settings", () => {
  it("lets the owner set the channel, time and zone, days and quiet days", async () => {
    expect(await h.say("/client config channel #billing")).toBe(
      "The digest and overdue alerts will be posted in #billing.",
    );
    expect(await h.say("/client config digest 8:30 Europe/Paris")).toBe(
      "Daily digest at 08:30 (Europe/Paris), Monday to Friday, in #billing. Next one: 29 Nov 2027 at 08:30.",
    );
    expect(await h.say("/client config days mon,wed,fri")).toBe(
      "The digest now posts on Monday, Wednesday and Friday.",
    );
    expect(await h.say("/client config quiet silent")).toBe(
      "On a day with nothing to report, the digest posts nothing.",
    );
    expect(await h.say("/client config digest")).toBe(
      "Daily digest: on, at 08:30 (Europe/Paris), on Monday, Wednesday and Friday, in #billing. Quiet days: nothing.",
    );
    expect(await workspace()).toMatchObject({
      digestChannel: "billing",
      digestTime: "08:30",
      timezone: "Europe/Paris",
      digestDays: [1, 3, 5],
      digestQuietPost: false,
      digestEnabled: true,
    });
    expect(await h.say("/client config digest off")).toBe(
      "The daily digest is off. Overdue alerts still post in the digest channel, at the digest time.",
    );
    expect(await h.say("/client config digest on")).toContain("The daily digest is on again. Daily digest at 08:30");
  });

  it("posts at the new time in the new zone, in the new channel", async () => {
    await makeWorkspace(h, "console");
    await h.run("/client config channel <#C0123ABC|billing>");
    await h.run("/client config digest 7h30 America/New_York");
    const { outbox, sent } = recordingOutbox();
    h.clock.set("2027-11-29T12:29:00Z");
    await tick(h, outbox);
    expect(sent).toHaveLength(0);
    h.clock.set("2027-11-29T12:30:00Z");
    await tick(h, outbox);
    expect(sent.map((s) => s.effect)).toEqual([expect.objectContaining({ type: "post", channelId: "C0123ABC" })]);
    // Today's digest is out: the next one is tomorrow, even at an earlier time.
    expect(await h.say("/client config digest 13:00")).toBe(
      "Daily digest at 13:00 (America/New_York), Monday to Friday, in #C0123ABC. Next one: 30 Nov 2027 at 13:00.",
    );
  });

  it("uses the current channel for `here`, and refuses a direct message", async () => {
    expect(await h.say("/client config channel here", { channel: "finance" })).toBe(
      "The digest and overdue alerts will be posted in #finance.",
    );
    expect(await h.say("/client config channel here", { dm: true })).toContain(
      "the digest can't go to a direct message",
    );
    expect((await workspace()).digestChannel).toBe("finance");
  });

  it("explains every wrong value and changes nothing", async () => {
    await h.run("/client help");
    const before = await workspace();
    const cases: [string, string][] = [
      ["/client config channel #not a channel", "is not a channel"],
      ["/client config digest 25:00", `"25:00" is not a digest setting`],
      ["/client config digest 9", `"9" is not a digest setting`],
      ["/client config digest 09:00 Mars/Olympus", `"Mars/Olympus" is not a time zone I know`],
      ["/client config digest tomorrow", `"tomorrow" is not a digest setting`],
      ["/client config days weekends", `"weekends" is not a list of days`],
      ["/client config days mon-", `"mon-" is not a list of days`],
      ["/client config days", `"" is not a list of days`],
      ["/client config quiet maybe", `"maybe" is not a choice here. Expected \`post\` or \`silent\`.`],
    ];
    for (const [line, expected] of cases) expect(await h.say(line)).toContain(expected);
    expect(await workspace()).toEqual(before);
  });

  it("is the owner's alone", async () => {
    await h.run("/client help");
    const before = await workspace();
    for (const line of [
      "/client config channel #random",
      "/client config digest 06:00",
      "/client config days daily",
      "/client config quiet post",
    ]) {
      expect(await h.say(line, { user: "sam" })).toContain("Only the workspace owner (owner) can");
    }
    expect(await workspace()).toEqual(before);
  });

  it("answers in French in a French workspace", async () => {
    await h.run("/client config lang fr");
    expect(await h.say("/client config channel #facturation")).toBe(
      "Le point du jour et les alertes de retard seront publiés dans #facturation.",
    );
    expect(await h.say("/client config days lun-ven")).toBe(
      "Le point du jour sera désormais publié du lundi au vendredi.",
    );
    const said = await h.say("/client config digest 9h Europe/Paris");
    expect(said.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Point du jour à 09:00 (Europe/Paris), du lundi au vendredi, dans #facturation. Prochain envoi : 29 nov. 2027 à 09:00.",
    );
  });
});

describe("/client digest", () => {
  it("shows today's digest privately without counting as the scheduled one", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-1 1200 EUR due 2027-11-13 issued 2027-10-14");
    h.clock.set("2027-11-29T07:00:00Z");
    const effects = await h.run("/client digest", { user: "sam" });
    expect(effects.map((e) => e.type)).toEqual(["reply"]);
    const text = await h.say("/client digest", { user: "sam" });
    expect(text).toContain(
      "Preview, visible only to you. The scheduled digest posts in #general at 09:00 (Europe/Paris).",
    );
    expect(text).toContain("INV-1 · €1,200.00 · 16 days late");

    const { outbox, sent } = recordingOutbox();
    h.clock.set("2027-11-29T08:00:00Z");
    await tick(h, outbox);
    expect(sent[0]?.text).toContain("INV-1 · €1,200.00 · 16 days late");
  });

  it("says the quiet line even when quiet days post nothing", async () => {
    await h.run("/client config quiet silent");
    expect(await h.say("/client digest")).toContain(
      "Nothing to report today: no overdue invoice, nothing due this week, no new incident.",
    );
  });
});

describe("reading schedule values", () => {
  it("reads times, zones, days and channels as people type them", () => {
    expect(["9:00", "09:00", "9h", "9h30", "9am", "5:30pm", "12am", "12pm", "23:59"].map(parseTime)).toEqual([
      "09:00",
      "09:00",
      "09:00",
      "09:30",
      "09:00",
      "17:30",
      "00:00",
      "12:00",
      "23:59",
    ]);
    expect(["9", "24:00", "9:60", "13pm", "noon", ""].map(parseTime)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(parseTimeZone("Mars/Olympus")).toBeUndefined();
    expect(parseDays("mon-fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays("fri-mon")).toEqual([1, 5, 6, 7]);
    expect(parseDays("Lun, Mer, Ven.")).toEqual([1, 3, 5]);
    expect(parseDays("daily")).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseDays("mon-funday")).toBeUndefined();
    // Words every JavaScript object has are not days.
    expect(parseDays("__proto__")).toBeUndefined();
    expect(parseDays("mon-constructor")).toBeUndefined();
    expect(parseChannel("<#C0123ABC|billing>")).toEqual({ id: "C0123ABC", name: "billing" });
    expect(parseChannel("<#112233445566778899>")).toEqual({ id: "112233445566778899", name: "112233445566778899" });
    expect(parseChannel("#général")).toEqual({ id: "général", name: "général" });
    expect(parseChannel("#two words")).toBeUndefined();
  });
});
