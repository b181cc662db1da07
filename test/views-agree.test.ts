import { describe, expect, it } from "vitest";
import { submit } from "./offboarding/offboarding-support.ts";
import { makeWorkspace, recordingOutbox, tick } from "./scheduler/scheduler-support.ts";
import { effectsText, type Harness, invocation, useHarness } from "./support/harness.ts";

/**
 * Issues #14 §6 and #21 §5: the same facts give the same risk level, explained by the same
 * facts, and the same counts, on the card, in `/client list`, in App Home, in the digest, on
 * the wizard's opening page and in the letter it drafts. One function counts
 * (domain/record-counts.ts) and one computes the level; this test holds every view to them,
 * in English and in French.
 */
const h = useHarness("2026-11-28T08:00:00Z");

async function agency(h: Harness, locale: "en" | "fr") {
  // 29 Nov 2026 is a Sunday: this agency gets its digest every day.
  await makeWorkspace(h, "console", { timezone: "Europe/Paris", locale, digestDays: [1, 2, 3, 4, 5, 6, 7] });
  await h.run("/client add acme ACME Corp");
  await h.run("/client add globex Globex");
  await h.run("/client add initech Initech");
  // The day before: a digest round with every client ok, for the next one to compare with.
  const { outbox, sent } = recordingOutbox();
  await tick(h, outbox);
  h.clock.set("2026-11-28T10:00:00Z");
  for (const line of [
    "/client invoice acme INV-1 500 EUR issued 2026-02-01 due 2026-03-02",
    "/client paid INV-1 on 2026-03-20",
    "/client invoice acme INV-2 500 EUR issued 2026-05-01 due 2026-06-02",
    "/client paid INV-2 on 2026-06-12",
    // 43 days late on 29 Nov, and logged twice: one late payment, two notes.
    "/client invoice acme INV-9 1200 EUR issued 2026-09-17 due 2026-10-17",
    "/client late acme INV-9 no answer to the first reminder",
    "/client late acme INV-9 still nothing",
    "/client scope acme added a blog section",
    "/client scope acme two more landing pages",
    "/client conduct acme shouted at the designer",
    "/client note acme new contact person: Dana",
    // Globex: one invoice a few days late, logged once.
    "/client invoice globex G-1 300 EUR issued 2026-10-20 due 2026-11-20",
    "/client late globex G-1",
    // Initech: nothing logged, one invoice overdue: a late payment all the same, on every view.
    "/client invoice initech I-1 200 EUR issued 2026-10-01 due 2026-11-01",
  ]) {
    await h.run(line);
  }
  h.clock.set("2026-11-29T08:00:00Z");
  await tick(h, outbox);
  return sent.find((s) => /== (Daily digest|Le point du jour) · 29/.test(s.text))?.text ?? "";
}

async function views(h: Harness) {
  const card = (slug: string) => h.say(`/client show ${slug}`);
  return {
    acme: await card("acme"),
    globex: await card("globex"),
    initech: await card("initech"),
    list: await h.say("/client list"),
    home: effectsText(await h.handle({ ...invocation(""), input: { kind: "home" } })),
    wizard: await h.say("/client offboard acme", { dm: true }),
    letter: await whyLetter(h),
  };
}

/** The wizard's step 3 with late payments chosen as a reason: its button and its draft. */
async function whyLetter(h: Harness): Promise<string> {
  await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
  await h.run("press wizard:1:2:done");
  return h.say("press wizard:1:3:reason:late");
}

