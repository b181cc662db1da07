import { beforeEach, describe, expect, it } from "vitest";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { rowCount } from "../support/db-counts.ts";
import { useHarness } from "../support/harness.ts";
import { paymentLedger } from "../support/payment-ledger.ts";

/**
 * Undo and unpay sent at the same moment. On PostgreSQL (TEST_DATABASE_URL) the requests run
 * truly at once, each on its own pooled connection; on PGlite, interleaved on one.
 */
const h = useHarness("2026-11-27T10:00:00Z");

const ledger = (number: string) => paymentLedger(h.db.db, number);

const auditCount = (action: string) => rowCount(h.db.db, "audit_log", `action = '${action}'`);

const count = (answers: readonly string[], text: string) => answers.filter((a) => a.includes(text)).length;
const pressId = (text: string) => /\[press (undo-do:\d+)\]/.exec(text)?.[1];

describe.each(["en", "fr"] as const)(
  `undo and unpay at the same moment (%s, ${h.db?.driver ?? "database"})`,
  (lang) => {
    const t = catalogFor(lang);
    const fmt = createFormatter(lang, "UTC");
    const eur = (minor: number) => fmt.money(minor, "EUR");

    beforeEach(async () => {
      if (lang === "fr") await h.run("/client config lang fr");
      await h.run("/client add acme ACME Corp");
      await h.run("/client invoice acme INV-1 1000 EUR issued 2026-11-01 due 2026-12-01");
    });

    it("the same Undo pressed five times at once: the payment is withdrawn once", async () => {
      await h.run("/client paid INV-1", { user: "sam" });
      const id = pressId(await h.say("/client undo", { user: "sam" }));
      const answers = await Promise.all(Array.from({ length: 5 }, () => h.say(`press ${id}`, { user: "sam" })));
      const what = t.undo.what.payment({
        amount: eur(100_000),
        number: "INV-1",
        client: "ACME Corp",
        date: fmt.date("2026-11-27"),
      });
      expect(count(answers, t.undo.done({ what }))).toBe(1);
      expect(count(answers, t.undo.alreadyUndone({ what }))).toBe(4);
      expect(await ledger("INV-1")).toEqual({ status: "open", active: 0, reversed: 1, paid: 0 });
      expect(await auditCount("action.undone")).toBe(1);
    });

    it("ten /client unpay of the same payment at once: reversed once, the others told", async () => {
      await h.run("/client paid INV-1 400");
      await h.run("/client paid INV-1 600");
      const answers = await Promise.all(Array.from({ length: 10 }, () => h.say("/client unpay INV-1 2")));
      expect(count(answers, t.invoices.stillUnpaid({ amount: eur(60_000) }))).toBe(1);
      // The first reversal leaves one line: the others find no second line, or that it changed.
      expect(count(answers, t.undo.unpay.noSuchLine({ number: "INV-1", value: "2", count: 1 }))).toBe(9);
      expect(await ledger("INV-1")).toEqual({ status: "open", active: 1, reversed: 1, paid: 40_000 });
      expect(await auditCount("payment.reversed")).toBe(1);
    });

    it("an unpay racing a payment: both apply, one after the other, and the totals add up", async () => {
      await h.run("/client paid INV-1 400");
      const answers = await Promise.all([
        h.say("/client unpay INV-1 1"),
        h.say("/client paid INV-1 600", { user: "sam" }),
      ]);
      const [unpaid, paid] = answers;
      // Whichever came first, €400 is reversed and €600 stands: €400 left to pay.
      expect(unpaid).toContain(
        t.undo.unpay.reversed({
          what: t.undo.what.payment({
            amount: eur(40_000),
            number: "INV-1",
            client: "ACME Corp",
            date: fmt.date("2026-11-27"),
          }),
          by: "owner",
        }),
      );
      expect(paid).toContain(eur(60_000));
      expect(await ledger("INV-1")).toEqual({ status: "open", active: 1, reversed: 1, paid: 60_000 });
      expect(await h.say("/client invoices")).toContain(eur(100_000));
    });

    it("an undo racing the owner's unpay of the same payment: reversed once, the other told", async () => {
      await h.run("/client paid INV-1", { user: "owner" });
      const id = pressId(await h.say("/client undo"));
      const answers = await Promise.all([h.say(`press ${id}`), h.say("/client unpay INV-1")]);
      const what = t.undo.what.payment({
        amount: eur(100_000),
        number: "INV-1",
        client: "ACME Corp",
        date: fmt.date("2026-11-27"),
      });
      const undone = answers[0]?.includes(t.undo.done({ what }));
      const unpaid = answers[1]?.includes(t.undo.unpay.reversed({ what, by: "owner" }));
      expect([undone, unpaid].filter(Boolean)).toHaveLength(1);
      if (undone) expect(answers[1]).toBe(t.undo.unpay.none({ number: "INV-1" }));
      else expect(answers[0]).toBe(t.undo.alreadyUndone({ what }));
      expect(await ledger("INV-1")).toEqual({ status: "open", active: 0, reversed: 1, paid: 0 });
    });
  },
);
