import { describe, expect, it } from "vitest";
import { type AdviceFacts, type AdviceId, adviceRules, adviseFor, formerClientRules } from "../../src/domain/advice.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import type { Locale } from "../../src/messages/locale.ts";
import { renderAdvice } from "../../src/messages/render-advice.ts";
import { count, facts, late, unpaid } from "./client-facts.ts";

/** French spacing compared as plain spaces (the catalog uses non-breaking ones before : ; ? !). */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function said(f: AdviceFacts, id: AdviceId, locale: Locale): string {
  const advice = adviseFor(f).find((a) => a.id === id);
  if (!advice) throw new Error(`${id} not advised: ${adviseFor(f).map((a) => a.id)}`);
  return plain(renderAdvice(advice, catalogFor(locale), createFormatter(locale, "Europe/Paris"), "acme"));
}

const finalSent = [
  { kind: "first", on: "2026-10-16" },
  { kind: "second", on: "2026-10-30" },
  { kind: "final", on: "2026-11-12" },
] as const;

/** One case per row of the table: facts that call for it, and what it says in English and in French. */
const cases: Record<AdviceId, { facts: AdviceFacts; en: string[]; fr: string[] }> = {
  noPattern: {
    facts: facts(),
    en: ["Nothing to act on: occasional problems are normal."],
    fr: ["Rien d'alarmant : des soucis ponctuels, ça arrive."],
  },
  suspend: {
    facts: facts({ hosted: true, unpaid: [unpaid("INV-9", 50, [...finalSent])] }),
    en: [
      "INV-9 is unpaid 50 days after its due date and the agency hosts this client's site (final notice sent on 12 Nov 2026). Send a suspension notice",
      "/client remind INV-9",
    ],
    fr: [
      "INV-9 reste impayée 50 jours après son échéance et nous hébergeons le site de ce client (mise en demeure envoyée le 12 nov. 2026). Envoyez un préavis de suspension",
    ],
  },
  chaseOrWriteOff: {
    facts: facts({ unpaid: [unpaid("INV-1", 471)], latePayments: [late("2025-08-16", { unpaid: true, days: 471 })] }),
    en: [
      "INV-1 is still unpaid 471 days after its due date, long past the final stage (no reminder recorded yet). Make sure the money actually arrives",
      "Or write it off, as a decision.",
    ],
    fr: [
      "INV-1 reste impayée 471 jours après son échéance, bien après la date prévue pour la mise en demeure (aucune relance enregistrée pour l'instant). Assurez-vous que l'argent arrive vraiment",
      "passez la créance en perte",
    ],
  },
  finalSent: {
    facts: facts({ unpaid: [unpaid("INV-9", 35, [...finalSent])] }),
    en: [
      "INV-9 is unpaid 35 days after its due date (final notice sent on 12 Nov 2026). If nothing arrives, the owner chases it personally",
    ],
    fr: [
      "INV-9 reste impayée 35 jours après son échéance (mise en demeure envoyée le 12 nov. 2026). Si rien n'arrive, le responsable relance lui-même",
    ],
  },
  remindPastFinal: {
    facts: facts({ unpaid: [unpaid("F-1", 40, [{ kind: "first", on: "2026-10-21" }])] }),
    en: [
      "F-1 is unpaid 40 days after its due date, past the day for the final notice (first reminder sent on 21 Oct 2026). Send the next reminder (/client remind F-1 drafts it).",
    ],
    fr: [
      "F-1 reste impayée 40 jours après son échéance, la date prévue pour la mise en demeure est passée (première relance envoyée le 21 oct. 2026). Envoyez la relance suivante",
    ],
  },
  latePattern: {
    facts: facts({ latePayments: [late("2026-02-03"), late("2026-05-04"), late("2026-08-05")] }),
    en: [
      "3 separate late payments in the last 12 months (from 3 Feb 2026 to 5 Aug 2026): this is a pattern",
      "Renegotiate",
      "or end the relationship.",
    ],
    fr: [
      "3 retards de paiement distincts sur les 12 derniers mois (du 3 févr. 2026 au 5 août 2026) : c'est devenu une habitude",
      "Renégociez",
    ],
  },
  lateRepeat: {
    facts: facts({ latePayments: [late("2026-06-02"), late("2026-10-02")] }),
    en: [
      "2 late payments in the last 12 months (from 2 Jun 2026 to 2 Oct 2026): not a pattern yet. Put a system in place",
    ],
    fr: ["2 retards de paiement sur les 12 derniers mois (du 2 juin 2026 au 2 oct. 2026) : pas encore une habitude."],
  },
  lateOnce: {
    facts: facts({ latePayments: [late("2026-11-10", { invoice: "INV-7", days: 6 })] }),
    en: [
      "One late payment in the last 12 months (INV-7, due 10 Nov 2026, paid 6 days late): likely an accounting slip. Nothing more to do.",
    ],
    fr: [
      "Un seul retard de paiement sur les 12 derniers mois (INV-7, échue le 10 nov. 2026, payée avec 6 jours de retard) : sans doute une erreur de comptabilité. Rien de plus à faire.",
    ],
  },
  conductPersistent: {
    facts: facts({ counts: [count("conduct", 2, 3)] }),
    en: ["3 reports of disrespect or tension since 2 Jun 2026 (last 20 Nov 2026): the tension persists."],
    fr: [
      "3 signalements de manque de respect ou de tension depuis le 2 juin 2026 (dernier le 20 nov. 2026) : la tension persiste.",
    ],
  },
  conductRepeat: {
    facts: facts({ counts: [count("conduct", 2)] }),
    en: ["2 reports of disrespect or tension since 2 Jun 2026 (last 20 Nov 2026): if talking didn't help"],
    fr: [
      "2 signalements de manque de respect ou de tension depuis le 2 juin 2026 (dernier le 20 nov. 2026) : si la discussion",
    ],
  },
  conductOnce: {
    facts: facts({ counts: [count("conduct", 1)] }),
    en: ["Tension reported on 20 Nov 2026: the owner should talk to the client personally"],
    fr: ["Tension signalée le 20 nov. 2026 : c'est au responsable d'en parler lui-même au client"],
  },
  advicePattern: {
    facts: facts({ counts: [count("advice", 1, 2)] }),
    en: ["2 pieces of advice ignored since 2 Jun 2026 (last 20 Nov 2026)"],
    fr: ["2 conseils ignorés depuis le 2 juin 2026 (dernier le 20 nov. 2026)"],
  },
  adviceOnce: {
    facts: facts({ counts: [count("advice", 1)] }),
    en: ["Advice ignored once (20 Nov 2026): clients won't take every suggestion"],
    fr: ["Un conseil ignoré (le 20 nov. 2026) : un client ne suit pas toutes les suggestions"],
  },
  scope: {
    facts: facts({ counts: [count("scope", 1, 1, "2026-11-20")] }),
    en: ["1 scope addition (20 Nov 2026): write a clear project profile"],
    fr: ["1 ajout au périmètre (le 20 nov. 2026) : rédigez un cahier des charges clair"],
  },
  ethics: {
    facts: facts({ counts: [count("ethics", 2)] }),
    en: ["2 unethical requests since 2 Jun 2026 (last 20 Nov 2026): hiring the agency"],
    fr: ["2 demandes contraires à l'éthique depuis le 2 juin 2026 (dernière le 20 nov. 2026) : être payé"],
  },
  flags: {
    facts: facts({ counts: [count("flag", 0, 3)] }),
    en: ["3 warning signs recorded since 2 Jun 2026 (last 20 Nov 2026): keep them in mind"],
    fr: ["3 signaux d'alerte notés depuis le 2 juin 2026 (dernier le 20 nov. 2026) : gardez-les en tête"],
  },
  manyTroubles: {
    facts: facts({ counts: [count("conduct", 1), count("scope", 2), count("advice", 1), count("note", 1)] }),
    en: ["5 incidents of 3 kinds in the last 90 days: time for the owner to decide"],
    fr: ["5 incidents de 3 types sur les 90 derniers jours : au responsable de décider"],
  },
  formerOwed: {
    facts: facts({
      former: true,
      hosted: true,
      unpaid: [unpaid("INV-9", 80, [...finalSent])],
      counts: [count("conduct", 3)],
      owed: { invoices: ["INV-9"], amounts: [{ minor: 124_000, currency: "EUR" }] },
    }),
    en: [
      "A former client: what still applies is what is owed (INV-9: €1,240.00). Have it settled, or write it off as a decision, and keep the record (/client export acme).",
    ],
    fr: ["Un ancien client : il reste ce qui est dû (INV-9 : 1 240,00 €). Faites-le régler"],
  },
  formerSettled: {
    facts: facts({ former: true, counts: [count("conduct", 2)] }),
    en: ["A former client who owes nothing: keep the record (/client export acme)"],
    fr: ["Un ancien client qui ne doit plus rien : gardez le dossier (/client export acme)"],
  },
};

