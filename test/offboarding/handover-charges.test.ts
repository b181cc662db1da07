import { beforeEach, describe, expect, it } from "vitest";
import type { Effect } from "../../src/core/effects.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { letterFormatter } from "../../src/messages/letter-formatter.ts";
import { useHarness } from "../support/harness.ts";
import { markdownRecord } from "../support/markdown-record.ts";
import { buttonIds, confirmButton, lateAcme, offboardTo, text } from "./offboarding-support.ts";

/**
 * Issue 13 §5: the handover letter (step 4) lists what is still owed, charges included, while
 * they are chased: each invoice's principal, each interest line with its period, principal,
 * rate, days and legal basis, the recovery fee, and the total. Once written off, it says so,
 * and never that the work was paid for.
 *
 * ACME under French law (12.15% in the first half of 2026), on 29 June 2026: INV-1 €1,000 due
 * 31 Jan, paid 20 Feb without its charges (€6.66 + €40: the client who pays only the original
 * amount); INV-3 €1,800 due 15 Apr (€44.94 + €40); INV-4 €1,200 due 15 May (€17.98 + €40).
 */
const h = useHarness("2026-06-29T10:00:00Z");

async function toStepFour(lang: "en" | "fr"): Promise<Effect[]> {
  await lateAcme(h, lang);
  return offboardTo(h, 4);
}

describe.each(["en", "fr"] as const)("the handover letter and the charges (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = letterFormatter(lang, "UTC");
  const eur = (minor: number) => fmt.money(minor, "EUR");
  const L = t.reminders.letter;
  const interest = (amount: number, from: string, to: string, principal: number, days: number) =>
    L.interestLine({
      amount: eur(amount),
      from: fmt.date(from),
      to: fmt.date(to),
      principal: eur(principal),
      rate: fmt.percent(12.15, 4),
      days,
      reference: t.invoices.charges.references["fr-interest"],
    });
  const fee = L.feeLine({ amount: eur(4_000), reference: t.invoices.charges.references["fr-fee"] });

  beforeEach(async () => {
    await toStepFour(lang);
  });

  it("lists the principal and the charges being chased, line by line, and a total that includes them", async () => {
    const step4 = text(await h.run("/client offboard acme"));
    const n = t.letters.next;
    expect(step4).toContain(
      `- ${n.owedInvoice({ number: "INV-3", due: fmt.date("2026-04-15"), amount: eur(180_000), charges: eur(8_494) })}`,
    );
    expect(step4).toContain(`  ${interest(4_494, "2026-04-16", "2026-06-29", 180_000, 75)}`);
    expect(step4).toContain(`  ${fee}`);
    expect(step4).toContain(`  ${interest(1_798, "2026-05-16", "2026-06-29", 120_000, 45)}`);
    // Paid without its charges: they are still asked for.
    expect(step4).toContain(
      `- ${n.owedCharges({ number: "INV-1", due: fmt.date("2026-01-31"), charges: eur(4_666) })}`,
    );
    expect(step4).toContain(`  ${interest(666, "2026-02-01", "2026-02-20", 100_000, 20)}`);
    expect(step4).toContain(
      n
        .workOwed({ items: "", total: eur(318_958), incomplete: false })
        .split("\n")
        .at(-1),
    );
    expect(step4).toContain(n.finalInvoice({ date: fmt.date("2026-06-29"), withOpen: true, withCharges: true }));
    expect(step4).not.toContain(n.workPaid({ date: fmt.date("2026-07-29") }));
    if (lang === "en") {
      expect(step4).toContain("- invoice INV-3, due 15 April 2026: €1,800.00, plus €84.94 of late-payment charges:");
      expect(step4).toContain(
        "  – interest from 16 April 2026 to 29 June 2026 on €1,800.00 at 12.15% a year, 75 days: €44.94 (Code de commerce, art. L441-10)",
      );
      expect(step4).toContain("Total: €3,189.58. As soon as it is settled");
      expect(step4).toContain("Once it and the amounts above are settled, our accounts will be closed.");
    }

    // Kept at step 4 and chased at step 5: the record's letter is the one with the charges.
    await h.run("press wizard:1:4:done");
    await h.run("press wizard:1:5:chase");
    const md = markdownRecord(await h.run("/client export acme"));
    expect(md).toContain(interest(4_494, "2026-04-16", "2026-06-29", 180_000, 75));
    expect(md).toContain(eur(318_958));
  });

  it("leaves out the charges that were waived", async () => {
    await h.run("/client waive INV-3");
    const step4 = text(await h.run("/client offboard acme"));
    const n = t.letters.next;
    expect(step4).toContain(
      `- ${n.owedInvoice({ number: "INV-3", due: fmt.date("2026-04-15"), amount: eur(180_000), charges: null })}`,
    );
    expect(step4).not.toContain(interest(4_494, "2026-04-16", "2026-06-29", 180_000, 75));
    expect(step4).toContain(interest(1_798, "2026-05-16", "2026-06-29", 120_000, 45));
    // €3,189.58 less INV-3's €84.94.
    expect(step4).toContain(eur(310_464));
  });

  it("once written off, the draft says so and nothing false; the confirmation warns about the letter kept", async () => {
    await h.run("press wizard:1:4:done");
    const asked = await h.run("press wizard:1:5:writeoff");
    expect(text(asked)).toContain(t.offboarding.writeOff.letterKept);
    await h.run(`press ${confirmButton(asked)}`);
    await h.run("press wizard:1:6:back");
    const step4 = text(await h.run("press wizard:1:5:back"));
    const n = t.letters.next;
    expect(step4).toContain(n.workWrittenOff({ invoices: fmt.list(["INV-3", "INV-4"]), date: fmt.date("2026-07-29") }));
    expect(step4).not.toContain(n.workPaid({ date: fmt.date("2026-07-29") }));
    expect(step4).not.toContain(eur(180_000));
    expect(step4).not.toContain(interest(4_494, "2026-04-16", "2026-06-29", 180_000, 75));
    expect(step4).toContain(n.finalInvoice({ date: fmt.date("2026-06-29"), withOpen: false, withCharges: false }));
    if (lang === "en") {
      expect(step4).toContain("we have decided not to claim what remained unpaid on INV-3 and INV-4");
    }
    // Kept again, then step 5 has nothing left to settle: the decision stays the write-off.
    const step5 = await h.run("press wizard:1:4:done");
    expect(buttonIds(step5)).toContain("wizard:1:5:done");
    await h.run("press wizard:1:5:done");
    const md = markdownRecord(await h.run("/client export acme"));
    expect(md).toContain(n.workWrittenOff({ invoices: fmt.list(["INV-3", "INV-4"]), date: fmt.date("2026-07-29") }));
    expect(md).toContain(t.offboarding.record.accounts["write-off"]({ owed: eur(318_958) }));
  });
});

describe("the handover letter while a reference rate is missing", () => {
  const h2 = useHarness("2027-03-01T10:00:00Z");

  it("says that interest is still to be computed, and never gives a total without it", async () => {
    await h2.run("/client add acme ACME Corp");
    await h2.run("/client terms acme law fr");
    await h2.run("/client invoice acme INV-9 1000 EUR issued 2026-12-15 due 2027-01-15");
    const step4 = text(await offboardTo(h2, 4));
    expect(step4).toContain("  – interest from 16 January 2027 (45 days): to be added once the reference rate");
    expect(step4).toContain("Total: €1,040.00, plus the interest still to be computed.");
  });
});