/** The card's headline ("at risk: …"), and its counts as [kind, recent, total]. */
function cardFacts(card: string) {
  // The card's risk line is the headline, capitalised: "At risk: INV-9 unpaid…".
  const line =
    /^(?:Ok|Watch|At risk|Consider ending|À surveiller|À risque|Envisager d'arrêter)\s?:.+$/m.exec(card)?.[0] ?? "";
  const headline = `${line.charAt(0).toLowerCase()}${line.slice(1)}`;
  const counts = [...card.matchAll(/^ {2}(.+?)\s?: (\d+) \/ (\d+)$/gm)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
  return { headline, counts, recent: counts.reduce((n, c) => n + Number(c[1]), 0) };
}

describe("every view tells the same risk and the same counts", () => {
  it("in English", async () => {
    const digest = await agency(h, "en");
    const v = await views(h);
    const acme = cardFacts(v.acme);
    expect(acme.headline).toBe(
      "at risk: INV-9 unpaid 43 days after its due date (€1,200.00); 3 separate late payments in the last 12 months, 24 days late on average (from 2 Mar 2026 to 17 Oct 2026)",
    );
    expect(acme.counts).toEqual([
      ["late payment", 1, 3],
      ["disrespect / tension", 1, 1],
      ["scope creep", 2, 2],
      ["note", 1, 1],
    ]);
    const globex = cardFacts(v.globex);
    expect(globex.headline).toBe("watch: G-1 unpaid 9 days after its due date (€300.00)");

    for (const [client, facts] of [
      ["ACME Corp", acme],
      ["Globex", globex],
    ] as const) {
      expect(v.list).toContain(
        `${client} (${client === "Globex" ? "globex" : "acme"}): ${facts.headline} · ${facts.recent} incident`,
      );
      expect(digest).toContain(`${client}: ok → ${facts.headline}`);
    }
    expect(v.list).toContain("ACME Corp (acme): at risk: INV-9 unpaid 43 days");
    expect(v.list).toContain("· 5 incidents in the last 90 days (latest: ");
    expect(v.home).toContain(`ACME Corp (acme): ${acme.headline}`);
    expect(v.wizard).toContain(`\nAt risk: ${acme.headline.slice("at risk: ".length)}`);
    for (const [kind, recent, total] of acme.counts) expect(v.wizard).toContain(`${kind}: ${recent} / ${total}, last`);
    // The digest's new incidents count as the record does: two logs about INV-9 are one late payment.
    expect(digest).toContain("ACME Corp: late payment (1), disrespect / tension (1), scope creep (2), note (1)");

    // A late payment nobody logged counts as one everywhere: the list says what the card says.
    expect(cardFacts(v.initech).counts).toEqual([["late payment", 1, 1]]);
    expect(v.list).toContain(
      "Initech (initech): watch: I-1 unpaid 28 days after its due date (€200.00) · 1 incident in",
    );
    expect(digest).toContain("Initech: ok → watch");

    // The letter counts the card's 3 late payments: the 2 paid late and the 1 still unpaid.
    expect(v.letter).toContain("✓ late payment (3)");
    expect(v.letter).toContain(
      "- payments have reached us after their due date twice since 2 March 2026, and invoice INV-9 (due 17 October 2026) is still unpaid,",
    );
  });

  it("in French", async () => {
    const digest = await agency(h, "fr");
    const v = await views(h);
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
    const acme = cardFacts(plain(v.acme));
    expect(acme.headline).toBe(
      "à risque : INV-9 impayée 43 jours après son échéance (1 200,00 €) ; 3 retards de paiement distincts sur les 12 derniers mois, 24 jours de retard en moyenne (du 2 mars 2026 au 17 oct. 2026)",
    );
    expect(acme.counts).toEqual([
      ["retard de paiement", 1, 3],
      ["manque de respect / tension", 1, 1],
      ["dérive du périmètre", 2, 2],
      ["note", 1, 1],
    ]);
    const globex = cardFacts(plain(v.globex));
    expect(plain(v.list)).toContain(`ACME Corp (acme) : ${acme.headline} · 5 incidents sur les 90 derniers jours`);
    expect(plain(v.list)).toContain(`Globex (globex) : ${globex.headline} · 1 incident sur les 90 derniers jours`);
    expect(plain(v.home)).toContain(acme.headline);
    expect(plain(digest)).toContain(`ACME Corp : ok → ${acme.headline}`);
    expect(plain(digest)).toContain(`Globex : ok → ${globex.headline}`);
    expect(plain(v.wizard)).toContain(`\nÀ risque : ${acme.headline.slice("à risque : ".length)}`);

    // Nothing logged about Initech, yet the list does not say "aucun incident" while the card counts one.
    expect(cardFacts(plain(v.initech)).counts).toEqual([["retard de paiement", 1, 1]]);
    expect(plain(v.list)).toContain("Initech (initech) : à surveiller : I-1 impayée 28 jours après son échéance");
    expect(plain(v.list)).toMatch(/Initech \(initech\) : [^\n]* · 1 incident sur les 90 derniers jours/);
    expect(plain(v.list)).not.toMatch(/Initech[^\n]*aucun incident/);

    // The letter is drafted in the workspace's language here: the card's 3 late payments, told apart.
    expect(v.letter).toContain("✓ retard de paiement (3)");
    expect(plain(v.letter)).toContain(
      "- des règlements nous sont parvenus après leur échéance deux fois depuis le 2 mars 2026, et la facture INV-9 (échue le 17 octobre 2026) reste impayée,",
    );
  });
});
