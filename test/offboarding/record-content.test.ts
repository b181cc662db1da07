import { describe, expect, it } from "vitest";
import { type Harness, useHarness } from "../support/harness.ts";
import { recordFiles } from "./offboarding-support.ts";

const h = useHarness("2026-11-29T10:00:00Z");

/** The record's Markdown from `/client export`. */
async function exported(h: Harness, client = "acme"): Promise<string> {
  return recordFiles(await h.run(`/client export ${client}`)).markdown;
}

/** French numbers use narrow and ordinary no-break spaces: compared as plain spaces. */
const spaces = (s: string | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/** The rows of the first table after a heading, as cells. */
function tableAfter(md: string, heading: RegExp): string[][] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) throw new Error(`no heading ${heading} in\n${md}`);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("#")) break;
    if (line.startsWith("|")) {
      inTable = true;
      rows.push(
        line
          .slice(1, -1)
          .split(" | ")
          .map((c) => c.trim()),
      );
    } else if (inTable) break;
  }
  // Header and separator rows are not data.
  return rows.slice(2);
}

/**
 * A client with four late payments as the card counts them: two invoices paid late, one still
 * unpaid (logged twice by the team), and one logged without an invoice; plus one paid on time,
 * one voided. Each step on its own day, by the person a team would have.
 */
async function lateClient(): Promise<void> {
  const at = async (when: string, line: string, user = "owner") => {
    h.clock.set(when);
    await h.run(line, { user });
  };
  await at("2026-05-01T08:00:00Z", "/client add acme ACME SARL");
  await at("2026-05-01T08:05:00Z", "/client terms acme law fr");
  await at("2026-05-01T09:00:00Z", "/client invoice acme INV-1 1000.00 EUR issued 2026-05-01 due 2026-05-31", "sam");
  await at("2026-06-20T09:00:00Z", "/client paid INV-1 on 2026-06-20");
  await at("2026-07-01T09:00:00Z", "/client invoice acme INV-2 2000.00 EUR issued 2026-07-01 due 2026-07-31", "sam");
  await at("2026-08-10T09:00:00Z", "/client paid INV-2 on 2026-08-10");
  await at("2026-08-12T14:30:00Z", "/client late acme they pay when they feel like it", "sam");
  await at("2026-09-01T09:00:00Z", "/client invoice acme INV-3 1200.00 EUR issued 2026-09-01 due 2026-10-15", "sam");
  await at("2026-09-01T09:10:00Z", "/client invoice acme INV-4 500.00 EUR issued 2026-09-01 due 2026-09-30", "sam");
  await at("2026-09-25T09:00:00Z", "/client paid INV-4 on 2026-09-25");
  await at("2026-09-02T09:00:00Z", "/client invoice acme INV-5 300.00 EUR issued 2026-09-02 due 2026-10-02", "sam");
  await at("2026-09-03T09:00:00Z", "/client void INV-5 sent twice");
  await at("2026-10-20T16:00:00Z", "/client late acme INV-3 no answer", "sam");
  await at("2026-11-05T16:00:00Z", "/client late acme INV-3 second call, still nothing", "dana");
  h.clock.set("2026-11-29T10:00:00Z");
}

