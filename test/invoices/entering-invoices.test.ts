import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";

// 29 Nov 2026, the day the README's example failed.
const h = useHarness("2026-11-29T10:00:00Z");

async function invoiceRows() {
  return queryRows<{ number: string; amount_minor: number; currency: string; issued_on: string; due_on: string }>(
    h.db.db,
    sql`select number, amount_minor::int, currency, issued_on::text, due_on::text from invoices order by id`,
  );
}

async function defaultCurrency(): Promise<string | null> {
  const [row] = await queryRows<{ c: string | null }>(h.db.db, sql`select default_currency as c from workspaces`);
  return row?.c ?? null;
}

describe("a missing issue date", () => {
  it("runs the README's example: issued the payment term before the due date", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client invoice acme INV-7 2000.00 EUR due 2026-10-15");
    expect(text).toContain("Recorded invoice INV-7 for ACME Corp: €2,000.00, issued 15 Sep 2026, due 15 Oct 2026.");
    expect(text).toContain("It is already 45 days overdue");
    expect(await invoiceRows()).toMatchObject([{ issued_on: "2026-09-15", due_on: "2026-10-15" }]);
  });

  it("follows the client's own term, and is never later than today", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme term 60");
    await h.run("/client invoice acme INV-1 100 EUR due 2026-12-01");
    await h.run("/client invoice acme INV-2 100 EUR due 2027-03-01");
    expect((await invoiceRows()).map((r) => r.issued_on)).toEqual(["2026-10-02", "2026-11-29"]);
  });

  it("names the fix when the dates truly conflict, and records nothing", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client invoice acme INV-7 2000 EUR due 2026-10-15 issued 2026-11-20")).toBe(
      "The due date (15 Oct 2026) is before the issue date (20 Nov 2026). If the invoice went out earlier, add the day it was issued, like `issued 15 Sep 2026`; otherwise check the due date. Nothing was recorded.",
    );
    await h.run("/client config lang fr");
    expect(await h.say("/client invoice acme F-7 2000 EUR due 2026-10-15 issued 2026-11-20")).toBe(
      "L'échéance (15 oct. 2026) tombe avant la date d'émission (20 nov. 2026). Si la facture est partie plus tôt, ajoutez sa date d'émission, par exemple `issued 15 sept. 2026`\u00a0; sinon, vérifiez l'échéance. Rien n'a été enregistré.",
    );
    // The suggested fix, typed as shown, works.
    expect(await h.say("/client invoice acme F-7 2000 EUR due 2026-10-15 issued 15 sept. 2026")).toContain(
      "émise le 15 sept. 2026, échéance le 15 oct. 2026",
    );
    expect((await invoiceRows()).map((r) => r.number)).toEqual(["F-7"]);
  });
});

describe("the workspace's default currency", () => {
  it("is set by the owner, and then amounts need no currency", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client config currency eur")).toContain(
      "The workspace's default currency is now EUR: amounts typed without a currency are in EUR",
    );
    const text = await h.say("/client invoice acme INV-8 500 due 2026-12-31");
    expect(text).toContain("Recorded invoice INV-8 for ACME Corp: €500.00");
    expect(text).not.toContain("default currency");
    expect(await invoiceRows()).toMatchObject([{ amount_minor: 50_000, currency: "EUR" }]);
  });

  it("is the owner's to set", async () => {
    expect(await h.say("/client config currency EUR", { user: "sam" })).toContain("Only the workspace owner");
    expect(await h.say("/client config currency XYZ")).toContain('"XYZ" is not a currency I know');
    expect(await defaultCurrency()).toBeNull();
  });

  it("without one, the first currency used becomes it, said once", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client invoice acme INV-1 500 due 2026-12-31")).toContain(
      "Which currency is 500 in? Add it after the amount, like 500 EUR.",
    );
    const first = await h.say("/client invoice acme INV-2 £300 due 2026-12-31");
    expect(first).toContain(
      "GBP is now the workspace's default currency: amounts typed without a currency are in GBP. The owner can change it with /client config currency.",
    );
    const second = await h.say("/client invoice acme INV-3 300 due 2026-12-31");
    expect(second).toContain("£300.00");
    expect(second).not.toContain("default currency");
    expect(await h.say("/client invoice acme INV-4 $300 due 2026-12-31")).not.toContain("default currency");
    expect(await defaultCurrency()).toBe("GBP");
  });

  it("says so in French too", async () => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME SARL");
    expect(await h.say("/client invoice acme F-1 1 200,50 € due 31/12/2026")).toContain(
      "EUR est désormais la devise par défaut de l'espace\u00a0: les montants saisis sans devise sont en EUR.",
    );
    expect(await h.say("/client invoice acme F-2 300 due 31/12/2026")).toContain("300,00\u00a0€");
    expect(await h.say("/client config currency usd")).toContain(
      "La devise par défaut de l'espace est désormais USD\u00a0:",
    );
    expect(await h.say("/client invoice acme F-3 300 due 31/12/2026")).toContain("300,00\u00a0$US");
  });
});

