import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { labelValue } from "../../src/messages/label-value.ts";
import { undoKindFor } from "../../src/undo/undo-kinds.ts";
import { label } from "../../src/undo/undo-last.ts";
import { useHarness } from "../support/harness.ts";
import { paymentLedger } from "../support/payment-ledger.ts";

const h = useHarness("2026-11-27T10:00:00Z");

/** One console session: lines typed as the console user would, what it printed since the last call. */
function session() {
  const { adapter, output } = h.console();
  let seen = 0;
  return async (...lines: string[]): Promise<string> => {
    for (const line of lines) await adapter.handleLine(line);
    const printed = output.slice(seen).join("\n");
    seen = output.length;
    return printed;
  };
}

const ledger = (number: string) => paymentLedger(h.db.db, number);

async function audits(action: string): Promise<Record<string, unknown>[]> {
  const rows = await queryRows<{ details: Record<string, unknown> }>(
    h.db.db,
    sql`select details from audit_log where action = ${action} order by id`,
  );
  return rows.map((r) => r.details);
}

/** The amount (in minor units) printed right after `label`, in either language's format. */
function amountAfter(text: string, label: string): number {
  const at = text.indexOf(label);
  const amount = at < 0 ? undefined : /^\s*([€£$]?[\d\u00a0\u202f ,.]+)/.exec(text.slice(at + label.length))?.[1];
  return amount === undefined ? Number.NaN : Number(amount.replace(/[^\d]/g, ""));
}

const pressId = (text: string, action: string) => new RegExp(`\\[press (${action}:[\\d:]+)\\]`).exec(text)?.[1];

