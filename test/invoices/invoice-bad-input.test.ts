import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { tableCounts } from "../support/db-counts.ts";
import { effectsText, useHarness } from "../support/harness.ts";

const h = useHarness("2026-01-20T10:00:00Z");

async function setUp() {
  await h.run("/client add acme ACME Corp");
  await h.run("/client invoice acme INV-7 1200.00 EUR issued 2026-01-01 due 2026-01-15");
  await h.run("/client invoice acme INV-8 500 EUR issued 2026-01-01 due 2026-01-31");
  await h.run("/client void INV-8");
}

async function snapshot() {
  const [terms] = await queryRows<{ c: unknown; w: unknown }>(
    h.db.db,
    sql`select (select json_agg(terms) from clients) as c, (select json_agg(default_terms) from workspaces) as w`,
  );
  const [invoice] = await queryRows<Record<string, unknown>>(
    h.db.db,
    sql`select * from invoices where number = 'INV-7'`,
  );
  return { counts: await tableCounts(h.db.db), terms, invoice };
}

describe("bad invoice input gets a clear message and writes nothing", () => {
  it.each([
    ["/client invoice acme INV-9 -5 EUR", "can't be negative"],
    ["/client invoice acme INV-9 0 EUR", "more than zero"],
    ["/client invoice acme INV-9 0,00 EUR", "more than zero"],
    ["/client invoice acme INV-9 99999999999 EUR", "over a billion"],
    ["/client invoice acme INV-9 12.345 EUR", "more decimals than EUR allows (2)"],
    ["/client invoice acme INV-9 1,200 EUR", "more decimals than EUR allows (2)"],
    ["/client invoice acme INV-9 1500.5 JPY", "JPY has no decimals"],
    ["/client invoice acme INV-9 12.50 XYZ", "not a currency I know"],
    ["/client invoice acme INV-9 €12.50 GBP", "give one currency"],
    ["/client invoice acme INV-9 twelve EUR", "is not an amount"],
    ["/client invoice acme INV-9 100 EUR due 2026-02-30", "not a date for the due date"],
    ["/client invoice acme INV-9 100 EUR issued 2026-13-01", "not a date for the issue date"],
    ["/client invoice acme INV-9 100 EUR issued 2026-01-10 due 2026-01-05", "before the issue date"],
    ["/client invoice acme INV-9 100 EUR due +400d", "up to +365d"],
    ["/client invoice acme INV-7 100 EUR", "Invoice INV-7 already exists (ACME Corp, €1,200.00)"],
    ["/client invoice acme inv-7 100 EUR", "already exists"],
    ["/client invoice nobody INV-9 100 EUR", 'client called "nobody"'],
    ["/client paid INV-7 1300", "more than what is owed on INV-7"],
    ["/client paid INV-7 -10", "can't be negative"],
    ["/client paid INV-7 0", "more than zero"],
    ["/client paid INV-7 10.001", "more decimals than EUR allows"],
    ["/client paid INV-7 £10", "INV-7 is in EUR"],
    ["/client paid INV-7 on 2026-02-30", "not a date"],
    ["/client paid INV-7 on 2026-02-01", "in the future"],
    ["/client paid INV-8", "INV-8 is void"],
    ["/client paid INV-99", 'I don\'t know invoice "INV-99"'],
    ["/client paid INV-7 charges 10 20", "I didn't expect"],
    ["/client paid INV-7 100 20", "either an amount or `charges`"],
    ["/client paid INV-7 100 200", "€100,200.00 is more than what is owed"],
    ["/client credit INV-7 1500", "more than what is still unpaid"],
    ["/client credit INV-8 10", "INV-8 is void"],
    ["/client void INV-8", "already void"],
    ["/client resume INV-7", "not disputed"],
    ["/client dispute INV-8 wrong", "no longer open"],
    ["/client waive INV-7", "No late-payment charges are owed"],
    ["/client terms acme rate 150%", "from 0 to 100%"],
    ["/client terms acme rate -1%", "is not a rate"],
    ["/client terms acme rate lots", "is not a rate"],
    ["/client terms acme law mars", "not a valid law"],
    ["/client terms acme law fr fee 40 EUR", "set by law"],
    ["/client terms acme law contract fee 40", '"40" has no currency: write it like fee 40 EUR.'],
    ["/client terms acme law contract fee 40XYZ", "not a currency I know"],
    ["/client terms acme law contract fee forty EUR", '"forty EUR" is not a fee'],
    ["/client terms acme law contract fee 12.5 JPY", "JPY has no decimals"],
    ["/client terms acme stages 30,15", "increasing"],
    ["/client terms acme stages 1,2,3,4,5", "1 to 4"],
    ["/client terms acme stages 0,10", "from 1 to 365"],
    ["/client terms acme term 400", "from 0 to 365"],
    ["/client terms acme hosted maybe", "Expected one of: yes, no"],
    ["/client terms acme lang de", "Expected one of: en, fr"],
    ["/client config terms law mars", "not a valid law"],
    ["/client config terms law fr colour blue", 'I didn\'t expect "colour blue" here'],
    ["/client config terms law fr law eu", "law is given twice"],
    ["/client config terms rate", "Missing rate"],
    ["/client terms acme rate", "Missing rate"],
    ["/client reminded INV-7 9", "not a stage of this client"],
    ["/client remind INV-8", "INV-8 is void"],
  ])("%s", async (line, fragment) => {
    await setUp();
    const before = await snapshot();
    const effects = await h.run(line);
    expect(effects).toHaveLength(1);
    expect(effects[0]?.type).toBe("reply");
    expect(effectsText(effects)).toContain(fragment);
    expect(await snapshot()).toEqual(before);
  });

  it("suggests close invoice numbers when one is unknown", async () => {
    await setUp();
    expect(await h.say("/client paid INV-77")).toContain("Did you mean INV-7");
  });

  it("refuses a second dispute and a payment on a paid invoice, saying what is still owed", async () => {
    await setUp();
    await h.run("/client dispute INV-7 second page missing");
    expect(await h.say("/client dispute INV-7 again")).toContain("already disputed since 20 Jan 2026");
    await h.run("/client resume INV-7 upheld");
    await h.run("/client terms acme law fr");
    await h.run("/client paid INV-7");
    expect(await h.say("/client paid INV-7")).toContain(
      "already paid in full. Its late-payment charges are still owed (€",
    );
  });
});
