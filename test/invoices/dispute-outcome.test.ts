import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { buttonIds } from "../offboarding/offboarding-support.ts";
import { effectsText, useHarness } from "../support/harness.ts";
import { markdownRecord } from "../support/markdown-record.ts";

/**
 * Issue 13 §7: ending a dispute asks whether it was upheld. Not upheld, the interest of its
 * days is owed again (L441-10: penalties run from the due date); upheld, they stay paused.
 * Both are recorded in the invoice's history and the audit log, and shown on the card and in
 * the record.
 *
 * ACME under French law (ECB 2.15% + 10 = 12.15%), INV-7 €2,000 due 15 Jan 2026, disputed on
 * 4 Feb, resumed on 14 Feb: 10 days in dispute. To 14 Feb, 30 days late: €19.97 of interest
 * without the pause, €13.32 with it (20 days): the dispute's days are worth €6.65.
 */
const h = useHarness("2026-02-04T10:00:00Z");

/** Types lines into the console adapter as its owner; returns what it printed. */
async function type(...lines: string[]): Promise<string> {
  const { adapter, output } = h.console();
  for (const line of lines) await adapter.handleLine(line);
  return output.join("\n");
}

async function state(): Promise<{ disputed_since: string | null; pauses: string[] }> {
  const [row] = await queryRows<{ disputed_since: string | null; pauses: string[] }>(
    h.db.db,
    sql`select disputed_since::text as disputed_since, pauses from invoices where number = 'INV-7'`,
  );
  if (!row) throw new Error("no INV-7");
  return row;
}

async function history(): Promise<{ kind: string; interest: number; details: Record<string, unknown> }[]> {
  return queryRows(
    h.db.db,
    sql`select kind, interest_minor::int as interest, details from invoice_history order by id`,
  );
}

async function resumedAudits(): Promise<Record<string, unknown>[]> {
  const rows = await queryRows<{ details: Record<string, unknown> }>(
    h.db.db,
    sql`select details from audit_log where action = 'invoice.resumed' order by id`,
  );
  return rows.map((r) => r.details);
}

