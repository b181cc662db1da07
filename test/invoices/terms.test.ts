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
    expect(text).toContain("Law: none (no late-payment charges) (default)");
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
    const text = await h.say("/client terms acme law contract rate 1.5%/m fee 25");
    expect(text).toContain("Interest: agreed rate 1.5% a month (18% a year) (this client)");
    expect(text).toContain("Recovery fee: 25 per late invoice (in the invoice's currency) (this client)");
    const cleared = await h.say("/client terms acme rate none fee none");
    expect(cleared).toContain("rate cleared, fee cleared");
    expect(cleared).toContain("Interest: none (this client)");
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
    expect(text).toContain("Conditions de paiement mises à jour pour ACME Corp : droit applicable : France.");
    expect(text).toContain("Droit applicable: droit français (Code de commerce L441-10");
    expect(text).toContain("(propre à ce client)");
    expect(text).toContain("Langue des relances: français (la langue de l'espace) (par défaut)");
  });
});