describe.each(["en", "fr"] as const)("undo and unpay (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = createFormatter(lang, "UTC");
  const eur = (minor: number) => fmt.money(minor, "EUR");
  const at = fmt.dateTime(new Date("2026-11-27T10:00:00Z"));

  beforeEach(async () => {
    if (lang === "fr") await h.run("/client config lang fr");
    await h.run("/client add acme ACME Corp");
    await h.run("/client invoice acme INV-9 2000 EUR issued 2026-10-01 due 2026-10-15");
  });

  it("asks before taking back a payment, withdraws it on yes, and the invoice can then be voided", async () => {
    const type = session();
    await type("/client paid INV-9");
    const payment = t.undo.what.payment({
      amount: eur(200_000),
      number: "INV-9",
      client: "ACME Corp",
      date: fmt.date("2026-11-27"),
    });
    const asked = await type("/client undo");
    expect(asked).toContain(t.undo.confirm({ what: payment, time: at }));
    expect(asked).toContain(t.console.confirmPrompt({ user: "owner" }));
    // Asking changed nothing.
    expect(await ledger("INV-9")).toMatchObject({ status: "paid", active: 1 });
    const done = await type(lang === "fr" ? "oui" : "yes");
    expect(done).toContain(t.undo.done({ what: payment }));
    expect(done).toContain(t.invoices.stillUnpaid({ amount: eur(200_000) }));
    expect(await ledger("INV-9")).toEqual({ status: "open", active: 0, reversed: 1, paid: 0 });
    expect(await audits("action.undone")).toEqual([
      expect.objectContaining({ action: "invoice.paid", subjectType: "invoice", subjectId: "1" }),
    ]);
    expect(await type("/client void INV-9")).not.toContain(t.invoices.errors.voidWithPayments({ number: "INV-9" }));
    expect(await ledger("INV-9")).toMatchObject({ status: "void" });
  });

  it("withdraws the last action only: never an earlier one, even asked twice", async () => {
    const type = session();
    await type("/client scope acme added a blog section", "/client paid INV-9 500");
    const payment = t.undo.what.payment({
      amount: eur(50_000),
      number: "INV-9",
      client: "ACME Corp",
      date: fmt.date("2026-11-27"),
    });
    const asked = await type("/client undo");
    expect(asked).toContain(t.undo.confirm({ what: payment, time: at }));
    expect(asked).not.toContain(t.incidents.kinds.scope);
    await type("yes");
    const again = await type("/client undo");
    expect(again).toBe(t.undo.lastWasUndo({ what: payment, time: at }));
    // The incident logged before the payment is still on the card.
    expect(await type("/client show acme")).toContain(labelValue(t.incidents.kinds.scope, "1 / 1", lang));
    expect(await ledger("INV-9")).toMatchObject({ active: 0, reversed: 1 });
  });

  it("keeps the action on no, and on a line that is not an answer", async () => {
    const type = session();
    await type("/client paid INV-9");
    await type("/client undo");
    const payment = t.undo.what.payment({
      amount: eur(200_000),
      number: "INV-9",
      client: "ACME Corp",
      date: fmt.date("2026-11-27"),
    });
    expect(await type("no")).toContain(t.undo.kept({ what: payment }));
    await type("/client undo");
    await type("/client invoices");
    expect(await type("yes")).toContain(t.console.notACommand);
    expect(await ledger("INV-9")).toMatchObject({ status: "paid", active: 1 });
  });

  it("withdraws an invoice entered by mistake, so it can be entered again", async () => {
    const type = session();
    const invoice = t.undo.what.invoice({
      number: "INV-9",
      client: "ACME Corp",
      amount: eur(200_000),
      due: fmt.date("2026-10-15"),
    });
    expect(await type("/client undo")).toContain(t.undo.confirm({ what: invoice, time: at }));
    expect(await type("yes")).toContain(t.undo.done({ what: invoice }));
    expect(await ledger("INV-9")).toBeUndefined();
    expect(await type("/client invoice acme INV-9 1800 EUR issued 2026-10-01 due 2026-10-15")).toContain("INV-9");
    expect(await ledger("INV-9")).toMatchObject({ status: "open" });
  });

  it("does not withdraw an invoice once a payment was recorded on it", async () => {
    const sam = session();
    await sam("@sam /client invoice acme INV-10 100 EUR due 2026-12-31");
    await h.run("/client paid INV-10");
    const asked = await sam("@sam /client undo");
    expect(asked).toContain("INV-10");
    expect(await sam("@sam yes")).toContain(t.undo.blocked.invoiceUsed({ number: "INV-10" }));
    expect(await ledger("INV-10")).toMatchObject({ status: "paid", active: 1 });
    expect(await audits("action.undone")).toEqual([]);
  });

  it("sets a setting back, unless it was changed again since", async () => {
    const type = session();
    await type("/client config channel #billing");
    const asked = await type("/client undo");
    expect(asked).toContain(
      t.undo.what.setting({ setting: t.config.labels.channel, from: "#general", to: "#billing" }),
    );
    const first = pressId(asked, "undo-do");
    await type("no");
    await type("/client config channel #finance");
    expect(await type(`press ${first}`)).toContain(t.undo.blocked.settingChanged({ setting: t.config.labels.channel }));
    expect(await type("/client config")).toContain("#finance");
    await type("/client undo", "yes");
    expect(await type("/client config")).toContain("#billing");
  });

  it("says whose action an Undo button is, and leaves it alone", async () => {
    const sam = session();
    await sam("@sam /client paid INV-9");
    const id = pressId(await sam("@sam /client undo"), "undo-do");
    const payment = t.undo.what.payment({
      amount: eur(200_000),
      number: "INV-9",
      client: "ACME Corp",
      date: fmt.date("2026-11-27"),
    });
    const answer = await h.say(`press ${id}`, { user: "alex" });
    expect(answer).toBe(t.undo.theirs({ what: payment, who: "sam" }));
    expect(await ledger("INV-9")).toMatchObject({ status: "paid", active: 1 });
    expect(await h.say(`press ${id}`, { user: "sam" })).toContain(t.undo.done({ what: payment }));
  });

  it("after 10 minutes, says it is too late and how the owner can still reverse a payment", async () => {
    await h.run("/client paid INV-9", { user: "sam" });
    const id = pressId(await h.say("/client undo", { user: "sam" }), "undo-do");
    h.clock.advance(11 * 60_000);
    const late = await h.say(`press ${id}`, { user: "sam" });
    expect(late).toContain(t.undo.tooOldPayment({ number: "INV-9" }));
    expect(await h.say("/client undo", { user: "sam" })).toBe(t.undo.nothing);
    expect(await ledger("INV-9")).toMatchObject({ status: "paid", active: 1 });
  });

  it("says when the last action is not one it can take back, and goes no further", async () => {
    await h.run("/client scope acme added a page", { user: "sam" });
    await h.run("/client dispute INV-9 wrong amount", { user: "sam" });
    const answer = await h.say("/client undo", { user: "sam" });
    expect(answer).toBe(t.undo.notUndoable({ what: t.undo.labels["invoice.disputed"] ?? "", time: at }));
    expect(await h.say("/client show acme")).toContain(labelValue(t.incidents.kinds.scope, "1 / 1", lang));
  });

  it("/client unpay: the owner reverses a payment at any time, charges and the card recompute", async () => {
    // Dates whose reference rates ship with Tact, so interest is computed in full.
    h.clock.set("2025-03-03T10:00:00Z");
    await h.run("/client terms acme law fr");
    await h.run("/client invoice acme INV-20 2000 EUR issued 2025-01-01 due 2025-01-31");
    await h.run("/client paid INV-20 on 2025-03-02", { user: "sam" });
    h.clock.set("2025-04-01T10:00:00Z");
    const before = await h.say("/client show acme");
    expect(before).toContain(t.invoices.list.paidLate);
    const reversed = await h.say("/client unpay INV-20");
    expect(reversed).toContain(
      t.undo.unpay.reversed({
        what: t.undo.what.payment({
          amount: eur(200_000),
          number: "INV-20",
          client: "ACME Corp",
          date: fmt.date("2025-03-02"),
        }),
        by: "sam",
      }),
    );
    expect(reversed).toContain(t.invoices.stillUnpaid({ amount: eur(200_000) }));
    const after = await h.say("/client show acme");
    expect(after).not.toContain(t.invoices.list.paidLate);
    expect(after).toContain(t.invoices.list.overdue({ days: 60 }));
    // Interest runs again, to today: more than was owed while the payment stood.
    const owedBefore = amountAfter(before, t.invoices.list.chargesOwed({ amount: "" }));
    expect(owedBefore).toBe(6_162);
    expect(amountAfter(after, t.invoices.list.charges({ amount: "" }))).toBeGreaterThan(owedBefore);
    expect(await ledger("INV-20")).toEqual({ status: "open", active: 0, reversed: 1, paid: 0 });
    expect(await audits("payment.reversed")).toEqual([
      expect.objectContaining({
        number: "INV-20",
        kind: "payment",
        amountMinor: 200_000,
        recordedBy: "sam",
        status: "open",
      }),
    ]);
    expect(await h.say("/client unpay INV-20")).toBe(t.undo.unpay.none({ number: "INV-20" }));
  });

  it("/client unpay lists several payments, reverses the one named, and is the owner's alone", async () => {
    await h.run("/client paid INV-9 500");
    await h.run("/client credit INV-9 300");
    const list = await h.say("/client unpay INV-9");
    expect(list).toContain(t.undo.unpay.choose({ number: "INV-9" }));
    expect(list).toContain("[press unpay:1:1]");
    expect(list).toContain("[press unpay:1:2]");
    expect(await h.say("/client unpay INV-9 7")).toBe(
      t.undo.unpay.noSuchLine({ number: "INV-9", value: "7", count: 2 }),
    );
    const refused = await h.say("/client unpay INV-9 2", { user: "sam" });
    expect(refused).toContain(t.errors.ownerOnly({ action: t.undo.unpay.action, owner: "owner" }));
    expect(await h.say("press unpay:1:2", { user: "sam" })).toContain(
      t.errors.ownerOnly({ action: t.undo.unpay.action, owner: "owner" }),
    );
    expect(await ledger("INV-9")).toMatchObject({ active: 2 });
    expect(await h.say("press unpay:1:2")).toContain(t.invoices.stillUnpaid({ amount: eur(150_000) }));
    expect(await h.say("/client unpay INV-9 1")).toContain(t.invoices.stillUnpaid({ amount: eur(200_000) }));
    expect(await ledger("INV-9")).toEqual({ status: "open", active: 0, reversed: 2, paid: 0 });
  });

  it("Mark paid asks first, naming the invoice and the amount; Cancel records nothing", async () => {
    await h.run("/client paid INV-9 500");
    const type = session();
    const asked = await type("@sam press digest-paid:1");
    expect(asked).toContain(
      t.undo.markPaid.confirm({
        number: "INV-9",
        client: "ACME Corp",
        amount: eur(150_000),
        date: fmt.date("2026-11-27"),
      }),
    );
    expect(await ledger("INV-9")).toMatchObject({ status: "open", active: 1 });
    expect(await type(lang === "fr" ? "@sam non" : "@sam no")).toContain(
      t.undo.markPaid.cancelled({ number: "INV-9" }),
    );
    expect(await ledger("INV-9")).toMatchObject({ status: "open", active: 1 });
    await type("@sam press digest-paid:1");
    // Someone records a payment before the confirmation: the amount seen is no longer right.
    await h.run("/client paid INV-9 100");
    expect(await type("@sam yes")).toContain(t.undo.markPaid.changed({ number: "INV-9", amount: eur(140_000) }));
    await type("@sam press digest-paid:1");
    expect(await type("@sam yes")).toContain(t.invoices.paidInFullLate({ days: 43 }));
    expect(await ledger("INV-9")).toMatchObject({ status: "paid", active: 3, paid: 200_000 });
  });
});