describe("the advice table (issue #21)", () => {
  const rows = [...adviceRules, ...formerClientRules].map((r) => r.id);

  it("has a case for every row", () => {
    expect(Object.keys(cases).sort()).toEqual([...rows, "noPattern"].sort());
  });

  for (const id of [...rows, "noPattern" as const]) {
    it(`${id}: says it in English and in French`, () => {
      const c = cases[id];
      for (const text of c.en) expect(said(c.facts, id, "en")).toContain(text);
      for (const text of c.fr) expect(said(c.facts, id, "fr")).toContain(text);
    });
  }
});

describe("advice in proportion to the facts", () => {
  const advised = (f: AdviceFacts) => adviseFor(f).map((a) => a.id);

  it("calls an invoice unpaid 471 days no accounting slip, whatever the count", () => {
    const f = facts({
      unpaid: [unpaid("INV-1", 471)],
      latePayments: [late("2025-08-16", { unpaid: true, days: 471 })],
    });
    expect(advised(f)).toEqual(["chaseOrWriteOff"]);
  });

  it("reads one overdue invoice that someone also logged as once and recent: a slip, no pattern", () => {
    const f = facts({
      unpaid: [unpaid("INV-7", 12)],
      latePayments: [late("2026-11-17", { invoice: "INV-7", unpaid: true, days: 12, logs: 1 })],
    });
    expect(advised(f)).toEqual(["lateOnce"]);
    expect(said(f, "lateOnce", "en")).toContain("A polite reminder is enough.");
  });

  it("never mentions a final notice that was not recorded as sent", () => {
    const f = facts({ unpaid: [unpaid("F-1", 89)], latePayments: [late("2026-09-01", { unpaid: true, days: 89 })] });
    for (const locale of ["en", "fr"] as const) {
      const text = adviseFor(f)
        .map((a) => renderAdvice(a, catalogFor(locale), createFormatter(locale, "Europe/Paris"), "acme"))
        .join("\n");
      expect(text).not.toMatch(/final notice (sent|recorded)|malgré|mise en demeure envoyée/);
      expect(plain(text)).toMatch(locale === "en" ? /no reminder recorded yet/ : /aucune relance enregistrée/);
    }
  });

  it("gives a former client only what still applies: no talk, no suspension notice", () => {
    const f = cases.formerOwed.facts;
    expect(advised(f)).toEqual(["formerOwed"]);
    expect(advised({ ...f, former: false })).toEqual(expect.arrayContaining(["suspend", "conductPersistent"]));
  });

  it("holds the once-and-recent rule to the last 90 days", () => {
    expect(advised(facts({ latePayments: [late("2026-05-01")] }))).toEqual(["noPattern"]);
  });
});
