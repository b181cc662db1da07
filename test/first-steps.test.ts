import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../db/query-rows.ts";
import { useHarness } from "./support/harness.ts";

const h = useHarness("2026-11-29T10:00:00Z");

describe("the no-charges tip", () => {
  it("is said once per client, names both ways to set charges, and not once someone chose", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    const first = await h.say("/client invoice acme INV-1 100 EUR due 2026-12-31");
    expect(first).toContain(
      "Tip: no late-payment charges apply to ACME Corp yet. /client terms acme law fr|eu|uk|contract sets them for this client; the owner can set them for every client with /client config terms law fr|eu|uk|contract.",
    );
    expect(await h.say("/client invoice acme INV-2 100 EUR due 2026-12-31")).not.toContain("Tip:");
    expect(await h.say("/client invoice globex G-1 100 EUR due 2026-12-31")).toContain(
      "Tip: no late-payment charges apply to Globex yet.",
    );
    // A client whose terms say "none" on purpose gets no tip.
    await h.run("/client add initech Initech");
    await h.run("/client terms initech law none");
    expect(await h.say("/client invoice initech I-1 100 EUR due 2026-12-31")).not.toContain("Tip:");
    // With a workspace law, every invoice says which one applies.
    await h.run("/client config terms law fr");
    await h.run("/client add hooli Hooli");
    expect(await h.say("/client invoice hooli H-1 100 EUR due 2026-12-31")).toContain(
      "Late-payment charges: French law",
    );
  });

  it("in French", async () => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME SARL");
    expect(await h.say("/client invoice acme F-1 100 EUR due 31/12/2026")).toContain(
      "Astuce : aucune pénalité de retard ne s'applique encore à ACME SARL. /client terms acme law fr|eu|uk|contract les fixe pour ce client ; le responsable peut les fixer pour tous les clients avec /client config terms law fr|eu|uk|contract.",
    );
    expect(await h.say("/client invoice acme F-2 100 EUR due 31/12/2026")).not.toContain("Astuce");
  });
});

