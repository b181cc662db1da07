import { describe, expect, it } from "vitest";
import { makeWorkspace, recordingOutbox, type Sent, tick } from "../scheduler/scheduler-support.ts";
import { useHarness } from "../support/harness.ts";

// Monday 29 November 2027, 09:00 in Paris.
const h = useHarness("2027-11-29T08:00:00Z");
const DAY = 86_400_000;

async function agency(lang: "en" | "fr" = "en") {
  await makeWorkspace(h, "console", { timezone: "Europe/Paris", locale: lang });
  for (const line of [
    "/client add acme ACME Corp",
    "/client add globex Globex",
    "/client add initech Initech",
    "/client terms acme law fr",
    // 16 days late, first reminder sent on 15 November: the second is due today.
    "/client invoice acme INV-1 1200.00 EUR due 2027-11-13 issued 2027-10-14",
    // 59 days late, first reminder sent on 20 November: the second waits until 4 December.
    "/client invoice acme INV-2 300 EUR due 2027-10-01 issued 2027-09-01",
    // Due on Thursday.
    "/client invoice globex INV-3 500 USD due 2027-12-02 issued 2027-11-02",
    // 120 days late.
    "/client invoice initech INV-4 800 EUR due 2027-08-01 issued 2027-07-01",
  ]) {
    await h.run(line);
  }
  for (const [day, number] of [
    ["2027-11-15", "INV-1"],
    ["2027-11-20", "INV-2"],
  ] as const) {
    h.clock.set(`${day}T10:00:00Z`);
    await h.run(`/client reminded ${number}`, { user: "sam" });
  }
  h.clock.set("2027-11-29T08:00:00Z");
}

function digestOf(sent: Sent[]): string {
  return sent.find((s) => s.text.includes("Daily digest") || s.text.includes("Le point du jour"))?.text ?? "";
}

const alertsOf = (sent: Sent[]) => sent.filter((s) => /^== (Overdue:|Retard[ \u00a0]:)/.test(s.text));