describe("amounts as people write them", () => {
  it.each([
    ["en", "USD", "$300.00"],
    ["en", "JPY", "¥300"],
    ["en", "CAD", "CA$300.00"],
    ["en", "GBP", "£300.00"],
    ["fr", "USD", "300,00\u00a0$US"],
    ["fr", "GBP", "300,00\u00a0£"],
    ["fr", "JPY", "300\u00a0¥"],
    ["fr", "CAD", "300,00\u00a0$CA"],
  ])("%s: %s", async (lang, currency, shown) => {
    await h.run(`/client config lang ${lang}`);
    await h.run("/client add acme ACME Corp");
    const text = await h.say(`/client invoice acme INV-1 300 ${currency} due 2026-12-31`);
    expect(text).toContain(shown);
    expect(text).not.toMatch(/US\$|JP¥|£GB/);
  });
});

describe("dates as people write them", () => {
  it("in a French workspace, 15/08/2026 is 15 August", async () => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME SARL");
    expect(await h.say("/client invoice acme F-1 100 EUR issued 15/07/2026 due 15/08/2026")).toContain(
      "émise le 15 juil. 2026, échéance le 15 août 2026",
    );
    expect(await h.say("/client invoice acme F-2 100 EUR issued 1er août 2026 due 15 août 2026")).toContain(
      "émise le 1er août 2026, échéance le 15 août 2026",
    );
    expect(await h.say("/client invoice acme F-3 100 EUR issued hier due dans 30 jours")).toContain(
      "émise le 28 nov. 2026, échéance le 29 déc. 2026",
    );
    expect(await h.say("/client invoice acme F-4 100 EUR issued aujourd'hui due +45j")).toContain(
      "émise le 29 nov. 2026, échéance le 13 janv. 2027",
    );
    expect((await invoiceRows()).map((r) => [r.issued_on, r.due_on])).toEqual([
      ["2026-07-15", "2026-08-15"],
      ["2026-08-01", "2026-08-15"],
      ["2026-11-28", "2026-12-29"],
      ["2026-11-29", "2027-01-13"],
    ]);
  });

  it("in an English one, 15/08/2026 is refused as ambiguous with a hint, and 15 Aug 2026 accepted", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client invoice acme INV-1 100 EUR due 15/08/2026")).toBe(
      '"15/08/2026" is read differently in the UK and the US: write the month as a word, like 15 Aug 2026, or 2026-08-15.',
    );
    expect(await h.say("/client invoice acme INV-1 100 EUR due 03/08/2026")).toBe(
      '"03/08/2026" could be 3 Aug 2026 or 8 Mar 2026: write the month as a word, like 3 Aug 2026, or 2026-08-03.',
    );
    expect(await invoiceRows()).toEqual([]);
    expect(await h.say("/client invoice acme INV-1 100 EUR due 15 Aug 2026")).toContain("due 15 Aug 2026");
    expect(await h.say("/client invoice acme INV-2 100 EUR issued Aug 1, 2026 due 15 August 2026")).toContain(
      "issued 1 Aug 2026, due 15 Aug 2026",
    );
    expect(await h.say("/client invoice acme INV-3 100 EUR issued yesterday due in 30 days")).toContain(
      "issued 28 Nov 2026, due 29 Dec 2026",
    );
    expect(await h.say("/client invoice acme INV-4 100 EUR issued today due +30d")).toContain(
      "issued 29 Nov 2026, due 29 Dec 2026",
    );
  });

  it("is accepted wherever a date is: a payment's day", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-1 100 EUR issued 1 Oct 2026 due 1 Nov 2026");
    expect(await h.say("/client paid INV-1 40 on yesterday")).toContain("28 Nov 2026");
    expect(await h.say("/client paid INV-1 10 on 3 days ago")).toContain("26 Nov 2026");
    expect(await h.say("/client paid INV-1 on tomorrow")).toContain("30 Nov 2026 is in the future");
    await h.run("/client config lang fr");
    expect(await h.say("/client paid INV-1 10 on 20/11/2026")).toContain("le 20 nov. 2026");
  });

  it("says what is wrong with a date, in both languages", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client invoice acme INV-1 100 EUR due 15 Aug")).toBe(
      '"15 Aug" has no year: write it like 15 Aug 2026.',
    );
    expect(await h.say("/client invoice acme INV-1 100 EUR due soon")).toBe(
      '"soon" is not a date for the due date: write it like 15 Jan 2026 or 2026-01-15 (a day that exists), or today, yesterday, +30d, in 30 days.',
    );
    expect(await h.say("/client invoice acme INV-1 100 EUR due 31 Feb 2027")).toContain(
      '"31 Feb 2027" is not a date for the due date',
    );
    await h.run("/client config lang fr");
    expect(await h.say("/client invoice acme INV-1 100 EUR due bientôt")).toBe(
      "«\u00a0bientôt\u00a0» n'est pas une date valable pour la date d'échéance\u00a0: écrivez-la comme 15/01/2026, 15 janv. 2026 ou 2026-01-15 (un jour qui existe), ou aujourd'hui, hier, +30j, dans 30 jours.",
    );
    expect(await invoiceRows()).toEqual([]);
  });

  it("writes month abbreviations of one kind: Sep next to Oct", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client invoice acme INV-1 100 EUR issued 2026-09-15 due 2026-10-15");
    expect(text).toContain("issued 15 Sep 2026, due 15 Oct 2026");
    expect(text).not.toContain("Sept");
  });
});