describe("/client undo after an action it cannot take back", () => {
  it("names that action in words, in English and French, whatever it was", async () => {
    // Every action the audit log records from the code: undo takes it back, or says what it was.
    const sources = ["src", "connectors"]
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)))
      .filter((f) => f.endsWith(".ts"))
      .map(
        (f) =>
          readFileSync(f, "utf8")
            .match(/action: "[a-z.-]*"/g)
            ?.join(" ") ?? "",
      )
      .join(" ");
    const actions = [...new Set(sources.match(/"[a-z.-]+"/g)?.map((a) => a.slice(1, -1)))].filter(
      (a) => !a.startsWith("refused.") && !a.startsWith("offboarding.") && a !== "log-message",
    );
    expect(actions).toContain("invoice.reminder-drafted");
    for (const lang of ["en", "fr"] as const) {
      const t = catalogFor(lang);
      const unnamed = actions.filter((a) => !undoKindFor(a) && label(t, a) === t.undo.labels.other);
      expect(unnamed, lang).toEqual([]);
    }
  });

  it("says a reminder was drafted, not an action, when that was the last thing done", async () => {
    const say = session();
    await say(
      "/client add acme ACME Corp",
      "/client invoice acme INV-1 1200 EUR due 2026-10-01",
      "/client remind INV-1",
    );
    expect(await say("/client undo")).toContain("Your last action, drafting a reminder (");
  });
});
