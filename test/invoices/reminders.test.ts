import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { effectsText, useHarness } from "../support/harness.ts";

const h = useHarness("2025-01-01T10:00:00Z");

/** French formatting uses narrow no-break spaces; compare as plain spaces. */
const say = async (line: string, as?: Parameters<typeof h.say>[1]) =>
  (await h.say(line, as)).replace(/[\u00a0\u202f]/g, " ");

async function overdueInvoice(terms = "law fr") {
  await h.run("/client add acme ACME Corp");
  await h.run(`/client terms acme ${terms}`);
  await h.run("/client invoice acme INV-7 2000.00 EUR issued 2025-01-01 due 2025-01-31");
}

describe("reminder drafts", () => {
  it("drafts nothing before the due date, then a polite first reminder without charges", async () => {
    await overdueInvoice();
    expect(await say("/client remind INV-7")).toContain("INV-7 isn't overdue yet (due 31 Jan 2025)");
    h.clock.set("2025-02-03T10:00:00Z");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("== Draft first reminder for INV-7 (ACME Corp), in English ==");
    expect(draft).toContain("Subject: Invoice INV-7: payment reminder");
    expect(draft).toContain(
      "invoice INV-7 of 1 January 2025 for €2,000.00, due on 31 January 2025, has not been paid yet",
    );
    expect(draft).not.toContain("interest");
    expect(draft).toContain("Tact never writes to the client");
    expect(draft).toContain("[press reminded:1:1] Mark as sent");
  });

  it("after a gap, drafts only the highest stage due, with interest, fee and legal basis", async () => {
    await overdueInvoice();
    h.clock.set("2025-03-02T10:00:00Z");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("Draft final notice for INV-7");
    expect(draft).toContain("is still unpaid 30 days after its due date. This is our final notice.");
    expect(draft).toContain("– interest: €21.62 (13.15% a year over 30 days; Code de commerce, art. L441-10)");
    expect(draft).toContain("– fixed recovery fee: €40.00 (Code de commerce, art. L441-10 and D441-5)");
    expect(draft).toContain("Total due: €2,061.62");
    expect(draft).toContain(
      "Without payment by 10 March 2025, we will have to take further steps to recover the debt.",
    );
  });

  it("writes to a French client in French, whatever the workspace's language", async () => {
    await overdueInvoice("law fr lang fr");
    h.clock.set("2025-02-20T10:00:00Z");
    const draft = await say("/client remind INV-7");
    expect(draft).toContain("Draft second reminder for INV-7 (ACME Corp), in French");
    expect(draft).toContain("Objet : Facture INV-7 : deuxième relance");
    expect(draft).toContain(
      "Malgré notre première relance, la facture INV-7 du 1 janvier 2025, d'un montant de 2 000,00 €, arrivée à échéance le 31 janvier 2025, accuse aujourd'hui 20 jours de retard.",
    );
    expect(draft).toContain(
      "– intérêts de retard : 14,41 € (13,15 % par an sur 20 jours ; Code de commerce, art. L441-10)",
    );
    expect(draft).toContain("– indemnité forfaitaire pour frais de recouvrement : 40,00 €");
    expect(draft).toContain("Total à régler : 2 054,41 €");
    expect(draft).toContain("Bien cordialement,");
  });

  it("gives a hosted client the suspension date, in advance", async () => {
    await overdueInvoice("law fr hosted yes");
    h.clock.set("2025-03-02T10:00:00Z");
    expect(await say("/client remind INV-7")).toContain(
      "Without payment by 10 March 2025, we will have to suspend the hosting of your website on 17 March 2025.",
    );
    h.clock.set("2025-03-20T10:00:00Z");
    const notice = await say("/client remind INV-7");
    expect(notice).toContain("Draft suspension notice for INV-7");
    expect(notice).toContain(
      "Without payment by 28 March 2025, the hosting of your website will be suspended on 29 March 2025. It will be restored as soon as the payment is received.",
    );
  });

  it("drafts a reminder of the charges when only the original amount was paid", async () => {
    await overdueInvoice();
    h.clock.set("2025-03-02T10:00:00Z");
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
  it("records the stage sent, once, and says what comes next", async () => {
    await overdueInvoice();
    h.clock.set("2025-02-03T10:00:00Z");
    const effects = await h.run("/client remind INV-7");
    const id = /\[press (reminded:\d+:\d+)\]/.exec(effectsText(effects))?.[1];
    expect(await h.say(`press ${id}`, { user: "sam" })).toContain(
      "Recorded: the first reminder for INV-7 (ACME Corp) was sent. Next: second reminder on 15 Feb 2025.",
    );
    expect(await h.say("/client reminded INV-7")).toContain("already recorded as sent");
    expect(await h.say("/client invoices")).toContain("next: second reminder on 15 Feb 2025");
    const [audit] = await queryRows<{ actor_id: string; details: Record<string, unknown> }>(
      h.db.db,
      sql`select actor_id, details from audit_log where action = 'invoice.reminded'`,
    );
    expect(audit).toEqual({ actor_id: "sam", details: { number: "INV-7", stage: 1, kind: "first" } });
  });

  it("refuses a stage not reached yet, and a forged button", async () => {
    await overdueInvoice();
    h.clock.set("2025-02-03T10:00:00Z");
    expect(await h.say("/client reminded INV-7 2")).toContain("The second reminder is not due before 15 Feb 2025.");
    expect(await h.say("press reminded:999:1")).toContain("This button has expired");
    expect(await h.say("press reminded:1:1", { workspace: "other" })).toContain("This button has expired");
    expect(await h.say("press remind:1")).toContain("Draft first reminder");
  });
});
