import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textFromSlack } from "../../adapters/slack/slack-text.ts";
import { parseCommandOptions } from "../../src/commands/parse-command.ts";
import { commandList, commandLookup } from "../../src/commands/registry.ts";
import { parseChannel, parseDays, parseTime, parseTimeZone } from "../../src/digest/schedule-settings.ts";
import { isIsoDate } from "../../src/domain/dates.ts";
import { currencyDigits, MAX_MAJOR_UNITS, parseAmount, toCurrency } from "../../src/domain/money.ts";
import { UserError } from "../../src/errors.ts";
import { parseCurrency, parseDay, parseMoney } from "../../src/invoices/parse-inputs.ts";
import { parseTermWords, type TermWords, termKeywords } from "../../src/invoices/parse-terms.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";

/**
 * Every input parser under random input (fast-check): thousands of strings, never a crash,
 * always a typed, localised error or a valid value. The command grammar itself is fuzzed in
 * test/fuzz/grammar.fuzz.test.ts; the same inputs through the whole core are in
 * core-inputs.fuzz.test.ts.
 */

const RUNS = 2000;
const dayInput = { locale: "en" as const, today: "2026-11-27", fmt: createFormatter("en", "UTC") };

/** Text people type, and text nobody should: graphemes, raw code units, and the parsers' own alphabet. */
const noise = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc
    .array(
      fc.constantFrom(
        ..."0123456789.,' -+%/:€£$¥hHamp".split(""),
        "\u00a0",
        "\u202f",
        "\u200b",
        "\u202e",
        "EUR",
        "eur",
        "GBP",
        "JPY",
        "KWD",
        "XYZ",
        "mon",
        "fri",
        "lun",
        "ven",
        "daily",
        "none",
        "per",
        "mois",
        "yes",
        "non",
        "e9",
        "Infinity",
        "NaN",
        "0x1F",
        "Europe/Paris",
        "<#C123|billing>",
        "<#",
        "'; drop table clients; --",
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join("")),
);

/** Runs a parser that may throw: a UserError must render in English and French; anything else fails the test. */
function typedOrValue<T>(parse: () => T): T | UserError {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    expect(error.code.length).toBeGreaterThan(0);
    expect(error.render(catalogFor("en")).trim().length).toBeGreaterThan(0);
    expect(error.render(catalogFor("fr")).trim().length).toBeGreaterThan(0);
    return error;
  }
}

const currencies = ["EUR", "GBP", "USD", "JPY", "KWD", "CHF"] as const;

