import { afterEach, describe, expect, it } from "vitest";
import { useFetchedRates } from "../../src/domain/reference-rates.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { letterFormatter } from "../../src/messages/letter-formatter.ts";
import { offboardTo, text } from "../offboarding/offboarding-support.ts";
import { makeWorkspace, recordingOutbox, tick } from "../scheduler/scheduler-support.ts";
import { useHarness } from "../support/harness.ts";

/**
 * Issue 13 §1: while the current half-year's reference rate is not known, every place that
 * shows an amount says that interest is left out, in plain words (no setting names). ACME
 * under French law: INV-1 €1,800 due 31 May 2026, first reminder sent 1 June; on 30 November
 * 2026 the shipped rates stop at 1 January 2026, so the 153 days from 1 July are missing.
 */
const h = useHarness("2026-05-01T08:00:00Z");
afterEach(() => useFetchedRates([]));

async function acme(lang: "en" | "fr") {
  await makeWorkspace(h, "console", { timezone: "Europe/Paris", locale: lang });
  for (const line of [
    "/client add acme ACME Corp",
    "/client terms acme law fr",
    "/client invoice acme INV-1 1800 EUR due 2026-05-31 issued 2026-05-01",
  ])
    await h.run(line);
  h.clock.set("2026-06-01T08:00:00Z");
  await h.run("/client reminded INV-1");
  h.clock.set("2026-11-30T08:00:00Z");
}

describe.each(["en", "fr"] as const)("a reference rate still missing (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = createFormatter(lang, "Europe/Paris");
  const letter = letterFormatter(lang, "Europe/Paris");
  const series = t.invoices.charges.series["ecb-mro"];
  const note = t.invoices.charges.notes.missingRate({
    series,
    date: fmt.date("2026-07-01"),
    days: 153,
    from: fmt.date("2026-07-01"),
  });

  it("is said on the card and in /client invoices, in plain words", async () => {
    await acme(lang);
    const card = await h.say("/client show acme");
    const invoices = await h.say("/client invoices");
    for (const shown of [card, invoices]) {
      expect(shown).toContain(note);
      expect(shown).not.toMatch(/TACT_|RATES_FILE|\.json/);
    }
    if (lang === "en") {
      expect(card).toContain(
        "The ECB main refinancing rate for 1 Jul 2026 is not known yet, so interest from 1 Jul 2026 (153 days) is not included.",
      );
    }
  });

  it("is said once at the top of the digest, and in the alert", async () => {
    await acme(lang);
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    const digest = sent.find((s) => s.text.startsWith(`== ${t.digest.title({ date: fmt.date("2026-11-30") })}`));
    const line = t.digest.missingRates({
      items: t.digest.missingRateItem({ series, date: fmt.date("2026-07-01") }),
      count: 1,
    });
    expect(digest?.text.split(line)).toHaveLength(2);
    expect(digest?.text.indexOf(line)).toBeLessThan(digest?.text.indexOf(t.digest.overdue.title) ?? 0);
    const alert = sent.find((s) =>
      s.text.startsWith(`== ${t.digest.alert.title({ number: "INV-1", client: "ACME Corp" })}`),
    );
    expect(alert?.text).toContain(
      t.invoices.charges.notes.missingRateShort({ series, date: fmt.date("2026-07-01"), from: fmt.date("2026-07-01") }),
    );
  });

  it("is said in the reminder draft: the interest still to come, and a total that says it is left out", async () => {
    await acme(lang);
    const draft = await h.say("/client remind INV-1");
    const L = t.reminders.letter;
    expect(draft).toContain(t.letters.next.interestPending({ from: letter.date("2026-07-01"), days: 153 }));
    expect(draft).toContain(L.totalLine({ amount: letter.money(185_798, "EUR"), incomplete: true }));
    // And to the person sending it, in the workspace's words.
    expect(draft).toContain(note);
    if (lang === "en") expect(draft).toContain("Total due: €1,857.98, plus the interest still to be computed");
  });

  it("is said in the handover letter", async () => {
    await acme(lang);
    const step4 = text(await offboardTo(h, 4));
    expect(step4).toContain(t.letters.next.interestPending({ from: letter.date("2026-07-01"), days: 153 }));
    expect(step4).toContain(
      t.letters.next
        .workOwed({ items: "", total: letter.money(185_798, "EUR"), incomplete: true })
        .split("\n")
        .at(-1),
    );
  });

  it("is no longer said once the rate is fetched: the 153 days are charged", async () => {
    await acme(lang);
    useFetchedRates([
      {
        series: "ecb-mro",
        on: "2026-07-01",
        rateE4: 21_500,
        source: "test",
        fetchedAt: new Date("2026-11-30T06:00:00Z"),
      },
    ]);
    const card = await h.say("/client show acme");
    expect(card).not.toContain(note);
    expect(card).toContain(fmt.money(10_965 + 4_000, "EUR")); // €17.98 + €91.67 of interest, €40 fee
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    expect(sent.map((s) => s.text).join("\n")).not.toContain(
      t.digest.missingRates({ items: "", count: 1 }).slice(0, 12),
    );
    const draft = await h.say("/client remind INV-1");
    expect(draft).toContain(
      t.reminders.letter.totalLine({ amount: letter.money(180_000 + 14_965, "EUR"), incomplete: false }),
    );
  });
});