describe("the record lists the late payments the card counts", () => {
  it("in English: each late payment with its invoice, due date, days late or still unpaid, and the amounts", async () => {
    await lateClient();
    const card = await h.say("/client show acme");
    expect(card).toMatch(/late payment: \d+ \/ 4/);
    const md = await exported(h);

    expect(md).toContain("## Late payments (4)");
    const rows = tableAfter(md, /^## Late payments/);
    expect(rows).toEqual([
      ["INV-1", "31 May 2026", "20 days", "€1,000.00", "€0.00", "€46.66", "no"],
      // The ECB rate for the second half of 2026 is not in the shipped rates: said, never hidden.
      [
        "INV-2",
        "31 Jul 2026",
        "10 days",
        "€2,000.00",
        "€0.00",
        "€40.00 + interest not computed yet (see the charges)",
        "no",
      ],
      ["", "logged 12 Aug 2026", "not known", "", "", "", "once"],
      [
        "INV-3",
        "15 Oct 2026",
        "still unpaid (45 days)",
        "€1,200.00",
        "€1,200.00",
        "€40.00 + interest not computed yet (see the charges)",
        "twice",
      ],
    ]);
    // The incidents table still lists what the team logged, as logged.
    expect(md).toContain("## Incidents (3)");
  });

  it("in French, with the same count as the French card", async () => {
    await lateClient();
    await h.run("/client config lang fr");
    const card = await h.say("/client show acme");
    expect(card).toMatch(/retard de paiement\s?: \d+ \/ 4/);
    const md = await exported(h);
    expect(md).toContain("## Retards de paiement (4)");
    const rows = tableAfter(md, /^## Retards de paiement/);
    expect(rows.map((r) => r[0])).toEqual(["INV-1", "INV-2", "", "INV-3"]);
    expect(rows[0]?.[2]).toBe("20 jours");
    expect(rows[2]?.[1]).toBe("signalé le 12 août 2026");
    expect(rows[3]?.slice(2, 5).map(spaces)).toEqual(["toujours impayée (45 jours)", "1 200,00 €", "1 200,00 €"]);
    expect(rows[3]?.[6]).toBe("2 fois");
  });
});

describe("the invoices table", () => {
  it("gives each invoice's days late, and its paid, voided or open state with the date", async () => {
    await lateClient();
    const rows = tableAfter(await exported(h), /^## Invoices/);
    const byNumber = new Map(rows.map((r) => [r[0], r]));
    expect(byNumber.get("INV-1")?.slice(6)).toEqual(["20", "paid 20 Jun 2026"]);
    expect(byNumber.get("INV-3")?.slice(5)).toEqual(["€1,200.00", "45 so far", "open"]);
    expect(byNumber.get("INV-4")?.slice(6)).toEqual(["0", "paid 25 Sep 2026"]);
    expect(byNumber.get("INV-5")?.slice(6)).toEqual(["", "void since 3 Sep 2026"]);
  });

  it("in French", async () => {
    await lateClient();
    await h.run("/client config lang fr");
    const rows = tableAfter(await exported(h), /^## Factures/);
    const byNumber = new Map(rows.map((r) => [r[0], r]));
    expect(byNumber.get("INV-1")?.slice(6)).toEqual(["20", "payée le 20 juin 2026"]);
    expect(byNumber.get("INV-3")?.slice(6)).toEqual(["45 à ce jour", "ouverte"]);
    expect(byNumber.get("INV-5")?.[7]).toBe("annulée le 3 sept. 2026");
  });
});

describe("the timeline", () => {
  it("puts everything in one chronological list, each entry with who and when", async () => {
    await lateClient();
    const rows = tableAfter(await exported(h), /^## Timeline/);
    const whats = rows.map((r) => r[2] ?? "");
    const index = (what: string) => {
      const i = whats.indexOf(what);
      if (i < 0) throw new Error(`no "${what}" in the timeline:\n${whats.join("\n")}`);
      return i;
    };
    // A day someone gave (the invoice's issue date) comes before what Tact saw at a time that day.
    expect(index("invoice INV-1 issued: €1,000.00, due 31 May 2026")).toBe(0);
    const order = [
      "client added: ACME SARL",
      "INV-1 fell due; it was paid 20 days late",
      "payment on INV-1: €1,000.00",
      "late payment logged: they pay when they feel like it",
      "invoice INV-5 voided",
      "INV-3 fell due and is still unpaid (45 days late so far)",
      "late payment logged (invoice INV-3): no answer",
      "late payment logged (invoice INV-3): second call, still nothing",
    ];
    const positions = order.map(index);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Dates only where a person gave a day; a time where Tact saw it happen.
    const row = (what: string) => rows[index(what)];
    expect(row("client added: ACME SARL")).toEqual(["1 May 2026, 08:00", "owner", "client added: ACME SARL"]);
    expect(row("payment on INV-1: €1,000.00")?.slice(0, 2)).toEqual(["20 Jun 2026", "owner"]);
    expect(row("INV-1 fell due; it was paid 20 days late")?.slice(0, 2)).toEqual(["31 May 2026", "Tact"]);
    expect(row("late payment logged (invoice INV-3): second call, still nothing")?.slice(0, 2)).toEqual([
      "5 Nov 2026, 16:00",
      "dana",
    ]);
    expect(row("invoice INV-5 voided")?.slice(0, 2)).toEqual(["3 Sep 2026, 09:00", "owner"]);
    // Every entry says who and when.
    for (const r of rows) {
      expect(r[0]).not.toBe("");
      expect(r[1]).not.toBe("");
    }
  });

  it("in French, with the period the record covers", async () => {
    await lateClient();
    await h.run("/client config lang fr");
    const md = await exported(h);
    expect(md).toContain("Période couverte\u00a0: du 1er mai 2026 au 29 nov. 2026.");
    const whats = tableAfter(md, /^## Chronologie/).map((r) => r[2]);
    expect(whats.map(spaces).indexOf("paiement sur INV-1 : 1 000,00 €")).toBeLessThan(
      whats.map(spaces).indexOf("signalement : retard de paiement ; they pay when they feel like it"),
    );
  });
});

describe("sent dates in the record", () => {
  async function remindedClient(): Promise<void> {
    await lateClient();
    h.clock.set("2026-10-20T09:00:00Z");
    await h.run("/client remind INV-3");
    h.clock.set("2026-10-23T09:00:00Z");
    // Sent a day after drafting, by registered letter, recorded a day later still.
    await h.run("/client reminded INV-3 on 2026-10-22 via registered");
    h.clock.set("2026-11-29T10:00:00Z");
  }

  it("shows when each reminder was drafted and when and how it was sent", async () => {
    await remindedClient();
    const md = await exported(h);
    expect(md).toContain(
      "- 22 Oct 2026 · INV-3 · first reminder sent by registered letter (drafted 20 Oct 2026, 09:00) · recorded by owner",
    );
    const whats = tableAfter(md, /^## Timeline/).map((r) => r.slice(0, 3).join(" | "));
    expect(whats).toContain("20 Oct 2026, 09:00 | owner | first reminder for INV-3 drafted");
    expect(whats).toContain("22 Oct 2026 | owner | first reminder for INV-3 sent by registered letter");
  });

  it("in French", async () => {
    await remindedClient();
    await h.run("/client config lang fr");
    const md = spaces(await exported(h));
    expect(md).toContain(
      "- 22 oct. 2026 · INV-3 · étape « première relance » envoyée par lettre recommandée (rédigée le 20 oct. 2026, 09:00) · notée par owner",
    );
  });
});
