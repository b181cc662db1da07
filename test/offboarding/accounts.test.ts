import { describe, expect, it } from "vitest";
import { openInvoices } from "../../db/queries/open-invoices.ts";
import { useHarness } from "../support/harness.ts";
import {
  addInvoice,
  addPayment,
  audits,
  buttonIds,
  clientStatus,
  invoiceState,
  setClient,
  submit,
  text,
  writeOff,
} from "./offboarding-support.ts";

const h = useHarness();

/** ACME under French law with two unpaid invoices; the wizard walked to step 5. */
async function atStepFive(): Promise<string> {
  // A day whose half-year has its ECB reference rate in the shipped data.
  h.clock.set("2026-03-15T10:00:00Z");
  await h.run("/client add acme ACME Corp");
  // Under French law: interest at the ECB rate + 10 points and the €40 recovery fee.
  await setClient(h.db.db, "acme", { terms: { law: "fr" } });
  const seven = await addInvoice(h.db.db, "acme", {
    number: "INV-7",
    amountMinor: 200_000,
    issuedOn: "2026-01-01",
    dueOn: "2026-01-15",
  });
  await addPayment(h.db.db, seven, { amountMinor: 50_000, paidOn: "2026-02-01" });
  await addInvoice(h.db.db, "acme", {
    number: "INV-9",
    amountMinor: 30_000,
    issuedOn: "2026-03-01",
    dueOn: "2026-03-31",
  });
  const three = await addInvoice(h.db.db, "acme", {
    number: "INV-3",
    amountMinor: 10_000,
    issuedOn: "2025-12-01",
    dueOn: "2026-01-01",
    status: "paid",
  });
  await addPayment(h.db.db, three, { amountMinor: 10_000, paidOn: "2025-12-20" });
  await h.run("/client offboard acme");
  await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
  await h.run("press wizard:1:2:done");
  await h.run("press wizard:1:3:done");
  return text(await h.run("press wizard:1:4:done"));
}

describe("settling accounts (step 5)", () => {
  it("shows what is owed per invoice with interest, fees and how they were computed", async () => {
    const step5 = await atStepFive();
    expect(step5).toContain("Step 5 of 8: Settle accounts");
    // €2,000 due 15 Jan, €500 paid 1 Feb: 12.15% a year (ECB 2.15% + 10), 17 days on €2,000 then
    // 42 days on €1,500 (€11.32 + €20.97), plus the €40 recovery fee.
    expect(step5).toContain("INV-7: €1,500.00 unpaid, due 15 Jan 2026 (59 days late); charges €72.29");
    expect(step5).toContain("INV-9: €300.00 unpaid, due 31 Mar 2026");
    expect(step5).not.toContain("INV-3");
    expect(step5).toContain("INV-7, how the charges were computed:");
    expect(step5).toContain("   interest €11.32 = €2,000.00 × 12.15% × 17 days / 365 (16 Jan 2026 – 1 Feb 2026;");
    expect(step5).toContain("   interest €20.97 = €1,500.00 × 12.15% × 42 days / 365 (2 Feb 2026 – 15 Mar 2026;");
    expect(step5).toContain("Total owed: €1,872.29");
  });

  it("writes off knowingly: no more reminders for those invoices, recorded and audited", async () => {
    await atStepFive();
    const { effects } = await writeOff(h);
    expect(text(effects)).toContain("Written off: €1,872.29 on 2 invoices. No more reminders for them.");
    expect(await invoiceState(h.db.db, "INV-7")).toEqual({ status: "void", chargesStatus: "waived" });
    expect(await invoiceState(h.db.db, "INV-9")).toEqual({ status: "void", chargesStatus: "waived" });
    expect(await invoiceState(h.db.db, "INV-3")).toMatchObject({ status: "paid" });
    const written = await audits(h.db.db, "invoice.written-off");
    expect(written.map((a) => a.details.number)).toEqual(["INV-7", "INV-9"]);
    expect(written[0]?.details).toMatchObject({ principalMinor: 150_000, currency: "EUR" });
    const open = (await openInvoices(h.db.db, [1])).map((r) => r.invoice.number);
    expect(open).not.toContain("INV-7");
    expect(open).not.toContain("INV-9");
    expect(buttonIds(effects)).toContain("wizard:1:6:record");
  });

  it("keeps chasing: reminders for unpaid invoices continue after the client is let go", async () => {
    await atStepFive();
    expect(text(await h.run("press wizard:1:5:chase"))).toContain("Kept: reminders for the unpaid invoices continue.");
    await h.run("press wizard:1:6:record");
    await h.run("press wizard:1:7:nopost");
    const end = text(await submit(h, "wizard-form:1:8:skip", { reason: "Nothing to add." }));
    expect(end).toContain("ACME Corp is now a former client.");
    expect(await clientStatus(h.db.db, "acme")).toBe("offboarded");
    const open = await openInvoices(h.db.db, [1]);
    expect(open.map((r) => r.invoice.number)).toEqual(expect.arrayContaining(["INV-7", "INV-9"]));
  });

  it("has nothing to settle when every invoice is paid", async () => {
    await h.run("/client add acme ACME Corp");
    const three = await addInvoice(h.db.db, "acme", {
      number: "INV-3",
      amountMinor: 10_000,
      issuedOn: "2026-05-01",
      dueOn: "2026-06-01",
      status: "paid",
    });
    await addPayment(h.db.db, three, { amountMinor: 10_000, paidOn: "2026-05-20" });
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    for (const step of [2, 3]) await h.run(`press wizard:1:${step}:done`);
    const step5 = await h.run("press wizard:1:4:done");
    expect(text(step5)).toContain("Nothing is owed: every invoice is paid.");
    expect(buttonIds(step5)).toContain("wizard:1:5:done");
    expect(buttonIds(step5)).not.toContain("wizard:1:5:writeoff");
    expect(text(await h.run("press wizard:1:5:done"))).toContain("Step 6 of 8");
  });
});
