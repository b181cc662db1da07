import { describe, expect, it } from "vitest";
import { parseCommandOptions, parseCommandText } from "../../src/commands/parse-command.ts";
import { commandLookup } from "../../src/commands/registry.ts";
import { UserError } from "../../src/errors.ts";
import { catalogFor } from "../../src/messages/catalog.ts";

const en = catalogFor("en");

function parse(text: string) {
  const { command, args } = parseCommandText(text, commandLookup);
  return { verb: command.name, args };
}

function errorOf(text: string): { code: string; message: string } {
  try {
    parseCommandText(text, commandLookup);
  } catch (e) {
    if (e instanceof UserError) return { code: e.code, message: e.render(en) };
    throw e;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe("command grammar", () => {
  it("reads a late payment with and without an invoice number and a note", () => {
    expect(parse("late acme")).toEqual({ verb: "late", args: { client: "acme" } });
    expect(parse("late acme INV-7")).toEqual({ verb: "late", args: { client: "acme", invoice: "INV-7" } });
    expect(parse("late acme INV-7 second reminder ignored")).toEqual({
      verb: "late",
      args: { client: "acme", invoice: "INV-7", note: "second reminder ignored" },
    });
    expect(parse("late acme paid 3 weeks after the due date")).toEqual({
      verb: "late",
      args: { client: "acme", note: "paid 3 weeks after the due date" },
    });
  });

  it("is case-insensitive on the verb and keeps the note as typed", () => {
    expect(parse("SCOPE acme Added a Blog")).toEqual({ verb: "scope", args: { client: "acme", note: "Added a Blog" } });
  });

  it("takes a quoted client name and a quoted note", () => {
    expect(parse('scope "ACME Corp" "two more pages"')).toEqual({
      verb: "scope",
      args: { client: "ACME Corp", note: "two more pages" },
    });
  });

  it("reads add with a multi-word display name, quoted or not", () => {
    expect(parse("add acme ACME Corp")).toEqual({ verb: "add", args: { slug: "acme", name: "ACME Corp" } });
    expect(parse('add acme "ACME Corp"')).toEqual({ verb: "add", args: { slug: "acme", name: "ACME Corp" } });
  });

  it("lets show take a display name of several words", () => {
    expect(parse("show ACME Corp")).toEqual({ verb: "show", args: { client: "ACME Corp" } });
  });

  it("reaches the same typed command from structured options (Discord)", () => {
    const fromOptions = parseCommandOptions("late", { client: "acme", invoice: "INV-7", note: "again" }, commandLookup);
    expect(fromOptions.command.name).toBe("late");
    expect(fromOptions.args).toEqual(parse("late acme INV-7 again").args);
  });

  it.each([
    ["", "no-verb", "/client late acme"],
    ["frobnicate acme", "unknown-verb", 'I don\'t know "/client frobnicate"'],
    ["lte acme", "unknown-verb", "Did you mean `/client late`?"],
    ["late", "missing-arg", "Usage: /client late <client>"],
    ["scope acme", "missing-arg", "Missing note"],
    ["add ACME! Corp", "invalid.slug", "3 to 40 lowercase letters"],
    ["add ac ACME", "invalid.slug", "3 to 40 lowercase letters"],
    [`add ${"a".repeat(41)} Long`, "invalid.slug", "3 to 40"],
    ["add Acme ACME Corp", "invalid.slug", "Try `acme`"],
    [`scope acme ${"x".repeat(2001)}`, "invalid.tooLong", "2001 characters, at most 2000"],
    ["scope acme bad\u0007bell", "invalid.controlChars", "control characters"],
    ["list everything", "unexpected", 'didn\'t expect "everything"'],
    ['alias "acme acme-corp', "unclosed-quote", "never closed"],
  ])("refuses %j with a clear message", (text, code, fragment) => {
    const error = errorOf(text);
    expect(error.code).toBe(code);
    expect(error.message).toContain(fragment);
  });

  it("keeps an unbalanced quote inside a free-text note", () => {
    expect(parse("note acme he said '; drop table clients; --").args.note).toBe("he said '; drop table clients; --");
    expect(parse('scope acme "two more pages').args.note).toBe('"two more pages');
  });

  it("accepts a note of exactly 2,000 characters and newlines inside a note", () => {
    expect(parse(`scope acme ${"x".repeat(2000)}`).args.note).toHaveLength(2000);
    expect(parse("scope acme line one\nline two").args.note).toBe("line one\nline two");
  });

  it.each([
    ["invoice acme F-1 1 200,50 € due 2026-12-01", { amount: "1 200,50", currency: "€", due: "2026-12-01" }],
    ["invoice acme F-1 1\u00a0200,50\u00a0€", { amount: "1\u00a0200,50", currency: "€" }],
    ["invoice acme F-1 €1 200 300", { amount: "€1 200 300" }],
    ["invoice acme F-1 12 345 EUR", { amount: "12 345", currency: "EUR" }],
    ["invoice acme F-1 1 200,50€", { amount: "1 200,50€" }],
  ])("reads an amount with grouped thousands as one amount: %j", (text, expected) => {
    expect(parse(text).args).toMatchObject(expected);
  });

  it("does not join words that are not thousands of the amount", () => {
    expect(parse("paid F-1 1200 on 2026-12-01").args).toEqual({ invoice: "F-1", what: "1200", on: "2026-12-01" });
    expect(parse("paid F-1 100 20").args).toMatchObject({ what: "100", amount: "20" });
    expect(parse("paid F-1 1.200 300").args).toMatchObject({ what: "1.200", amount: "300" });
    expect(parse("paid F-1 100,50 200").args).toMatchObject({ what: "100,50", amount: "200" });
    expect(parse('paid F-1 "1" 200').args).toMatchObject({ what: "1", amount: "200" });
  });

  it("takes a fee with its currency as a second word, before other terms", () => {
    expect(parse("terms acme law contract fee 50 EUR rate 12%/y").args).toEqual({
      client: "acme",
      law: "contract",
      fee: "50 EUR",
      rate: "12%/y",
    });
    expect(parse("terms acme fee 1 000 JPY").args.fee).toBe("1 000 JPY");
    expect(parseCommandOptions("terms", { client: "acme", fee: "50 EUR" }, commandLookup).args.fee).toBe("50 EUR");
  });
});