describe("suggestions that are right", () => {
  it("a negative invoice amount suggests a credit note without naming an unrelated invoice", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-7 100 EUR due 2026-12-31");
    const text = await h.say("/client invoice acme INV-30 -100 EUR");
    expect(text).toBe(
      '"-100": the amount of an invoice can\'t be negative. For money going back to the client, record a credit note on the invoice it reduces: /client credit <invoice number> 100.',
    );
    expect(text).not.toContain("INV-7");
    // On a payment, the invoice is known: the suggestion names it.
    expect(await h.say("/client paid INV-7 -40")).toContain("record a credit note: /client credit INV-7 40.");
    await h.run("/client config lang fr");
    expect(await h.say("/client invoice acme F-30 -100 EUR")).toContain("/client credit <numéro de facture> 100.");
  });

  it("/client show INV-9 says INV-9 is an invoice and shows it", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 1200 EUR issued 2026-09-15 due 2026-10-15");
    const text = await h.say("/client show INV-9");
    expect(text).toContain("INV-9 is an invoice of ACME Corp (/client show acme for the client's card):");
    expect(text).toContain("INV-9 · ACME Corp · €1,200.00 due 15 Oct 2026 · 45 days overdue");
    expect(text).not.toContain("/client add");
    await h.run("/client paid INV-9");
    expect(await h.say("/client show inv-9")).toContain("INV-9 · ACME Corp · €1,200.00 due 15 Oct 2026 · paid");
    await h.run("/client config lang fr");
    expect(await h.say("/client show INV-9")).toContain(
      "INV-9 est une facture d'ACME Corp (/client show acme pour la fiche du client) :",
    );
  });

  it("offers alternatives with 'or'", async () => {
    await h.run("/client add acme ACME Corp");
    for (const n of ["INV-9", "INV-12", "INV-7"]) await h.run(`/client invoice acme ${n} 100 EUR due 2026-12-31`);
    expect(await h.say("/client paid INV-1")).toMatch(/Did you mean INV-\d+, INV-\d+ or INV-\d+\?/);
    await h.run("/client add acme-uk ACME UK");
    expect(await h.say("/client show acm")).toContain("Did you mean acme (ACME Corp) or acme-uk (ACME UK)?");
    await h.run("/client config lang fr");
    expect(await h.say("/client paid INV-1")).toMatch(/Vouliez-vous dire INV-\d+, INV-\d+ ou INV-\d+/);
  });

  it("takes the French verb names, and suggests them", async () => {
    await h.run("/client config lang fr");
    await h.run("/client ajouter acme ACME SARL");
    expect(await h.say("/client retard acme")).toContain("C'est noté : retard de paiement pour ACME SARL.");
    expect(await h.say("/client périmètre acme un blog en plus")).toContain("ACME SARL");
    expect(await h.say("/client perimetre acme une page de plus")).toContain("ACME SARL");
    await h.run("/client facture acme F-1 100 EUR due 31/12/2026");
    expect(await h.say("/client payé F-1")).toContain("Facture soldée");
    expect(await h.say("/client retar acme")).toContain("Vouliez-vous dire `/client retard`");
    const counts = await queryRows<{ kind: string; n: number }>(
      h.db.db,
      sql`select kind, count(*)::int as n from incidents group by kind order by kind`,
    );
    expect(counts).toEqual([
      { kind: "late", n: 1 },
      { kind: "scope", n: 2 },
    ]);
  });

  it("shows the French names in French help", async () => {
    await h.run("/client config lang fr");
    const overview = await h.say("/client aide");
    expect(overview).toContain("/client late|retard <client>");
    expect(overview).toContain("/client invoice|facture <client>");
    expect(overview).toContain("/client paid|payé|payée|paiement <numéro de facture>");
    const detail = await h.say("/client aide retard");
    expect(detail).toContain("Aussi : /client retard.");
    await h.run("/client config lang en");
    expect(await h.say("/client help")).not.toContain("retard");
  });
});

describe("one name for the owner, and no redundant risk", () => {
  it("French says 'le responsable' everywhere, never 'le dirigeant' nor 'le propriétaire'", async () => {
    const { catalogFor } = await import("../src/messages/catalog.ts");
    const fr = JSON.stringify(catalogFor("fr"), (_k, v) => (typeof v === "function" ? String(v) : v));
    expect(fr).not.toMatch(/dirigeant/i);
    // Slack's own role keeps its name ("propriétaire principal"); Tact's owner is "responsable".
    expect(fr.replace(/propriétaire principal/g, "")).not.toMatch(/propriétaire/i);
  });

  it("the card's risk line says the level once", async () => {
    await h.run("/client config lang fr");
    await h.run("/client add acme ACME SARL");
    await h.run("/client invoice acme F-9 1200 EUR issued 2026-09-15 due 2026-10-15");
    const card = await h.say("/client show acme");
    expect(card).toMatch(/^À risque\s?: F-9 impayée/m);
    expect(card).not.toMatch(/Risque\s?[—:]\s?à risque/);
  });
});

describe("adding a client without a display name", () => {
  it("uses the slug, capitalised, and says how to rename", async () => {
    expect(await h.say("/client add acme")).toBe(
      'Added Acme (acme). Log an incident with /client late acme, or see the card with /client show acme. Its display name is "Acme" for now: /client rename acme <full name> gives it its real one.',
    );
    expect(await h.say("/client add globex-corp")).toContain("Added Globex Corp (globex-corp).");
    await h.run("/client config lang fr");
    expect(await h.say("/client add initech")).toContain(
      "Son nom affiché est « Initech » pour l'instant : /client rename initech <nom complet> lui donne son vrai nom.",
    );
    const names = await queryRows<{ display_name: string }>(h.db.db, sql`select display_name from clients order by id`);
    expect(names.map((n) => n.display_name)).toEqual(["Acme", "Globex Corp", "Initech"]);
  });
});
