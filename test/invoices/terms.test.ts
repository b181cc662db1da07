import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";

const h = useHarness("2025-03-02T10:00:00Z");

describe("client terms", () => {
  it("shows the resolved terms, saying where each value comes from", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client terms acme");
    expect(text).toContain("== Payment terms: ACME Corp ==");
    expect(text).toContain("Law: no late-payment charges (default)");
    expect(text).toContain("Payment term: 30 days (default)");
    expect(text).toContain(
      "Reminder stages: days after the due date: 1 first reminder, 15 second reminder, 30 final notice, 45 suspension notice (hosted clients only) (default)",
    );
    expect(text).toContain("Reminder language: English (the workspace's language) (default)");
  });

  it("layers workspace defaults (owner only) under the client's own terms", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client config terms law fr term 45", { user: "sam" })).toContain(
      "Only the workspace owner (owner) can",
    );
    const set = await h.say("/client config terms law fr term 45");
    expect(set).toContain("Updated the workspace's default terms: law France, payment term 45 days.");
    let text = await h.say("/client terms acme");
    expect(text).toContain("Law: French law (Code de commerce L441-10");
    expect(text).toContain("(workspace default)");
    expect(text).toContain(
      "Interest: ECB rate + 10 points, revised 1 January and 1 July (today 13.15%) (workspace default)",
    );
    expect(text).toContain("Payment term: 45 days (workspace default)");
    text = await h.say("/client terms acme law uk hosted yes lang fr stages 3,20,40,60");
    expect(text).toContain("Updated ACME Corp's terms: law UK, hosted yes, language French, reminder stages");
    expect(text).toContain("Law: UK Late Payment Act");
    expect(text).toContain("(this client)");
    expect(text).toContain(
      "Interest: Bank of England rate + 8 points, fixed when interest starts (today 12.75%) (this client)",
    );
    expect(text).toContain("Recovery fee: £40, £70 or £100 per late invoice by debt size, by law (this client)");
    expect(text).toContain("60 suspension notice (this client)");
    expect(text).toContain("Hosted by us: yes (this client)");
    expect(text).toContain("Reminder language: French (this client)");
    expect(text).toContain("Payment term: 45 days (workspace default)");
    const [client] = await queryRows<{ hosted: boolean; language: string }>(
      h.db.db,
      sql`select hosted, language from clients`,
    );
    expect(client).toEqual({ hosted: true, language: "fr" });
  });

  it("takes a contract rate per month and a flat fee, and clears them with none", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client terms acme law contract rate 1.5%/m fee 25 EUR");
    expect(text).toContain("Interest: agreed rate 1.5% a month (18% a year) (this client)");
    expect(text).toContain("Recovery fee: €25.00 per late invoice (added to invoices in EUR only) (this client)");
    const cleared = await h.say("/client terms acme rate none fee none");
    expect(cleared).toContain("rate cleared, fee cleared");
    expect(cleared).toContain("Interest: none (this client)");
  });

  it("keeps a contract's flat fee in its own currency, never relabelled in an invoice's", async () => {
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client terms acme law contract rate 12%/y fee 50")).toContain(
      '"50" has no currency: write it like fee 50 EUR.',
    );
    const set = await h.say("/client terms acme law contract rate 12%/y fee 50 EUR");
    expect(set).toContain("fee €50.00 per late invoice (added to invoices in EUR only).");
    expect(set).toContain("Recovery fee: €50.00 per late invoice (added to invoices in EUR only) (this client)");
    await h.run("/client invoice acme J-1 100000 JPY issued 2025-01-01 due 2025-01-31");
    await h.run("/client invoice acme E-1 1000 EUR issued 2025-01-01 due 2025-01-31");
    const list = await h.say("/client invoices");
    expect(list).not.toContain("¥50");
    expect(list).toContain("J-1 · ACME Corp · ¥100,000 due 31 Jan 2025 · 30 days overdue · charges so far ¥986");
    expect(list).toContain("A €50.00 recovery fee is due too, but it is not added to an invoice in JPY.");
    expect(list).toContain("recovery fee €50.00 (the contract's terms)");
    const [terms] = await queryRows<{ terms: unknown }>(h.db.db, sql`select terms from clients`);
    expect(terms?.terms).toMatchObject({ fee: { minor: 5_000, currency: "EUR" } });
  });

  it("takes a fee written with a symbol, a comma or grouped thousands, here and in the workspace defaults", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client config lang fr");
    expect(await h.say("/client terms acme law contract fee 12,50 €")).toContain(
      "Indemnité de recouvrement : 12,50 € par facture en retard (ajoutés aux seules factures en EUR)",
    );
    expect(await h.say("/client terms acme fee £7")).toContain("7,00 £ par facture en retard");
    expect(await h.say("/client config terms law contract fee 1 000 JPY term 20")).toContain(
      "1\u202f000 ¥ par facture en retard (ajoutés aux seules factures en JPY)",
    );
    const [row] = await queryRows<{ c: unknown; w: unknown }>(
      h.db.db,
      sql`select (select terms from clients) as c, (select default_terms from workspaces) as w`,
    );
    expect(row).toMatchObject({
      c: { fee: { minor: 700, currency: "GBP" } },
      w: { fee: { minor: 1_000, currency: "JPY" } },
    });
  });

  it("says a fee stored before fees had a currency is not charged, and how to give it one", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme law contract rate 12%/y");
    await h.db.db.execute(sql`update clients set terms = terms || '{"fee": "40"}'::jsonb`);
    expect(await h.say("/client terms acme")).toContain(
      "Recovery fee: 40 per late invoice, with no currency, so not charged: give it one (fee 40 EUR) (this client)",
    );
    await h.run("/client invoice acme E-1 1000 EUR issued 2025-01-01 due 2025-01-31");
    const list = await h.say("/client invoices");
    expect(list).toContain(
      "The contract's flat fee (40) has no currency, so it is not charged: /client terms acme fee 40 EUR gives it one.",
    );
    expect(list).toContain("charges so far €9.86");
    // Changing another term keeps the old fee as it was, for the agency to complete.
    await h.run("/client terms acme term 45");
    expect(await h.say("/client terms acme")).toContain("40 per late invoice, with no currency");
  });

  it("warns when a French contract rate is below 3 × the taux d'intérêt légal", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client terms acme law fr rate 10%");
    expect(text).toContain(
      "The agreed rate 10% is below the French legal minimum of 11.13% (3 × the taux d'intérêt légal of 3.71% on 1 Jan 2025).",
    );
    expect(await h.say("/client terms acme rate 12%/y")).not.toContain("legal minimum");
  });

  it("applies the client's payment term to invoices recorded without a due date", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client terms acme term 10");
    expect(await h.say("/client invoice acme INV-1 10 EUR issued 2025-03-01")).toContain("due 11 Mar 2025");
  });

  it("speaks French to a French workspace", async () => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client terms acme law fr");
    expect(text).toContain("Conditions de paiement mises à jour pour ACME Corp : droit applicable : France.");
    expect(text).toContain("Droit applicable : droit français (Code de commerce L441-10");
    expect(text).toContain("(propre à ce client)");
    expect(text).toContain("Langue des relances : français (la langue de l'espace) (par défaut)");
  });
});
