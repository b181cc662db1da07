import { describe, expect, it } from "vitest";
import { useHarness } from "../support/harness.ts";

const h = useHarness("2025-06-23T10:00:00Z");

/** French formatting uses no-break spaces; compare as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const say = async (line: string) => plain(await h.say(line));
const at = (day: string) => h.clock.set(`${day}T10:00:00Z`);

/**
 * €1,800.00 due 20 June 2025 under French law, on 20 July 2025: 10 days at 13.15% (648.49…)
 * and 20 days at 12.15% (1,197.80…), 1,846.30… in all → €18.47. Rounded each on its own, the
 * lines were €6.48 + €11.98 under a total of €18.47.
 */
async function invoiceAcrossTheHalfYear(lang: "en" | "fr") {
  if (lang === "fr") await h.run("/client config lang fr");
  await h.run("/client add acme ACME");
  await h.run(`/client terms acme law fr lang ${lang}`);
  await h.run("/client invoice acme INV-1 1800 EUR issued 2025-05-21 due 2025-06-20");
  await h.run("/client reminded INV-1");
  at("2025-07-20");
}

describe("interest lines a client can check", () => {
  it("on the card, each line gives its period, principal, rate and days, and they add up to the total", async () => {
    await invoiceAcrossTheHalfYear("en");
    const card = await say("/client show acme");
    expect(card).toContain(
      "interest €6.49 = €1,800.00 × 13.15% × 10 days / 365 (21 Jun 2025 – 30 Jun 2025; ECB rate 3.15% on 1 Jan 2025 + 10 points; Code de commerce, art. L441-10)",
    );
    expect(card).toContain(
      "interest €11.98 = €1,800.00 × 12.15% × 20 days / 365 (1 Jul 2025 – 20 Jul 2025; ECB rate 2.15% on 1 Jul 2025 + 10 points; Code de commerce, art. L441-10)",
    );
    expect(card).toContain("recovery fee €40.00");
    // 6.49 + 11.98 + 40.00 = 58.47: the lines shown add up to the charges shown.
    expect(card).toContain("charges so far €58.47");
    expect(card).not.toContain("€6.48");
  });

  it("…and in French", async () => {
    await invoiceAcrossTheHalfYear("fr");
    const card = await say("/client show acme");
    expect(card).toContain(
      "intérêts 6,49 € = 1 800,00 € × 13,15 % × 10 jours / 365 (du 21 juin 2025 au 30 juin 2025 ;",
    );
    expect(card).toContain(
      "intérêts 11,98 € = 1 800,00 € × 12,15 % × 20 jours / 365 (du 1er juil. 2025 au 20 juil. 2025 ; taux BCE de 2,15 % au 1er juil. 2025 + 10 points ;",
    );
    expect(card).toContain("58,47 €");
  });

  it("in the reminder letter, each interest line gives its period, principal, rate and days; they add up to the total due", async () => {
    await invoiceAcrossTheHalfYear("en");
    const draft = await say("/client remind INV-1");
    expect(draft).toContain(
      "– interest from 21 June 2025 to 30 June 2025 on €1,800.00 at 13.15% a year, 10 days: €6.49 (Code de commerce, art. L441-10)",
    );
    expect(draft).toContain(
      "– interest from 1 July 2025 to 20 July 2025 on €1,800.00 at 12.15% a year, 20 days: €11.98 (Code de commerce, art. L441-10)",
    );
    expect(draft).toContain("– fixed recovery fee: €40.00");
    expect(draft).toContain("– invoice still unpaid: €1,800.00");
    // 6.49 + 11.98 + 40.00 + 1,800.00
    expect(draft).toContain("Total due: €1,858.47");
  });

  it("…and in French, with the first of the month written 1er", async () => {
    await invoiceAcrossTheHalfYear("fr");
    const draft = await say("/client remind INV-1");
    expect(draft).toContain(
      "– intérêts de retard du 21 juin 2025 au 30 juin 2025 sur 1 800,00 € au taux annuel de 13,15 %, 10 jours : 6,49 € (Code de commerce, art. L441-10)",
    );
    expect(draft).toContain(
      "– intérêts de retard du 1er juillet 2025 au 20 juillet 2025 sur 1 800,00 € au taux annuel de 12,15 %, 20 jours : 11,98 € (Code de commerce, art. L441-10)",
    );
    expect(draft).toContain("Total à régler : 1 858,47 €");
  });
});
