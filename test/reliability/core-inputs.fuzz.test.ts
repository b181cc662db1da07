import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArgDef } from "../../src/commands/args.ts";
import { actionList, commandList } from "../../src/commands/registry.ts";
import type { Effect } from "../../src/core/effects.ts";
import type { Invocation, InvocationInput } from "../../src/core/invocation.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { effectsText, invocation, useHarness } from "../support/harness.ts";

/**
 * Random input through the whole core (grammar, every verb's own parsing, the database):
 * whatever is typed, pressed or submitted, the answer is a command's result or a clear
 * refusal, never "something went wrong".
 */
const h = useHarness();
/** Hundreds of commands through the core per property: minutes on a loaded 2-core machine, not 30 s. */
const FUZZ_TIMEOUT_MS = 180_000;

const internalPrefixes = (["en", "fr"] as const).map(
  (l) => catalogFor(l).errors.internal({ ref: "§" }).split("§")[0] ?? "",
);

function expectAnswered(effects: Effect[], what: string): void {
  const text = effectsText(effects);
  for (const prefix of internalPrefixes) expect(text, what).not.toContain(prefix);
}

const words = fc.oneof(
  fc.constantFrom(
    "acme",
    "beta",
    "INV-7",
    "INV-8",
    "#9",
    "1200.50",
    "1 200,50",
    "€40",
    "-5",
    "0",
    "1e9",
    "99999999999",
    "EUR",
    "jpy",
    "toString",
    "constructor",
    "__proto__",
    "due",
    "issued",
    "on",
    "2026-02-30",
    "2026-12-01",
    "law",
    "fr",
    "rate",
    "12%/y",
    "fee",
    "stages",
    "1,15,30",
    "term",
    "30j",
    "charges",
    "lang",
    "owner",
    "<@U123>",
    "channel",
    "<#C1|billing>",
    "digest",
    "09:00",
    "Europe/Paris",
    "days",
    "mon-fri",
    "quiet",
    "terms",
    "hosted",
    "yes",
    '"',
    "«",
    "\n",
  ),
  fc.string({ unit: "grapheme", maxLength: 10 }),
  fc.string({ unit: "binary", maxLength: 6 }),
);

const verbs = commandList().map((c) => c.name);
const line = fc
  .tuple(fc.constantFrom(...verbs), fc.array(words, { maxLength: 8 }))
  .map(([verb, rest]) => [verb, ...rest].join(" "));

/** Values that fit (or nearly fit) each kind of argument, so lines reach every verb's own checks. */
function valueFor(arg: ArgDef): fc.Arbitrary<string> {
  const near = (...values: string[]) => fc.oneof(fc.constantFrom(...values), words);
  switch (arg.kind) {
    case "client":
      return near("acme", "ACME Corp", "beta", "acmee");
    case "slug":
      return near("beta", "gamma-2", "Bad Slug", "a");
    case "name":
    case "text":
      return near("a note", "x".repeat(2100), "'; drop table incidents; --", "<!channel> hi", "مرحبا", "👩‍💻");
    case "invoice":
      return near("INV-7", "INV-8", "INV-9", "#12");
    case "amount":
      return near("1200", "1200.50", "1 200,50", "€40", "12.345", "-3", "0", "charges", "1000000001");
    case "date":
      return near("2026-11-01", "2026-02-29", "2027-02-29", "tomorrow", "2026-1-1");
    case "number":
      return near("1", "2", "5", "0", "-1", "1.5");
    case "word":
      return arg.choices ? near(...arg.choices) : near("EUR", "jpy", "toString", "constructor", "lang", "digest");
  }
}

const shapedLine = fc.constantFrom(...commandList()).chain((command) => {
  const parts = Object.values(command.args).map((arg) =>
    fc.option(
      valueFor(arg).map((v) => {
        const value = /\s/.test(v) && !arg.rest ? `"${v}"` : v;
        return arg.keyword ? `${arg.keyword} ${value}` : value;
      }),
      { nil: undefined, freq: arg.optional ? 2 : 8 },
    ),
  );
  return fc.tuple(...parts).map((values) => [command.name, ...values.filter((v) => v !== undefined)].join(" "));
});

const actionNames = [...new Set(actionList().map((a) => a.name))];
const param = fc.oneof(
  fc.constantFrom("1", "2", "0", "-1", "999999999999999999999", "1.5", "NaN", "", "x", "1e3", "toString"),
  fc.string({ maxLength: 8 }),
);
const actionId = fc
  .tuple(fc.constantFrom(...actionNames, "nope"), fc.array(param, { maxLength: 4 }))
  .map(([name, params]) => [name, ...params].join(":"));

function as(input: InvocationInput, user: string, dm: boolean): Invocation {
  return { ...invocation("/client help", { user, dm }), input };
}

describe("the core under random input", () => {
  it(
    "answers every random command line with a result or a clear refusal",
    async () => {
      await h.run("/client add acme ACME Corp");
      await h.run("/client invoice acme INV-7 1200.00 EUR due 2026-10-01");
      await fc.assert(
        fc.asyncProperty(line, fc.constantFrom("owner", "sam"), async (text, user) => {
          expectAnswered(await h.run(`/client ${text}`, { user }), text);
        }),
        { numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "answers every command line shaped like its usage with a result or a clear refusal",
    async () => {
      await h.run("/client add acme ACME Corp");
      await h.run("/client invoice acme INV-7 1200.00 EUR due 2026-10-01");
      await h.run("/client invoice acme INV-8 90000 JPY due 2026-11-20");
      await fc.assert(
        fc.asyncProperty(shapedLine, fc.constantFrom("owner", "sam"), async (text, user) => {
          expectAnswered(await h.run(`/client ${text}`, { user }), text);
        }),
        { numRuns: 600 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "answers every random button and form, in a channel or a DM, with a result or a refusal",
    async () => {
      await h.run("/client add acme ACME Corp");
      await h.run("/client invoice acme INV-7 1200.00 EUR due 2026-10-01");
      await h.run("/client late acme slow again");
      await h.run("/client offboard acme", { dm: true });
      const values = fc.dictionary(
        fc.constantFrom("notes", "date", "reason", "text", "value", "amount"),
        fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("2026-13-01", "2026-11-20", "x".repeat(5000))),
      );
      await fc.assert(
        fc.asyncProperty(
          actionId,
          values,
          fc.boolean(),
          fc.constantFrom("owner", "sam"),
          fc.boolean(),
          async (id, formValues, form, user, dm) => {
            const input: InvocationInput = form
              ? { kind: "form", formId: id, values: formValues }
              : { kind: "action", actionId: id };
            expectAnswered(await h.handle(as(input, user, dm)), id);
          },
        ),
        { numRuns: 400 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
