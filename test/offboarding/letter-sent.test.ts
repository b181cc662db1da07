import { describe, expect, it } from "vitest";
import { catalogFor } from "../../src/messages/catalog.ts";
import { useHarness } from "../support/harness.ts";
import { audits, buttonIds, recordFiles, script, submit, text } from "./offboarding-support.ts";

const h = useHarness("2026-11-27T10:00:00Z");

/** The wizard up to the handover letter kept at step 4, in the given language. */
async function lettersKept(lang: "en" | "fr") {
  if (lang === "fr") await h.run("/client config lang fr");
  await h.run("/client add acme ACME Corp");
  await h.run("/client late acme INV-7", { user: "sam" });
  await h.run("/client offboard acme");
  await submit(h, "wizard-form:1:1:conversation", { notes: "We talked.", date: "2026-11-26" }, { dm: true });
  await h.run("press wizard:1:2:done", { dm: true });
  await h.run("press wizard:1:3:reason:late", { dm: true });
  const why = await h.run("press wizard:1:3:done", { dm: true });
  const next = await h.run("press wizard:1:4:done", { dm: true });
  return { why, next };
}

const sentRows = async () =>
  (await audits(h.db.db, "offboarding.letter-sent")).map(({ details: { letter, sentOn, channel } }) => ({
    letter,
    sentOn,
    channel,
  }));

for (const lang of ["en", "fr"] as const) {
  const t = catalogFor(lang);
  describe(`"I sent it" for the wizard's letters (${lang})`, () => {
    it("offers it under each kept letter, asks when and how, and the record shows drafted and sent dates", async () => {
      const { why, next } = await lettersKept(lang);
      expect(buttonIds(why)).toContain("letter-sent:1:why");
      expect(buttonIds(next)).toContain("letter-sent:1:next");
      expect(text(why)).toContain(t.offboarding.letterSent.prompt({ title: t.offboarding.record.whyTitle }));

      const asked = await h.run("press letter-sent:1:next", { dm: true });
      const form = asked.find((e) => e.type === "form");
      expect(form?.type === "form" && form.form.id).toBe("letter-sent-form:1:next");
      expect(form?.type === "form" && form.form.fields.map((f) => f.id)).toEqual(["date", "channel"]);

      h.clock.set("2026-11-30T09:00:00Z");
      const done = text(
        await submit(h, "letter-sent-form:1:next", { date: "2026-11-28", channel: "registered" }, { dm: true }),
      );
      expect(done).toBe(
        t.offboarding.letterSent.recorded({
          title: t.offboarding.record.nextTitle,
          date: lang === "en" ? "28 Nov 2026" : "28 nov. 2026",
          via: t.reminders.sentVia({ channel: t.reminders.channels.registered }),
        }),
      );
      expect(await sentRows()).toEqual([{ letter: "next", sentOn: "2026-11-28", channel: "registered" }]);

      const md = recordFiles(await h.run("/client export acme", { dm: true })).markdown;
      const via = t.reminders.sentVia({ channel: t.reminders.channels.registered });
      // The handover letter: kept on the 27th, sent on the 28th by registered letter.
      expect(md).toContain(
        t.offboarding.record.letterSentMeta({
          date: lang === "en" ? "28 Nov 2026" : "28 nov. 2026",
          via,
          recorded: lang === "en" ? "30 Nov 2026, 09:00" : "30 nov. 2026, 09:00",
        }),
      );
      // The letter that explains why was kept, never said to be sent.
      expect(md).toContain(t.offboarding.record.letterNotSent);
      expect(md).toContain(t.offboarding.record.entries.letterSent({ title: t.offboarding.record.nextTitle, via }));
    });

    it("refuses a future day, a day before the letter was kept, or an unknown or missing channel, writing nothing", async () => {
      await lettersKept(lang);
      const before = await h.run("/client export acme", { dm: true });
      const say = async (values: Record<string, string>) =>
        text(await submit(h, "letter-sent-form:1:why", values, { dm: true }));
      expect(await say({ date: "2026-11-28", channel: "email" })).toBe(
        t.reminders.sentFuture({ date: lang === "en" ? "28 Nov 2026" : "28 nov. 2026" }),
      );
      expect(await say({ date: "2026-11-20", channel: "email" })).toContain(t.offboarding.letterSent.beforeKept);
      expect(await say({ date: "2026-11-27", channel: "pigeon" })).toBe(t.reminders.sentChannel({ value: "pigeon" }));
      // Not a property of a JavaScript object either.
      expect(await say({ date: "2026-11-27", channel: "constructor" })).toBe(
        t.reminders.sentChannel({ value: "constructor" }),
      );
      expect(await say({ date: "2026-11-27", channel: "" })).toBe(t.offboarding.letterSent.noChannel);
      expect(await say({ date: "27/13/2026", channel: "email" })).toBe(t.reminders.sentDate({ value: "27/13/2026" }));
      expect(await sentRows()).toEqual([]);
      expect(recordFiles(await h.run("/client export acme", { dm: true })).markdown).toBe(recordFiles(before).markdown);
    });

    it("belongs to the owner who started the wizard: a member's press or form is refused and audited", async () => {
      await lettersKept(lang);
      expect(text(await h.run("press letter-sent:1:why", { user: "sam", dm: true }))).toBe(t.offboarding.refused.press);
      expect(
        text(await submit(h, "letter-sent-form:1:why", { date: "2026-11-27", channel: "email" }, { user: "sam" })),
      ).toBe(t.offboarding.refused.press);
      expect(await sentRows()).toEqual([]);
      expect((await audits(h.db.db, "refused.wizard")).length).toBe(2);
    });
  });
}

describe('"I sent it" for a letter, on the console', () => {
  it("asks the day and the channel a line each, then records it", async () => {
    await lettersKept("en");
    const out = await script(h, ["press letter-sent:1:why", "2026-11-27", "post"]);
    const all = out.join("\n");
    expect(all).toContain("How (email, post, registered): type it on the next line");
    expect(all).toContain(
      'Recorded: the letter "Why we are ending our collaboration" went to the client on 27 Nov 2026 by post.',
    );
    expect(await sentRows()).toEqual([{ letter: "why", sentOn: "2026-11-27", channel: "post" }]);
  });
});