describe("amounts and currencies under random input", () => {
  it("an amount is a positive whole number of minor units within bounds, or a typed error", () => {
    fc.assert(
      fc.property(noise, fc.option(fc.constantFrom(...currencies), { nil: undefined }), (text, currency) => {
        const result = typedOrValue(() => parseMoney(text, currency));
        if (result instanceof UserError) return;
        expect(Number.isSafeInteger(result.minor)).toBe(true);
        expect(result.minor).toBeGreaterThan(0);
        const digits = currencyDigits(result.currency ?? currency ?? "EUR");
        expect(result.minor).toBeLessThanOrEqual((MAX_MAJOR_UNITS + 1) * 10 ** digits);
        if (currency) expect(result.currency).toBe(currency);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back exactly what was written, in any of the usual spellings", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...currencies),
        fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.constantFrom("plain", "comma", "grouped", "symbol-first", "code-last"),
        (currency, n, style) => {
          const digits = currencyDigits(currency);
          // At most a billion major units, the largest amount accepted.
          const minor = n % (MAX_MAJOR_UNITS * 10 ** digits) || 1;
          const whole = Math.floor(minor / 10 ** digits);
          const fraction = digits > 0 ? String(minor % 10 ** digits).padStart(digits, "0") : "";
          const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
          const text = {
            plain: fraction ? `${whole}.${fraction}` : `${whole}`,
            comma: fraction ? `${whole},${fraction}` : `${whole}`,
            grouped: fraction ? `${grouped},${fraction}` : grouped,
            "symbol-first": `${currency} ${fraction ? `${whole}.${fraction}` : whole}`,
            "code-last": `${fraction ? `${whole}.${fraction}` : whole} ${currency.toLowerCase()}`,
          }[style];
          const result = parseAmount(text, currency);
          expect(result).toEqual({
            ok: true,
            minor,
            currency: style.includes("code") || style.includes("symbol") ? currency : undefined,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a currency is an ISO code Intl knows, or a typed error", () => {
    const known = new Set(Intl.supportedValuesOf("currency"));
    fc.assert(
      fc.property(noise, (text) => {
        const result = typedOrValue(() => parseCurrency(text));
        if (result instanceof UserError) return;
        expect(known.has(result)).toBe(true);
        expect(toCurrency(result)).toBe(result);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("dates under random input", () => {
  it("a day is a real calendar day, or a typed error naming the date", () => {
    const dateish = fc.oneof(
      noise,
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        ),
    );
    fc.assert(
      fc.property(
        dateish,
        fc.constantFrom("due", "issued", "on") as fc.Arbitrary<"due" | "issued" | "on">,
        (text, what) => {
          const result = typedOrValue(() => parseDay(text, what, dayInput));
          if (result instanceof UserError) return;
          expect(isIsoDate(result)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("every real day from year 1000 to 9999 is accepted as written", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          expect(parseDay(day, "due", dayInput)).toBe(day);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("terms under random input", () => {
  const settingWords = fc.record(
    Object.fromEntries(termKeywords.map((k) => [k, fc.option(noise, { nil: undefined })])) as Record<
      (typeof termKeywords)[number],
      fc.Arbitrary<string | undefined>
    >,
    { requiredKeys: [] },
  );

  it("law, rate, fee, hosted, lang, stages and term: stored values in range, or a typed error", () => {
    fc.assert(
      fc.property(settingWords, (words) => {
        const result = typedOrValue(() => parseTermWords(words as TermWords));
        if (result instanceof UserError) return;
        if (result.rate) {
          expect(Number.isSafeInteger(result.rate.percentE4)).toBe(true);
          expect(result.rate.percentE4).toBeGreaterThanOrEqual(0);
          expect(result.rate.percentE4).toBeLessThanOrEqual(100 * 10_000);
          expect(["year", "month"]).toContain(result.rate.per);
        }
        if (typeof result.fee === "string") expect(result.fee).toMatch(/^\d{1,9}(\.\d{1,4})?$/);
        if (result.stages) {
          expect(result.stages.length).toBeGreaterThanOrEqual(1);
          expect(result.stages.length).toBeLessThanOrEqual(4);
          result.stages.forEach((d, i) => {
            expect(d).toBeGreaterThanOrEqual(1);
            expect(d).toBeLessThanOrEqual(365);
            if (i > 0) expect(d).toBeGreaterThan(result.stages?.[i - 1] ?? 0);
          });
        }
        if (result.paymentDays !== undefined) {
          expect(result.paymentDays).toBeGreaterThanOrEqual(0);
          expect(result.paymentDays).toBeLessThanOrEqual(365);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back rates and stage lists as written", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("%/y", " % per year", "%/m", "% par mois", "%"),
        fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 4 }),
        (whole, cents, unit, stages) => {
          if (whole === 100 && cents > 0) return;
          const sorted = [...stages].sort((a, b) => a - b);
          const parsed = parseTermWords({
            rate: `${whole},${String(cents).padStart(2, "0")}${unit}`,
            stages: sorted.join(", "),
          });
          expect(parsed.rate?.percentE4).toBe(whole * 10_000 + cents * 100);
          expect(parsed.rate?.per).toBe(unit.includes("m") && !unit.includes("y") ? "month" : "year");
          expect(parsed.stages).toEqual(sorted);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("digest settings under random input", () => {
  it("a digest time is a valid HH:MM or nothing", () => {
    fc.assert(
      fc.property(noise, (text) => {
        const time = parseTime(text);
        if (time === undefined) return;
        expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back every time of day in 24-hour, h and am/pm spellings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const hh = String(hour).padStart(2, "0");
        const mm = String(minute).padStart(2, "0");
        const expected = `${hh}:${mm}`;
        expect(parseTime(`${hour}:${mm}`)).toBe(expected);
        expect(parseTime(`${hour}h${mm}`)).toBe(expected);
        const half = hour < 12 ? "am" : "pm";
        expect(parseTime(`${hour % 12 === 0 ? 12 : hour % 12}:${mm}${half}`)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("a time zone is a zone Intl accepts, or nothing", () => {
    const zones = fc.oneof(
      noise,
      fc.constantFrom(...Intl.supportedValuesOf("timeZone")).map((z) => z.toLowerCase()),
    );
    fc.assert(
      fc.property(zones, (text) => {
        const zone = parseTimeZone(text);
        if (zone === undefined) return;
        expect(() => new Intl.DateTimeFormat("en", { timeZone: zone })).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it("weekday lists are sorted ISO weekdays without repeats, or nothing", () => {
    const dayish = fc.oneof(
      noise,
      fc
        .array(fc.constantFrom("mon", "Tue", "wed.", "jeudi", "fri", "sam", "dim", "-", "–", ",", " ", ";", "x"), {
          maxLength: 12,
        })
        .map((p) => p.join("")),
    );
    fc.assert(
      fc.property(dayish, (text) => {
        const days = parseDays(text);
        if (days === undefined) return;
        expect(days.length).toBeGreaterThan(0);
        expect(days).toEqual([...new Set(days)].sort((a, b) => a - b));
        for (const d of days) expect(d >= 1 && d <= 7).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back any set of weekdays written as a list", () => {
    const names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), (days) => {
        expect(parseDays(days.map((d) => names[d - 1]).join(","))).toEqual([...days].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it("a channel is an id of letters, digits, dashes and underscores, or nothing", () => {
    fc.assert(
      fc.property(noise, (text) => {
        const channel = parseChannel(text);
        if (channel === undefined) return;
        expect(channel.id).toMatch(/^[\p{L}\p{N}_-]{1,80}$/u);
        expect(channel.name.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("platform inputs under random input", () => {
  it("Discord options for every verb: a typed command or a typed error", () => {
    const verbs = commandList().map((c) => c.name);
    const value = fc.oneof(noise, fc.integer(), fc.double(), fc.boolean()) as fc.Arbitrary<string | number | boolean>;
    fc.assert(
      fc.property(
        fc.constantFrom(...verbs, "LATE", "nope"),
        fc.dictionary(
          fc.constantFrom(
            "client",
            "note",
            "invoice",
            "amount",
            "currency",
            "due",
            "slug",
            "name",
            "setting",
            "value",
            "law",
            "rate",
            "__proto__",
            "constructor",
          ),
          value,
        ),
        (verb, options) => {
          typedOrValue(() => parseCommandOptions(verb, options, commandLookup));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("Slack text never keeps a broadcast or a raw control sequence", () => {
    const slackish = fc.oneof(
      noise,
      fc
        .array(
          fc.constantFrom(
            "<!channel>",
            "<!here|here>",
            "<@U123>",
            "<#C1|x>",
            "<!subteam^S1|@devs>",
            "&lt;",
            "&gt;",
            "&amp;",
            "<",
            ">",
            "|",
            "!",
            "text",
          ),
          {
            maxLength: 10,
          },
        )
        .map((p) => p.join("")),
    );
    fc.assert(
      fc.property(slackish, (text) => {
        const out = textFromSlack(text);
        expect(typeof out).toBe("string");
        if (!text.includes("&lt;")) expect(out).not.toMatch(/<!(channel|here|everyone)/);
      }),
      { numRuns: RUNS },
    );
  });
});
