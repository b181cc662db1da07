import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  currencyDigits,
  currencyOfAmount,
  looksLikeAmount,
  parseAmount,
  sumByCurrency,
  toCurrency,
} from "../../src/domain/money.ts";

describe("money", () => {
  it.each([
    ["1200.00", "EUR", 120_000],
    ["1200,00", "EUR", 120_000],
    ["1200", "EUR", 120_000],
    ["1 200,50", "EUR", 120_050],
    ["1.200,50", "EUR", 120_050],
    ["1,200.50", "USD", 120_050],
    ["1'200.5", "CHF", 120_050],
    ["€12.5", undefined, 1_250],
    ["12,50 €", undefined, 1_250],
    ["£40", undefined, 4_000],
    ["$9.99", undefined, 999],
    ["EUR 100", undefined, 10_000],
    ["300000", "JPY", 300_000],
    ["1.234", "KWD", 1_234],
    [",5", "EUR", 50],
  ])("reads %s (%s) as %i minor units", (text, currency, minor) => {
    expect(parseAmount(text, currency)).toMatchObject({ ok: true, minor });
  });

  it.each([
    ["abc", "EUR", "format"],
    ["1.2.3", "EUR", "format"],
    ["1,200", "EUR", "decimals"],
    ["12.345", "EUR", "decimals"],
    ["1.5", "JPY", "decimals"],
    ["0", "EUR", "zero"],
    ["-0.00", "EUR", "zero"],
    ["-5", "EUR", "negative"],
    ["€-5", undefined, "negative"],
    ["2000000000", "EUR", "tooLarge"],
    ["10 XYZ", undefined, "currency"],
    ["£10", "EUR", "currency"],
  ])("refuses %s (%s): %s", (text, currency, problem) => {
    expect(parseAmount(text, currency)).toMatchObject({ ok: false, problem });
  });

  it("knows currencies by code or symbol, and their minor-unit digits", () => {
    expect([toCurrency("eur"), toCurrency("€"), toCurrency("£"), toCurrency("$"), toCurrency("XYZ")]).toEqual([
      "EUR",
      "EUR",
      "GBP",
      "USD",
      undefined,
    ]);
    expect([currencyDigits("EUR"), currencyDigits("JPY"), currencyDigits("KWD")]).toEqual([2, 0, 3]);
    expect([currencyOfAmount("€5"), currencyOfAmount("5"), currencyOfAmount("5 XYZ")]).toEqual([
      "EUR",
      undefined,
      "unknown",
    ]);
    expect([looksLikeAmount("1200,50"), looksLikeAmount("charges"), looksLikeAmount("INV-7")]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("adds per currency", () => {
    expect(
      sumByCurrency([
        { minor: 100, currency: "EUR" },
        { minor: 5, currency: "GBP" },
        { minor: 50, currency: "EUR" },
        { minor: 0, currency: "USD" },
      ]),
    ).toEqual([
      { minor: 150, currency: "EUR" },
      { minor: 5, currency: "GBP" },
    ]);
  });

  it("property: any amount written with two decimals reads back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), fc.boolean(), (minor, comma) => {
        const text = `${Math.floor(minor / 100)}${comma ? "," : "."}${String(minor % 100).padStart(2, "0")}`;
        expect(parseAmount(text, "EUR")).toMatchObject({ ok: true, minor });
      }),
    );
  });
});