describe.each(["en", "fr"] as const)("ending a dispute (%s)", (lang) => {
  const t = catalogFor(lang);
  const fmt = createFormatter(lang, "UTC");
  const eur = (minor: number) => fmt.money(minor, "EUR");
  const reference = t.invoices.charges.references["fr-interest"];
  const outcome = { number: "INV-7", client: "ACME Corp", days: 10, interest: eur(665), fee: null, reference };
  const period = { number: "INV-7", from: fmt.date("2026-02-04"), to: fmt.date("2026-02-13"), days: 10 };

  beforeEach(async () => {
    h.clock.set("2026-02-04T10:00:00Z");
    await type(
      ...(lang === "fr" ? ["/client config lang fr"] : []),
      "/client add acme ACME Corp",
      "/client terms acme law fr",
      "/client invoice acme INV-7 2000 EUR issued 2026-01-01 due 2026-01-15",
      "/client dispute INV-7 says the second page was never delivered",
    );
    h.clock.set("2026-02-14T10:00:00Z");
  });

  it("asks whether the dispute was upheld, naming what each answer means, and changes nothing", async () => {
    const asked = await h.run("/client resume INV-7");
    const text = effectsText(asked);
    expect(text).toContain(
      t.invoices.resume.question({ number: "INV-7", client: "ACME Corp", since: fmt.date("2026-02-04"), days: 10 }),
    );
    expect(text).toContain(t.invoices.resume.ifNotUpheld(outcome));
    expect(text).toContain(t.invoices.resume.ifUpheld(outcome));
    expect(text).toContain(t.invoices.resume.typed({ number: "INV-7" }));
    if (lang === "en") {
      expect(text).toContain(
        "Not upheld: the interest for those 10 days is owed again, €6.65 (Code de commerce, art. L441-10: interest runs from the day after the due date).",
      );
    }
    expect(buttonIds(asked)).toEqual(["resume:1:2026-02-04:not-upheld", "resume:1:2026-02-04:upheld"]);
    expect(await state()).toEqual({ disputed_since: "2026-02-04", pauses: [] });
    expect(await history()).toEqual([]);
    expect(await resumedAudits()).toEqual([]);
  });

  it("not upheld (typed in the console): the interest of the dispute's days is owed again, recorded and shown", async () => {
    const answer = await type("/client resume INV-7 not-upheld");
    expect(answer).toContain(t.invoices.resume.notUpheld(outcome));
    expect(await state()).toEqual({ disputed_since: null, pauses: [] });
    expect(await history()).toEqual([
      {
        kind: "dispute-not-upheld",
        interest: 665,
        details: {
          from: "2026-02-04",
          until: "2026-02-14",
          days: 10,
          dispute: "says the second page was never delivered",
        },
      },
    ]);
    expect(await resumedAudits()).toEqual([
      expect.objectContaining({ outcome: "not-upheld", from: "2026-02-04", to: "2026-02-14", interestMinor: 665 }),
    ]);
    // Interest runs from the due date again: 30 days, €19.97, and the €40 fee.
    const card = await type("/client show acme");
    expect(card).toContain(t.invoices.list.charges({ amount: eur(5_997) }));
    expect(card).toContain(t.invoices.history.disputeNotUpheld({ ...period, interest: eur(665) }));
    if (lang === "en") {
      expect(card).toContain(
        "INV-7 · dispute from 4 Feb 2026 to 13 Feb 2026 not upheld: interest for those 10 days is owed again (€6.65)",
      );
    }
    const record = markdownRecord(await h.run("/client export acme"));
    expect(record).toContain(
      t.offboarding.record.entries.resumed({ invoice: "INV-7", outcome: "not-upheld", days: 10, interest: eur(665) }),
    );
  });

  it("upheld (a button): the dispute's days stay paused, recorded and shown", async () => {
    const asked = await type("/client resume INV-7");
    expect(asked).toContain("[press resume:1:2026-02-04:upheld]");
    const answer = await type("press resume:1:2026-02-04:upheld");
    expect(answer).toContain(t.invoices.resume.upheld(outcome));
    expect(await state()).toEqual({ disputed_since: null, pauses: ["2026-02-04/2026-02-14"] });
    expect((await history()).map((e) => [e.kind, e.interest])).toEqual([["dispute-upheld", 665]]);
    expect(await resumedAudits()).toEqual([expect.objectContaining({ outcome: "upheld", interestMinor: 665 })]);
    // 20 days charged: €13.32, and the €40 fee.
    const card = await type("/client show acme");
    expect(card).toContain(t.invoices.list.charges({ amount: eur(5_332) }));
    expect(card).toContain(t.invoices.history.disputeUpheld({ ...period, interest: eur(665) }));
    // The other button, pressed afterwards, changes nothing.
    expect(await type("press resume:1:2026-02-04:not-upheld")).toContain(
      t.invoices.errors.notDisputed({ number: "INV-7" }),
    );
    expect(await history()).toHaveLength(1);
    const record = markdownRecord(await h.run("/client export acme"));
    expect(record).toContain(
      t.offboarding.record.entries.resumed({ invoice: "INV-7", outcome: "upheld", days: 10, interest: eur(665) }),
    );
  });

  it("both answers pressed at once: exactly one outcome", async () => {
    await h.run("/client resume INV-7");
    const [notUpheld, upheld] = await Promise.all([
      h.say("press resume:1:2026-02-04:not-upheld"),
      h.say("press resume:1:2026-02-04:upheld", { user: "sam" }),
    ]);
    const kinds = (await history()).map((e) => e.kind);
    expect(kinds).toHaveLength(1);
    expect(await resumedAudits()).toHaveLength(1);
    const refused = t.invoices.errors.notDisputed({ number: "INV-7" });
    if (kinds[0] === "dispute-upheld") {
      expect(upheld).toContain(t.invoices.resume.upheld(outcome));
      expect(notUpheld).toContain(refused);
      expect((await state()).pauses).toEqual(["2026-02-04/2026-02-14"]);
    } else {
      expect(notUpheld).toContain(t.invoices.resume.notUpheld(outcome));
      expect(upheld).toContain(refused);
      expect((await state()).pauses).toEqual([]);
    }
  });

  it("refuses an outcome it does not know, and a button of an earlier dispute, writing nothing", async () => {
    expect(await h.say("/client resume INV-7 maybe")).toContain("upheld");
    expect(await h.say("press resume:1:2026-01-20:upheld")).toContain(
      t.invoices.errors.notDisputed({ number: "INV-7" }),
    );
    expect(await h.say("press resume:999:2026-02-04:upheld")).toContain(t.errors.unknownAction);
    expect(await state()).toEqual({ disputed_since: "2026-02-04", pauses: [] });
    expect(await history()).toEqual([]);
  });
});