describe("the digest's content", () => {
  it("shows overdue invoices by client with stage and next step, invoices due this week, and aging", async () => {
    await agency();
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    const digest = digestOf(sent);
    expect(digest).toContain("== Daily digest · 29 Nov 2027 ==");
    expect(digest).toContain("ACME Corp: 2 overdue invoices, €1,500.00");
    expect(digest).toContain("INV-1 · €1,200.00 · 16 days late · charges so far €40.00");
    expect(digest).toContain("last sent: first reminder on 15 Nov 2027 · second reminder due now");
    expect(digest).toContain("INV-2 · €300.00 · 59 days late");
    expect(digest).toContain("last sent: first reminder on 20 Nov 2027 · next: second reminder on 4 Dec 2027");
    expect(digest).toContain("INV-4 · €800.00 · 120 days late\nno reminder sent yet · first reminder due now");
    expect(digest).not.toContain("[press remind:2]");
    expect(digest).toContain("Initech: 1 overdue invoice, €800.00");
    expect(digest).toContain("[press digest-paid:1] Mark paid");
    expect(digest).toContain("[press remind:1] Draft reminder");
    expect(digest).toContain("[press digest-snooze:1] Snooze 3 days");
    expect(digest).toContain("Due in the next 7 days\nINV-3 · Globex · $500.00 · due 2 Dec 2027");
    expect(digest).toContain("Aging of overdue amounts, in days late (EUR)");
    expect(digest).toContain("1–30   ██████████  €1,200.00 (1)");
    expect(digest).toContain("31–60  ███░░░░░░░  €300.00 (1)");
    expect(digest).toContain("61–90  ░░░░░░░░░░  €0.00 (0)");
    expect(digest).toContain("90+    ███████░░░  €800.00 (1)");
    // The longest overdue client comes first.
    expect(digest.indexOf("Initech:")).toBeLessThan(digest.indexOf("ACME Corp:"));
  });

  it("posts one overdue alert per invoice and stage due, with the draft a button away", async () => {
    await agency();
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    const alerts = alertsOf(sent);
    // INV-2's second reminder waits for the gap after its first: no alert for it today.
    expect(alerts.map((a) => a.text.split("\n")[0])).toEqual([
      "== Overdue: INV-4 (Initech) ==",
      "== Overdue: INV-1 (ACME Corp) ==",
    ]);
    expect(alerts[0]?.text).toContain("INV-4 for Initech is 120 days late. Step due: first reminder.");
    const inv1 = alerts[1]?.text ?? "";
    expect(inv1).toContain(
      "INV-1 for ACME Corp is 16 days late. Step due: second reminder. Outstanding €1,200.00, plus €40.00 in charges so far.",
    );
    expect(inv1).toContain("[press remind:1] Draft reminder");
    expect(await h.say("press remind:1", { user: "sam" })).toContain("Draft second reminder for INV-1 (ACME Corp)");

    // The next days: the same stages are not alerted again.
    for (let day = 1; day <= 3; day++) {
      h.clock.advance(DAY);
      await tick(h, outbox);
    }
    expect(alertsOf(sent)).toHaveLength(2);
  });

  it("after a gap, alerts the stages in order, never one that skips a reminder not sent", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 100 EUR due 2027-11-27 issued 2027-10-27");
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    expect(alertsOf(sent).map((a) => a.text)).toEqual([expect.stringContaining("Step due: first reminder")]);
    // Five weeks on, the second reminder's and the final notice's days have passed, but no
    // reminder was recorded as sent: the first reminder is still the step, already alerted.
    h.clock.advance(35 * DAY);
    await tick(h, outbox);
    expect(alertsOf(sent)).toHaveLength(1);
    expect(digestOf(sent.slice(-1))).toContain(
      "INV-9 · €100.00 · 37 days late\nno reminder sent yet · first reminder due now",
    );
    // Sent today (3 January): the second reminder comes 14 days later (its day 15 − day 1).
    expect(await h.say("/client reminded INV-9")).toContain("Next: second reminder on 17 Jan 2028.");
    h.clock.advance(13 * DAY);
    await tick(h, outbox);
    expect(alertsOf(sent)).toHaveLength(1);
    h.clock.advance(DAY);
    await tick(h, outbox);
    expect(alertsOf(sent).map((a) => a.text)).toEqual([
      expect.stringContaining("Step due: first reminder"),
      expect.stringContaining("INV-9 for ACME Corp is 51 days late. Step due: second reminder."),
    ]);
  });

  it("does not alert a stage a person already recorded as sent", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 100 EUR due 2027-11-27 issued 2027-10-27");
    await h.run("/client reminded INV-9");
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    expect(alertsOf(sent)).toHaveLength(0);
    expect(digestOf(sent)).toContain("INV-9");
  });

  it("snoozes an invoice for three days: no line in the digest and no alert until then", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 100 EUR due 2027-11-27 issued 2027-10-27");
    h.clock.set("2027-11-29T07:00:00Z");
    expect(await h.say("press digest-snooze:1", { user: "sam" })).toBe(
      "INV-9 is snoozed until 1 Dec 2027: no alert and no line in the digest until then.",
    );
    const { outbox, sent } = recordingOutbox();
    h.clock.set("2027-11-29T08:00:00Z");
    await tick(h, outbox);
    expect(alertsOf(sent)).toHaveLength(0);
    expect(digestOf(sent)).not.toContain("INV-9 ·");
    h.clock.set("2027-12-02T08:00:00Z");
    await tick(h, outbox);
    expect(alertsOf(sent)).toHaveLength(1);
  });

  it("marks an invoice paid from the digest's button", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 100 EUR due 2027-11-27 issued 2027-10-27");
    expect(await h.say("press digest-paid:1", { user: "sam" })).toContain(
      "Record INV-9 (ACME Corp) as paid in full: €100.00, paid 29 Nov 2027?",
    );
    expect(await h.say("press digest-paid-ok:1:10000", { user: "sam" })).toContain("INV-9");
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    expect(digestOf(sent) || sent[0]?.text).not.toContain("INV-9 ·");
    expect(await h.say("press digest-paid:1", { user: "sam" })).toBe(
      "This invoice is no longer open, so there is nothing to do.",
    );
    expect(await h.say("press digest-snooze:999", { user: "sam" })).toBe(
      "This invoice is no longer open, so there is nothing to do.",
    );
  });

  it("names the clients whose risk rose since the previous digest", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    expect(digestOf(sent)).not.toContain("risk rose");
    h.clock.advance(2 * 3_600_000);
    await h.run("/client conduct acme shouted at the designer", { user: "kim" });
    await h.run("/client conduct acme insulted the team", { user: "kim" });
    h.clock.set("2027-11-30T08:00:00Z");
    await tick(h, outbox);
    const digest = sent[1]?.text ?? "";
    expect(digest).toContain("Clients whose risk rose\nACME Corp: ok → at risk");
    expect(digest).not.toContain("Globex: ok");
  });

  it("speaks French in a French workspace", async () => {
    await agency("fr");
    await h.run("/client late acme", { user: "sam" });
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    // French money and dates use non-breaking spaces; compare with plain ones.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
    const digest = plain(digestOf(sent));
    expect(digest).toContain("== Le point du jour · 29 nov. 2027 ==");
    expect(digest).toContain("Factures en retard");
    expect(digest).toContain("ACME Corp : 2 factures en retard, 1 500,00 €");
    expect(digest).toContain("INV-1 · 1 200,00 € · 16 jours de retard · pénalités à ce jour 40,00 €");
    expect(digest).toContain("dernier envoi : première relance le 15 nov. 2027 · à envoyer : deuxième relance");
    expect(digest).toContain(
      "dernier envoi : première relance le 20 nov. 2027 · ensuite : deuxième relance le 4 déc. 2027",
    );
    expect(digest).toContain("aucune relance envoyée · à envoyer : première relance");
    expect(digest).toContain("[press digest-paid:1] Marquer payée");
    expect(digest).toContain("[press remind:1] Préparer la relance");
    expect(digest).toContain("[press digest-snooze:1] Mettre en veille 3 jours");
    expect(digest).toContain("À échéance dans les 7 jours\nINV-3 · Globex · 500,00 $US · échéance le 2 déc. 2027");
    expect(digest).toContain("Nouveaux incidents depuis le");
    expect(digest).toContain("ACME Corp : retard de paiement (1)");
    expect(digest).toContain("Ancienneté des impayés, en jours de retard (EUR)");
    const alert = plain(alertsOf(sent).find((a) => a.text.includes("INV-1"))?.text ?? "");
    expect(alert).toContain(
      "INV-1 d'ACME Corp a 16 jours de retard. Étape à engager : deuxième relance. Reste dû : 1 200,00 €, plus 40,00 € de pénalités à ce jour.",
    );
  });

  it("says so in one short line on a quiet day, or posts nothing if the workspace chose silence", async () => {
    await makeWorkspace(h, "console", { timezone: "Europe/Paris" });
    const { outbox, sent } = recordingOutbox();
    await tick(h, outbox);
    expect(sent.map((s) => s.text)).toEqual([
      "Nothing to report today: no overdue invoice, nothing due this week, no new incident.",
    ]);
    expect(await h.say("/client config quiet silent")).toBe(
      "On a day with nothing to report, the digest posts nothing.",
    );
    h.clock.advance(DAY);
    await tick(h, outbox);
    expect(sent).toHaveLength(1);
  });
});
