import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { effectsText, invocation, useHarness } from "../support/harness.ts";

const h = useHarness("2025-01-01T10:00:00Z");

/** French formatting uses narrow no-break spaces; compare as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const say = async (line: string, as?: Parameters<typeof h.say>[1]) => plain(await h.say(line, as));
const at = (day: string) => h.clock.set(`${day}T10:00:00Z`);

async function overdueInvoice(terms = "law fr") {
  await h.run("/client add acme ACME Corp");
  await h.run(`/client terms acme ${terms}`);
  await h.run("/client invoice acme INV-7 2000.00 EUR issued 2025-01-01 due 2025-01-31");
}

async function sentRows() {
  return queryRows<{ kind: string; sent_on: string; recorded_by: string; confirmed_later: boolean }>(
    h.db.db,
    sql`select kind, to_char(sent_on, 'YYYY-MM-DD') as sent_on, recorded_by, confirmed_later
        from invoice_reminders order by sent_on, stage`,
  );
}

async function remindedAudits() {
  return queryRows<{ actor_id: string; details: Record<string, unknown> }>(
    h.db.db,
    sql`select actor_id, details from audit_log where action = 'invoice.reminded' order by id`,
  );
}

describe("reminder drafts state only what happened", () => {
  it("drafts nothing before the due date, then a first reminder that states the days late, without charges", async () => {
    await overdueInvoice();
    expect(await say("/client remind INV-7")).toContain("INV-7 isn't overdue yet (due 31 Jan 2025)");
    at("2025-02-03");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("== Draft first reminder for INV-7 (ACME Corp), in English ==");
    expect(draft).toContain("Subject: Invoice INV-7: payment reminder");
    expect(draft).toContain(
      "Our records show that invoice INV-7 of 1 January 2025 for €2,000.00, due on 31 January 2025, has not been paid yet: it is now 3 days overdue.",
    );
    expect(draft).not.toContain("interest");
    expect(draft).not.toContain("Despite");
    expect(draft).toContain("Tact never writes to the client");
    expect(draft).toContain("[press reminded:1:1] I sent it");
  });

  it("first contacts an invoice found 50 days late with a first reminder, never a suspension notice", async () => {
    await overdueInvoice("law fr hosted yes");
    at("2025-03-22");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("Draft first reminder for INV-7");
    expect(draft).toContain("has not been paid yet: it is now 50 days overdue.");
    expect(draft).not.toMatch(/despite|suspend|final notice|reminders/i);
    expect(await say("/client invoices")).toContain("first reminder due now: /client remind INV-7");
  });

  it("…in French too, for a French client", async () => {
    await overdueInvoice("law fr hosted yes lang fr");
    at("2025-03-22");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("Draft first reminder for INV-7 (ACME Corp), in French");
    expect(draft).toContain("Objet : Facture INV-7 : relance");
    expect(draft).toContain(
      "Sauf erreur de notre part, la facture INV-7 du 1er janvier 2025, d'un montant de 2 000,00 €, arrivée à échéance le 31 janvier 2025, n'a pas encore été réglée : elle accuse aujourd'hui 50 jours de retard.",
    );
    expect(draft).not.toMatch(/malgré|suspen|mise en demeure|relances/i);
    // French punctuation: a no-break space before the colon and the question mark.
    expect(await h.say("/client remind INV-7")).toContain("réglée\u00a0: elle accuse");
    expect(await h.say("/client remind INV-7")).toContain("effectué\u00a0?");
  });

  it("names the dates of the reminders sent, and waits the gap after each before the next", async () => {
    await overdueInvoice();
    at("2025-02-03");
    expect(await say("/client reminded INV-7", { user: "sam" })).toBe(
      "Recorded: the first reminder for INV-7 (ACME Corp) was sent. Next: second reminder on 17 Feb 2025.",
    );
    at("2025-02-16");
    expect(await say("/client remind INV-7")).toBe(
      "No reminder is due yet for INV-7: the first reminder went out on 3 Feb 2025, and the second reminder comes on 17 Feb 2025.",
    );
    at("2025-02-17");
    const second = await say("/client remind INV-7");
    expect(second).toContain("Draft second reminder for INV-7");
    expect(second).toContain(
      "Despite our reminder of 3 February 2025, invoice INV-7 of 1 January 2025 for €2,000.00, due on 31 January 2025, is now 17 days overdue.",
    );
    expect(second).toContain("– fixed recovery fee: €40.00 (Code de commerce, art. L441-10 and D441-5)");
    await h.run("/client reminded INV-7");
    at("2025-03-04");
    const final = await say("/client remind INV-7");
    expect(final).toContain("Draft final notice for INV-7");
    expect(final).toContain(
      "Despite our reminders of 3 February 2025 and 17 February 2025, invoice INV-7 of 1 January 2025 for €2,000.00, due on 31 January 2025, is still unpaid 32 days after its due date. This is our final notice.",
    );
    expect(final).toContain(
      "– interest from 1 February 2025 to 4 March 2025 on €2,000.00 at 13.15% a year, 32 days: €23.06 (Code de commerce, art. L441-10)",
    );
    expect(final).toContain("Total due: €2,063.06");
    expect(final).toContain(
      "If payment has not reached us by 12 March 2025, we will have to take further steps to recover the debt.",
    );
  });

  it("writes the dates in French for a French client", async () => {
    await overdueInvoice("law fr lang fr");
    at("2025-02-01");
    await h.run("/client reminded INV-7");
    at("2025-02-20");
    await h.run("/client reminded INV-7");
    at("2025-03-07");
    const final = await say("/client remind INV-7");
    expect(final).toContain(
      "Malgré nos relances du 1er février 2025 et du 20 février 2025, la facture INV-7 du 1er janvier 2025, d'un montant de 2 000,00 €, arrivée à échéance le 31 janvier 2025, reste impayée 35 jours après son échéance. Nous vous mettons donc en demeure de la régler.",
    );
    expect(final).toContain("Total à régler : 2 065,22 €");
  });

  it("sends a hosted client a suspension notice only after the final notice, with its notice period", async () => {
    await overdueInvoice("law fr hosted yes");
    for (const day of ["2025-02-01", "2025-02-15", "2025-03-02"]) {
      at(day);
      expect(await say("/client remind INV-7")).not.toContain("suspension notice for");
      await h.run("/client reminded INV-7");
    }
    at("2025-03-10");
    expect(await say("/client remind INV-7")).toBe(
      "No reminder is due yet for INV-7: the final notice went out on 2 Mar 2025, and the suspension notice comes on 17 Mar 2025.",
    );
    at("2025-03-17");
    const notice = await say("/client remind INV-7");
    expect(notice).toContain("Draft suspension notice for INV-7");
    expect(notice).toContain(
      "Despite our reminders of 1 February 2025 and 15 February 2025 and our final notice of 2 March 2025, invoice INV-7",
    );
    expect(notice).toContain(
      "We are therefore giving you 9 days' notice: if payment has not reached us by 25 March 2025, the hosting of your website will be suspended on 26 March 2025.",
    );
  });

  it("gives the notice period in French", async () => {
    await overdueInvoice("law fr hosted yes lang fr");
    for (const day of ["2025-02-01", "2025-02-15", "2025-03-02"]) {
      at(day);
      await h.run("/client reminded INV-7");
    }
    at("2025-03-17");
    const notice = await say("/client remind INV-7");
    expect(notice).toContain(
      "Malgré nos relances du 1er février 2025 et du 15 février 2025 et notre mise en demeure du 2 mars 2025, la facture INV-7",
    );
    expect(notice).toContain(
      "Nous vous accordons donc un préavis de 9 jours : à défaut de règlement au plus tard le 25 mars 2025, l'hébergement de votre site sera suspendu le 26 mars 2025.",
    );
  });

  it("drafts a reminder of the charges when only the original amount was paid", async () => {
    await overdueInvoice();
    at("2025-03-02");
    await h.run("/client paid INV-7");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("Draft reminder of charges owed for INV-7");
    expect(draft).toContain(
      "Thank you for paying invoice INV-7. As the payment arrived 30 days after the due date of 31 January 2025",
    );
    expect(draft).toContain("Total due: €61.62");
  });
});

describe("recording reminders", () => {
  it("records the next stage with its day, once, and says what comes next", async () => {
    await overdueInvoice();
    at("2025-02-03");
    const effects = await h.run("/client remind INV-7");
    const id = /\[press (reminded:\d+:\d+)\]/.exec(effectsText(effects))?.[1];
    // "I sent it" asks when and how: the day (today to start with) and the channel.
    const [form] = await h.run(`press ${id}`, { user: "sam" });
    expect(form).toMatchObject({ type: "form", form: { id: "reminded-form:1:1" } });
    const fields = form?.type === "form" ? form.form.fields : [];
    expect(fields.map((f) => [f.id, f.initial ?? "", f.required])).toEqual([
      ["date", "2025-02-03", true],
      ["channel", "", true],
    ]);
    expect(fields[1]?.choices?.map((c) => c.label)).toEqual(["email", "post", "registered letter"]);
    const sent = (values: Record<string, string>, user = "sam") =>
      h.handle({ ...invocation("", { user }), input: { kind: "form", formId: "reminded-form:1:1", values } });
    expect(effectsText(await sent({ date: "2025-02-03", channel: "email" }))).toBe(
      "Recorded: the first reminder for INV-7 (ACME Corp) was sent. Sent on 3 Feb 2025 by email. Next: second reminder on 17 Feb 2025.",
    );
    expect(await say("/client reminded INV-7 1")).toBe(
      "The first reminder for INV-7 is already recorded as sent, on 3 Feb 2025. Nothing was recorded.",
    );
    expect(effectsText(await sent({ date: "2025-02-03", channel: "post" }, "owner"))).toContain(
      "already recorded as sent, on 3 Feb 2025",
    );
    expect(await say("/client reminded INV-7")).toBe(
      "No reminder is due yet for INV-7: the first reminder went out on 3 Feb 2025, and the second reminder comes on 17 Feb 2025.",
    );
    expect(await say("/client invoices")).toContain("next: second reminder on 17 Feb 2025");
    expect(await sentRows()).toEqual([
      { kind: "first", sent_on: "2025-02-03", recorded_by: "sam", confirmed_later: false },
    ]);
    expect(await remindedAudits()).toEqual([
      {
        actor_id: "sam",
        details: { number: "INV-7", stage: 1, kind: "first", sentOn: "2025-02-03", channel: "email" },
      },
    ]);
  });

  it("refuses a later stage while earlier ones are not recorded, and writes nothing", async () => {
    await overdueInvoice("law fr hosted yes");
    at("2025-03-22");
    expect(await say("/client reminded INV-7 4")).toBe(
      "The suspension notice comes after the first reminder, second reminder and final notice, and they are not recorded as sent: stages go in order, so nothing was recorded. Record them first with /client reminded INV-7. If they went out outside Tact, the owner can say so, with the date each was sent: /client reminded INV-7 4 earlier YYYY-MM-DD,YYYY-MM-DD,YYYY-MM-DD",
    );
    expect(await say("/client reminded INV-7 2")).toContain(
      "The second reminder comes after the first reminder, and it is not recorded as sent",
    );
    // A team member cannot vouch for what went out outside Tact; the attempt is audited.
    expect(await say("/client reminded INV-7 3 earlier 2025-02-03,2025-02-17", { user: "sam" })).toBe(
      "Only the workspace owner (owner) can confirm that reminders went out outside Tact. The request was not carried out.",
    );
    const wrong: [string, string][] = [
      [
        "2025-02-03",
        "Give one date for each earlier stage (2: the first reminder and second reminder), in order, separated by commas: /client reminded INV-7 3 earlier YYYY-MM-DD,YYYY-MM-DD. Nothing was recorded.",
      ],
      ["2025-02-03,2025-02-30", '"2025-02-30" is not a date I can use: write it as YYYY-MM-DD. Nothing was recorded.'],
      [
        "2025-02-03,2025-04-01",
        "1 Apr 2025 is in the future: give the day each reminder actually went out. Nothing was recorded.",
      ],
      [
        "2025-01-20,2025-02-17",
        "20 Jan 2025 is before INV-7 fell due (31 Jan 2025): a reminder goes out after the due date. Nothing was recorded.",
      ],
      [
        "2025-02-17,2025-02-03",
        "The dates go in the order of the stages, and 3 Feb 2025 comes before 17 Feb 2025. Nothing was recorded.",
      ],
    ];
    for (const [dates, answer] of wrong) {
      expect(await say(`/client reminded INV-7 3 earlier ${dates}`)).toBe(answer);
    }
    expect(await say("/client reminded INV-7 1 earlier 2025-02-03")).toBe(
      'Every stage before the first reminder is already recorded as sent: leave out "earlier". Nothing was recorded.',
    );
    expect(await sentRows()).toEqual([]);
    expect(await remindedAudits()).toEqual([]);
    const refused = await queryRows<{ actor_id: string }>(
      h.db.db,
      sql`select actor_id from audit_log where action = 'refused.owner-only'`,
    );
    expect(refused).toEqual([{ actor_id: "sam" }]);
  });

  it("records a later stage when the owner gives the day each earlier one went out outside Tact", async () => {
    await overdueInvoice("law fr hosted yes");
    at("2025-02-20");
    // Even confirmed, the final notice waits for its day and the gap after the second reminder.
    expect(await say("/client reminded INV-7 3 earlier 2025-02-03,2025-02-17")).toBe(
      "The final notice is not due before 4 Mar 2025.",
    );
    at("2025-03-22");
    expect(await say("/client reminded INV-7 3 earlier 2025-02-03,2025-02-17")).toBe(
      "Recorded: the final notice for INV-7 (ACME Corp) was sent. As you confirmed, the first reminder on 3 Feb 2025 and the second reminder on 17 Feb 2025 went out before it, outside Tact. Next: suspension notice on 6 Apr 2025.",
    );
    expect(await sentRows()).toEqual([
      { kind: "first", sent_on: "2025-02-03", recorded_by: "owner", confirmed_later: true },
      { kind: "second", sent_on: "2025-02-17", recorded_by: "owner", confirmed_later: true },
      { kind: "final", sent_on: "2025-03-22", recorded_by: "owner", confirmed_later: false },
    ]);
    expect((await remindedAudits())[0]?.details).toEqual({
      number: "INV-7",
      stage: 3,
      kind: "final",
      sentOn: "2025-03-22",
      confirmedEarlier: [
        { stage: 1, kind: "first", sentOn: "2025-02-03" },
        { stage: 2, kind: "second", sentOn: "2025-02-17" },
      ],
    });
    at("2025-04-06");
    expect(await say("/client remind INV-7")).toContain(
      "Despite our reminders of 3 February 2025 and 17 February 2025 and our final notice of 22 March 2025",
    );
    expect(await say("/client reminded INV-7 2")).toBe(
      "The second reminder for INV-7 is already recorded as sent, on 17 Feb 2025. Nothing was recorded.",
    );
  });

  it("explains the order of stages in French in a French workspace", async () => {
    await overdueInvoice("law fr hosted yes");
    await h.run("/client config lang fr");
    at("2025-03-22");
    const refusal = await h.say("/client reminded INV-7 3");
    expect(plain(refusal)).toBe(
      "L'étape « mise en demeure » vient après l'étape « première relance » et l'étape « deuxième relance », qui ne sont pas notées comme envoyées : les étapes se suivent dans l'ordre, donc rien n'a été enregistré. Notez d'abord ces étapes avec /client reminded INV-7. Si elles sont parties en dehors de Tact, le responsable peut le confirmer, avec la date de chaque envoi : /client reminded INV-7 3 earlier AAAA-MM-JJ,AAAA-MM-JJ",
    );
    expect(refusal).toContain("«\u00a0mise en demeure\u00a0»");
    expect(plain(await h.say("/client reminded INV-7 3 earlier 2025-02-03,2025-02-17"))).toBe(
      "C'est noté : étape « mise en demeure » envoyée pour INV-7 (ACME Corp). Comme vous l'avez confirmé, la première relance du 3 févr. 2025 et la deuxième relance du 17 févr. 2025 sont parties avant, en dehors de Tact. Ensuite : préavis de suspension le 6 avr. 2025.",
    );
    expect(plain(await h.say("/client reminded INV-7 3"))).toBe(
      "Étape « mise en demeure » de INV-7 : déjà notée comme envoyée, le 22 mars 2025. Rien n'a été enregistré.",
    );
  });

  it("refuses a forged button and a bad stage number", async () => {
    await overdueInvoice();
    at("2025-02-03");
    expect(await h.say("press reminded:999:1")).toContain("This button has expired");
    expect(await h.say("press reminded:1:1", { workspace: "other" })).toContain("This button has expired");
    expect(await h.say("/client reminded INV-7 9")).toContain(
      '"9" is not a stage of this client: give a number from 1 to 3, or nothing for the next stage.',
    );
    expect(await h.say("press remind:1")).toContain("Draft first reminder");
    expect(await sentRows()).toEqual([]);
  });

  it("works through the console: draft, mark as sent, and the next draft names its date", async () => {
    await overdueInvoice();
    const { adapter, output } = h.console();
    at("2025-02-03");
    await adapter.handleLine("@sam /client remind INV-7");
    await adapter.handleLine("@sam press reminded:1:1");
    // The console asks the day, then how, a line each.
    await adapter.handleLine("@sam 2025-02-03");
    await adapter.handleLine("@sam registered");
    at("2025-02-17");
    await adapter.handleLine("@sam /client remind INV-7");
    const text = output.join("\n");
    expect(text).toContain("How (email, post, registered): type it on the next line as @sam");
    expect(text).toContain(
      "Recorded: the first reminder for INV-7 (ACME Corp) was sent. Sent on 3 Feb 2025 by registered letter.",
    );
    expect(text).toContain("Despite our reminder of 3 February 2025, invoice INV-7");
  });
});

describe("when and how a reminder went (issue 14)", () => {
  it("records the day and channel given, in English, and refuses a future day, a day before the due date, or an unknown channel", async () => {
    await overdueInvoice();
    at("2025-02-10");
    const refused = [
      ["/client reminded INV-7 on 2025-02-11 via email", "11 Feb 2025 is in the future: give the day it was sent."],
      [
        "/client reminded INV-7 on 2025-01-01 via email",
        "It cannot have been sent on 1 Jan 2025: the invoice fell due on",
      ],
      ["/client reminded INV-7 on 2025-02-31", '"2025-02-31" is not a date'],
      ["/client reminded INV-7 via fax", '"fax" is not a way I know: say email, post or registered'],
    ];
    for (const [line, message] of refused) expect(await say(line ?? "")).toContain(message);
    expect(await sentRows()).toEqual([]);
    expect(await say("/client reminded INV-7 on 2025-02-04 via registered")).toBe(
      "Recorded: the first reminder for INV-7 (ACME Corp) was sent. Sent on 4 Feb 2025 by registered letter. Next: second reminder on 18 Feb 2025.",
    );
    expect(await sentRows()).toEqual([
      { kind: "first", sent_on: "2025-02-04", recorded_by: "owner", confirmed_later: false },
    ]);
  });

  it("in French, with French channel words", async () => {
    await overdueInvoice();
    await h.run("/client config lang fr");
    at("2025-02-10");
    expect(await say("/client reminded INV-7 via pigeon")).toContain(
      "« pigeon » n'est pas un moyen d'envoi que je connais",
    );
    expect(await say("/client reminded INV-7 on 2025-02-04 via recommandé")).toContain(
      "Envoyée le 4 févr. 2025 par lettre recommandée.",
    );
  });
});
