import { describe, expect, it } from "vitest";
import { catalogFor } from "../../src/messages/catalog.ts";
import { letterFormatter } from "../../src/messages/letter-formatter.ts";
import { draftNextLetter, draftWhyLetter } from "../../src/offboarding/draft-letters.ts";
import { useHarness } from "../support/harness.ts";
import { addInvoice, setClient, submit, text } from "./offboarding-support.ts";

const en = catalogFor("en");
const fr = catalogFor("fr");
const enFmt = letterFormatter("en", "Europe/Paris");
const frFmt = letterFormatter("fr", "Europe/Paris");

const reasons = [
  { kind: "late" as const, count: 3, since: "2026-03-12" },
  { kind: "scope" as const, count: 2, since: "2026-05-02" },
];

// Words that blame, argue or humiliate have no place in these letters (PLAYBOOK.md §4).
const blame = /\b(fault|blame|failed|unacceptable|unprofessional|refused|never paid|rude|liar)\b/i;
const blameFr = /\b(faute|inacceptable|reproche à vous|impoli|menteur|jamais payé)\b/i;

describe("the letter that explains why (step 3)", () => {
  it("gives the chosen reasons as facts, owns the agency's share when scope crept, and closes kindly", () => {
    const letter = draftWhyLetter(en, enFmt, { client: "ACME Corp", signer: "Alex Martin", reasons });
    expect(
      letter.startsWith("Dear ACME Corp,\n\nAfter careful thought, we have decided to end our collaboration."),
    ).toBe(true);
    expect(letter).toContain("- payments have reached us after their due date 3 times since 12 March 2026");
    // The last reason ends the list with a full stop.
    expect(letter).toContain("we can no longer plan it properly.\n");
    expect(letter).toContain("We also recognise our part");
    expect(letter).toContain("we can no longer give you the level of support you need");
    expect(letter.endsWith("Kind regards,\nAlex Martin")).toBe(true);
    expect(letter).not.toMatch(blame);
  });

  it("gives only the kind reason when none is chosen, and no share of blame without scope creep", () => {
    const letter = draftWhyLetter(en, enFmt, { client: "ACME Corp", signer: "Alex", reasons: [] });
    expect(letter).not.toContain("Over the past months");
    expect(letter).not.toContain("our part");
    expect(letter).toContain("level of support you need");
  });

  it("reads like a French agency owner wrote it", () => {
    const letter = draftWhyLetter(fr, frFmt, { client: "ACME", signer: "Alex Martin", reasons });
    expect(letter).toContain(
      "Bonjour,\n\nAprès mûre réflexion, nous avons décidé de mettre fin à notre collaboration.",
    );
    expect(letter).toContain(
      "- plusieurs règlements nous sont parvenus après leur échéance (3 fois depuis le 12 mars 2026)",
    );
    expect(letter).toContain(
      "le projet a largement dépassé le périmètre convenu, et nous ne pouvons plus l'organiser correctement.",
    );
    expect(letter).toContain("Nous reconnaissons aussi notre part");
    expect(letter.endsWith("Bien cordialement,\nAlex Martin")).toBe(true);
    expect(letter).not.toMatch(blameFr);
    expect(letter).not.toMatch(/\b(the|we|payment|Dear)\b/);
  });
});

