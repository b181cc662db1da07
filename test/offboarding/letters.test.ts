import { describe, expect, it } from "vitest";
import { catalogFor } from "../../src/messages/catalog.ts";
import { letterFormatter } from "../../src/messages/letter-formatter.ts";
import { draftNextLetter, draftWhyLetter, type LetterReason } from "../../src/offboarding/draft-letters.ts";
import { useHarness } from "../support/harness.ts";
import { addInvoice, setClient, submit, text } from "./offboarding-support.ts";

/** Typography aside (the spaces French puts before « : ; ? ! »): what the words say. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const en = catalogFor("en");
const fr = catalogFor("fr");
const enFmt = letterFormatter("en", "Europe/Paris");
const frFmt = letterFormatter("fr", "Europe/Paris");

const reasons: LetterReason[] = [
  {
    kind: "late",
    count: 3,
    since: "2026-03-12",
    last: "2026-10-01",
    late: { paid: { count: 3, since: "2026-03-12", days: null }, unpaid: [], noted: null },
  },
  { kind: "scope", count: 2, since: "2026-05-02", last: "2026-09-14" },
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
    expect(letter).toContain("- payments have reached us after their due date 3 times since 12 March 2026,");
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
    expect(letter).toContain("- des règlements nous sont parvenus après leur échéance 3 fois depuis le 12 mars 2026,");
    expect(letter).toContain(
      "le projet a dépassé le périmètre convenu deux fois depuis le 2 mai 2026, et nous ne pouvons plus l'organiser correctement.",
    );
    expect(letter).toContain("Nous reconnaissons aussi notre part");
    expect(letter.endsWith("Bien cordialement,\nAlex Martin")).toBe(true);
    expect(letter).not.toMatch(blameFr);
    expect(letter).not.toMatch(/\b(the|we|payment|Dear)\b/);
  });
});

describe("the facts a letter gives are exact (issue #14 §2)", () => {
  const one = (kind: LetterReason["kind"], on: string): LetterReason => ({ kind, count: 1, since: on, last: on });
  const two = (kind: LetterReason["kind"]): LetterReason => ({
    kind,
    count: 2,
    since: "2026-08-01",
    last: "2026-10-05",
  });
  const kinds = ["conduct", "advice", "scope", "ethics"] as const;
  const why = (t: typeof en, fmt: typeof enFmt, rs: LetterReason[]) =>
    draftWhyLetter(t, fmt, { client: "ACME", signer: "Alex", reasons: rs });
  const body = (letter: string) => letter.split("\n").filter((l) => l.startsWith("- "));

  it("says once for one incident, with its day, and never 'several times'", () => {
    const enLines = body(
      why(
        en,
        enFmt,
        kinds.map((k) => one(k, "2026-10-12")),
      ),
    );
    expect(enLines).toEqual([
      "- our exchanges became tense once, on 12 October 2026, and a project needs calm to go well;",
      "- we disagreed once, on 12 October 2026, on a choice within our own field, and we cannot fully stand behind the result;",
      "- the project went beyond what we had agreed once, on 12 October 2026, and we need a clear scope to plan it properly;",
      "- once, on 12 October 2026, we were asked for something that our professional standards do not allow us to do.",
    ]);
    const frLines = body(
      why(
        fr,
        frFmt,
        kinds.map((k) => one(k, "2026-08-01")),
      ),
    ).map(plain);
    expect(frLines).toEqual([
      "- nos échanges se sont tendus une fois, le 1er août 2026, et un projet a besoin de sérénité pour bien se dérouler ;",
      "- nous avons été en désaccord une fois, le 1er août 2026, sur un choix qui relève de notre métier, et nous ne pouvons pas pleinement défendre le résultat ;",
      "- le projet a dépassé le périmètre convenu une fois, le 1er août 2026, et il nous faut un périmètre clair pour l'organiser correctement ;",
      "- le 1er août 2026, nous avons reçu une demande que notre déontologie professionnelle ne nous permet pas de satisfaire.",
    ]);
    for (const line of [...enLines, ...frLines])
      expect(line).not.toMatch(/several|many|repeated|plusieurs|à maintes|souvent/i);
  });

  it("says twice for two, and the number for more", () => {
    const enLetter = why(en, enFmt, kinds.map(two));
    expect(enLetter).toContain("our exchanges have become tense twice since 1 August 2026");
    expect(enLetter).toContain("we have disagreed twice since 1 August 2026 on choices within our own field");
    expect(enLetter).toContain("the project has gone beyond what we had agreed twice since 1 August 2026");
    expect(enLetter).toContain("we have been asked twice since 1 August 2026 for things");
    const frLetter = plain(why(fr, frFmt, kinds.map(two)));
    expect(frLetter).toContain("nos échanges se sont tendus deux fois depuis le 1er août 2026");
    expect(frLetter).toContain("nous avons été en désaccord deux fois depuis le 1er août 2026");
    expect(frLetter).toContain("le projet a dépassé le périmètre convenu deux fois depuis le 1er août 2026");
    expect(frLetter).toContain("depuis le 1er août 2026, nous avons reçu deux demandes");
    expect(why(en, enFmt, [{ ...two("advice"), count: 4 }])).toContain("we have disagreed 4 times since");
    expect(plain(why(fr, frFmt, [{ ...two("advice"), count: 4 }]))).toContain("en désaccord 4 fois depuis");
  });

  it("tells invoices paid late from invoices still unpaid, and from late payments only noted", () => {
    const late: LetterReason = {
      kind: "late",
      count: 4,
      since: "2026-03-02",
      last: "2026-11-27",
      late: {
        paid: { count: 2, since: "2026-03-02", days: null },
        unpaid: [{ number: "INV-9", due: "2026-10-17" }],
        noted: { count: 1, since: "2026-11-27" },
      },
    };
    expect(body(why(en, enFmt, [late]))).toEqual([
      "- payments have reached us after their due date twice since 2 March 2026, invoice INV-9 (due 17 October 2026) is still unpaid, and we noted one other late payment, on 27 November 2026, which a team of our size cannot absorb.",
    ]);
    expect(body(why(fr, frFmt, [late])).map(plain)).toEqual([
      "- des règlements nous sont parvenus après leur échéance deux fois depuis le 2 mars 2026, la facture INV-9 (échue le 17 octobre 2026) reste impayée, et nous avons noté un autre retard de paiement, le 27 novembre 2026, ce qu'une équipe de notre taille ne peut pas absorber.",
    ]);
    // One paid late, with its days; two unpaid; nothing called a payment that never came.
    const single: LetterReason = {
      ...late,
      count: 3,
      late: {
        paid: { count: 1, since: "2026-08-01", days: 18 },
        unpaid: [
          { number: "INV-8", due: "2026-09-01" },
          { number: "INV-9", due: "2026-10-17" },
        ],
        noted: null,
      },
    };
    expect(body(why(en, enFmt, [single]))).toEqual([
      "- a payment reached us 18 days after its due date of 1 August 2026, and invoices INV-8 (due 1 September 2026) and INV-9 (due 17 October 2026) are still unpaid, which a team of our size cannot absorb.",
    ]);
    expect(body(why(fr, frFmt, [single])).map(plain)).toEqual([
      "- un règlement nous est parvenu 18 jours après son échéance du 1er août 2026, et les factures INV-8 (échue le 1er septembre 2026) et INV-9 (échue le 17 octobre 2026) restent impayées, ce qu'une équipe de notre taille ne peut pas absorber.",
    ]);
    const unpaidOnly: LetterReason = {
      ...late,
      count: 1,
      late: { paid: null, unpaid: [{ number: "INV-9", due: "2026-10-17" }], noted: null },
    };
    expect(body(why(en, enFmt, [unpaidOnly]))).toEqual([
      "- invoice INV-9 (due 17 October 2026) is still unpaid, which a team of our size finds hard to absorb.",
    ]);
    expect(why(en, enFmt, [unpaidOnly])).not.toMatch(/reached us|times|twice/);
    expect(plain(why(fr, frFmt, [unpaidOnly]))).not.toMatch(/parvenu|fois/);
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
    expect(letter).toContain(`Restent ouvertes\u00a0: FAC-7 (${amount}) (${amount} au total)`);
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
    expect(step3).toContain("Draft in French, the client's language:");
    expect(step3).toContain("Bonjour,");
    const withReason = text(await h.run("press wizard:1:3:reason:late"));
    // The overdue FAC-7 (counted without anyone typing it) is unpaid, not a payment that came late;
    // the late payment logged without an invoice is said as noted, on its day.
    expect(withReason).toContain("late payment (2)");
    expect(plain(withReason)).toContain(
      "- la facture FAC-7 (échue le 1er novembre 2026) reste impayée, et nous avons noté un autre retard de paiement, le 27 novembre 2026, ce qu'une équipe de notre taille ne peut pas absorber.",
    );
    expect(withReason).not.toMatch(/parvenu|fois/);
    const step4 = text(await h.run("press wizard:1:3:done"));
    expect(step4).toContain("Comme annoncé dans notre courrier du 27 novembre 2026");
    expect(step4).toContain(`FAC-7 (${frFmt.money(120_000, "EUR")})`);
    expect(step4).toContain("nous hébergeons votre site");
  });

  it("counts from the record: paid late, still unpaid, and one ignored advice said once, in both languages", async () => {
    for (const [language, expected] of [
      [
        "en",
        [
          "- payments have reached us after their due date twice since 2 March 2026, and invoice INV-3 (due 1 October 2026) is still unpaid, which a team of our size cannot absorb;",
          "- we disagreed once, on 20 November 2026, on a choice within our own field, and we cannot fully stand behind the result.",
        ],
      ],
      [
        "fr",
        [
          "- des règlements nous sont parvenus après leur échéance deux fois depuis le 2 mars 2026, et la facture INV-3 (échue le 1er octobre 2026) reste impayée, ce qu'une équipe de notre taille ne peut pas absorber ;",
          "- nous avons été en désaccord une fois, le 20 novembre 2026, sur un choix qui relève de notre métier, et nous ne pouvons pas pleinement défendre le résultat.",
        ],
      ],
    ] as const) {
      await h.db.reset();
      h.clock.set("2026-11-20T10:00:00Z");
      await h.run("/client add acme ACME");
      await h.run("/client advice acme kept the low-contrast palette", { user: "sam" });
      h.clock.set("2026-11-27T10:00:00Z");
      for (const line of [
        "/client terms acme law none",
        "/client invoice acme INV-1 500 EUR issued 2026-02-01 due 2026-03-02",
        "/client paid INV-1 on 2026-03-20",
        "/client invoice acme INV-2 500 EUR issued 2026-05-01 due 2026-06-02",
        "/client paid INV-2 on 2026-06-12",
        "/client invoice acme INV-3 800 EUR issued 2026-09-01 due 2026-10-01",
        // Logged about INV-3: the same late payment, not a third one.
        "/client late acme INV-3 no answer",
      ]) {
        await h.run(line);
      }
      await setClient(h.db.db, "acme", { language });
      await h.run("/client offboard acme");
      await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
      await h.run("press wizard:1:2:done");
      const buttons = text(await h.run("press wizard:1:3:reason:late"));
      // The button counts as the card does: three late payments (two paid late, one unpaid).
      expect(buttons).toContain("late payment (3)");
      expect(buttons).toContain("advice ignored (1)");
      const letter = plain(text(await h.run("press wizard:1:3:reason:advice")));
      const lines = letter.split("\n").filter((l) => l.startsWith("- "));
      expect(lines).toEqual(expected);
      expect(letter).not.toMatch(/several|plusieurs|3 times|3 fois/);
    }
  });

  it("guides a French-speaking owner in French", async () => {
    await h.run("/client add acme ACME");
    await h.run("/client config lang fr");
    const opened = text(await h.run("/client offboard acme"));
    expect(opened).toContain("La suite se passe en message privé, où vous seul pouvez la voir.");
    expect(opened).toContain("Étape 1 sur 8\u00a0: D'abord, en parler");
    expect(opened).toContain("Avant de mettre fin à quoi que ce soit, parlez au client vous-même");
    const refused = text(await h.run("/client offboard acme", { user: "sam" }));
    expect(refused).toContain("Seul le responsable de l'espace (owner) peut se séparer d'un client");
  });
});