describe("the letter that explains what happens next (step 4)", () => {
  const base = {
    client: "ACME Corp",
    signer: "Alex",
    whyOn: "2026-11-27",
    today: "2026-11-27",
    handoverOn: "2026-12-27",
  };

  it("hands the paid work over with a date, and hosting, domain and access when the agency hosts", () => {
    const letter = draftNextLetter(en, enFmt, { ...base, hosted: true, unpaid: [] });
    expect(letter).toContain("Following our letter of 27 November 2026");
    expect(letter).toContain("everything delivered so far has been paid for, so it is yours");
    expect(letter).toContain("we host your website and will keep it online until 27 December 2026");
    expect(letter).toContain("transfer the domain name and hand over every access");
    expect(letter).toContain(
      "Final invoice: our final invoice, for the work done up to 27 November 2026, will follow.",
    );
  });

  it("ties ownership of the work to what is unpaid, and hands back access when the client hosts", () => {
    const letter = draftNextLetter(en, enFmt, {
      ...base,
      hosted: false,
      unpaid: [
        { number: "INV-7", outstandingMinor: 200_000, currency: "EUR" },
        { number: "INV-9", outstandingMinor: 50_050, currency: "EUR" },
      ],
    });
    expect(letter).toContain("the work delivered becomes yours once it has been paid for");
    expect(letter).toContain("Still open: INV-7 (€2,000.00) and INV-9 (€500.50) (€2,500.50 in total)");
    expect(letter).toContain("we will hand back any access you gave us by 27 December 2026");
    expect(letter).not.toContain("we host your website");
    expect(letter).toContain("Once it and the invoices above are settled");
  });

  it("in French, with French dates and amounts", () => {
    const letter = draftNextLetter(fr, frFmt, {
      ...base,
      hosted: true,
      unpaid: [{ number: "FAC-7", outstandingMinor: 200_000, currency: "EUR" }],
    });
    expect(letter).toContain("Comme annoncé dans notre courrier du 27 novembre 2026");
    const amount = frFmt.money(200_000, "EUR");
    expect(letter).toContain(`Restent ouvertes : FAC-7 (${amount}) (${amount} au total)`);
    expect(letter).toContain("nous hébergeons votre site et le maintiendrons en ligne jusqu'au 27 décembre 2026");
    expect(letter).toContain("Une fois celle-ci et les factures ci-dessus réglées, nos comptes seront soldés.");
  });
});

describe("letters in the wizard", () => {
  const h = useHarness();

  it("drafts in the client's language while guiding the owner in the workspace's", async () => {
    await h.run("/client add acme ACME");
    await h.run("/client late acme", { user: "sam" });
    await setClient(h.db.db, "acme", { language: "fr", hosted: true });
    await addInvoice(h.db.db, "acme", {
      number: "FAC-7",
      amountMinor: 120_000,
      issuedOn: "2026-10-01",
      dueOn: "2026-11-01",
    });
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "On s'est parlé." });
    const step3 = text(await h.run("press wizard:1:2:done"));
    expect(step3).toContain("Step 3 of 8: Explain why, in writing");
    expect(step3).toContain("Draft, in French (the client's language):");
    expect(step3).toContain("Bonjour,");
    const withReason = text(await h.run("press wizard:1:3:reason:late"));
    // The logged late payment and the overdue FAC-7 (counted without anyone typing it), since FAC-7 fell due.
    expect(withReason).toContain(
      "plusieurs règlements nous sont parvenus après leur échéance (2 fois depuis le 1er novembre 2026)",
    );
    const step4 = text(await h.run("press wizard:1:3:done"));
    expect(step4).toContain("Comme annoncé dans notre courrier du 27 novembre 2026");
    expect(step4).toContain(`FAC-7 (${frFmt.money(120_000, "EUR")})`);
    expect(step4).toContain("nous hébergeons votre site");
  });

  it("guides a French-speaking owner in French", async () => {
    await h.run("/client add acme ACME");
    await h.run("/client config lang fr");
    const opened = text(await h.run("/client offboard acme"));
    expect(opened).toContain("La suite se passe en message privé, où vous seul pouvez la voir.");
    expect(opened).toContain("Étape 1 sur 8 : D'abord, en parler");
    expect(opened).toContain("Avant de mettre fin à quoi que ce soit, parlez au client vous-même");
    const refused = text(await h.run("/client offboard acme", { user: "sam" }));
    expect(refused).toContain("Seul le responsable de l'espace (owner) peut se séparer d'un client");
  });
});
