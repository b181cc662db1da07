import { z } from "zod";
import { INVOICE_NUMBER, looksLikeInvoiceNumber, SLUG } from "../domain/identifiers.ts";
import { isCurrencyToken, looksLikeAmount } from "../domain/money.ts";
import type { Catalog } from "../messages/catalog.ts";

/** Keys of `t.invalid`: a zod issue's message is one of these, rendered in the user's language. */
export type InvalidKey = keyof Catalog["invalid"];

export type ArgKind = "client" | "slug" | "name" | "text" | "word" | "invoice" | "amount" | "date" | "number";

/**
 * One argument of a command. The text grammar, Discord's option registration and the help
 * output are all derived from these.
 */
export interface ArgDef<T = unknown, O extends boolean = boolean> {
  kind: ArgKind;
  label: (t: Catalog) => string;
  /** Validates and converts the raw text; its issue messages are InvalidKeys. */
  schema: z.ZodType<T, string>;
  optional: O;
  /** Takes the rest of the line (a free-text note). */
  rest?: boolean;
  /** Given as `keyword value` after the positional arguments (e.g. `due 2026-01-15`). */
  keyword?: string;
  /** For an optional positional: whether a token belongs to it (else it is left for the next). */
  accepts?: (token: string) => boolean;
  choices?: readonly string[];
  max?: number;
  /** An amount whose currency may follow as its own word (`fee 50 EUR`). */
  withCurrency?: boolean;
  /** Offer completions (Discord autocomplete). */
  autocomplete?: "client" | "invoice";
  /** A short description for platforms that show one next to each option. */
  describe?: (t: Catalog) => string;
}

export function optional<T>(def: ArgDef<T, false>): ArgDef<T, true> {
  return { ...def, optional: true };
}

/** Accepts text with no control characters (newlines and tabs are allowed in notes). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_STRICT = /[\u0000-\u001f\u007f-\u009f]/;

export function plainText(max: number, allowNewlines: boolean) {
  const control = allowNewlines ? CONTROL : CONTROL_STRICT;
  return z
    .string()
    .refine((s) => !control.test(s), { error: "controlChars", abort: true })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { error: "required", abort: true })
    .refine((s) => s.length <= max, { error: "tooLong" });
}

/**
 * Characters that reverse or isolate the direction of the text around them: "ACME\u202eCorp
 * gnp.exe" displays as "ACMEexe.png proC". Never part of a name someone typed on purpose.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Invisible characters that make two names look the same: dropped (they come with copy-paste). */
const ZERO_WIDTH = /[\u180e\u200b-\u200d\u2060\ufeff]/g;

/** A name (a client's display name, or one typed to find a client): one line of visible text. */
export function nameText(max: number) {
  return z
    .string()
    .transform((s) => s.replace(ZERO_WIDTH, ""))
    .refine((s) => !BIDI_CONTROLS.test(s), { error: "invisibleChars", abort: true })
    .pipe(plainText(max, false));
}

export const NOTE_MAX = 2000;
export const NAME_MAX = 100;

/** A client named by slug, alias or display name (found case-insensitively later). */
export function clientArg(opts: { rest?: boolean } = {}): ArgDef<string, false> {
  return {
    kind: "client",
    label: (t) => t.help.argNames.client,
    schema: nameText(NAME_MAX),
    optional: false,
    max: NAME_MAX,
    autocomplete: "client",
    ...(opts.rest ? { rest: true } : {}),
  };
}

export function slugArg(label: (t: Catalog) => string = (t) => t.help.argNames.slug): ArgDef<string, false> {
  return {
    kind: "slug",
    label,
    schema: z.string().regex(SLUG, { error: "slug" }),
    optional: false,
  };
}

export function nameArg(): ArgDef<string, false> {
  return {
    kind: "name",
    label: (t) => t.help.argNames.name,
    schema: nameText(NAME_MAX).pipe(z.string().max(NAME_MAX, { error: "name" })),
    optional: false,
    rest: true,
    max: NAME_MAX,
  };
}

export function noteArg(): ArgDef<string, false> {
  return {
    kind: "text",
    label: (t) => t.help.argNames.note,
    schema: plainText(NOTE_MAX, true),
    optional: false,
    rest: true,
    max: NOTE_MAX,
  };
}

export function invoiceArg(): ArgDef<string, false> {
  return {
    kind: "invoice",
    label: (t) => t.help.argNames.invoice,
    schema: z.string().regex(INVOICE_NUMBER, { error: "invoiceNumber" }),
    optional: false,
    accepts: looksLikeInvoiceNumber,
    autocomplete: "invoice",
  };
}

export function choiceArg<const C extends readonly string[]>(
  choices: C,
  label: (t: Catalog) => string,
): ArgDef<C[number], false> {
  return {
    kind: "word",
    label,
    schema: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(choices as unknown as [C[number], ...C[number][]], { error: "choice" })),
    optional: false,
    choices,
  };
}

/** A single free word (e.g. a help topic or a setting name). */
export function wordArg(label: (t: Catalog) => string): ArgDef<string, false> {
  return {
    kind: "word",
    label,
    schema: plainText(NAME_MAX, false),
    optional: false,
  };
}

/**
 * An amount as typed (`1200.00`, `1200,00`, `€1200`). Checked by the handler, which knows the
 * currency (minor-unit digits differ: JPY has none).
 */
export function amountArg(
  label: (t: Catalog) => string = (t) => t.invoices.argNames.amount,
  opts: { withCurrency?: boolean } = {},
): ArgDef<string, false> {
  return {
    kind: "amount",
    label,
    schema: plainText(40, false),
    optional: false,
    accepts: looksLikeAmount,
    ...(opts.withCurrency ? { withCurrency: true } : {}),
  };
}

/**
 * An ISO currency code or symbol (`EUR`, `€`). As an optional positional it takes any
 * three-letter word (keywords such as `due` are matched first), so `XYZ` gets a clear
 * "unknown currency" from the handler rather than "unexpected".
 */
export function currencyArg(): ArgDef<string, false> {
  return {
    kind: "word",
    label: (t) => t.invoices.argNames.currency,
    schema: plainText(10, false),
    optional: false,
    accepts: (token) => isCurrencyToken(token) || /^[A-Za-z]{3}$/.test(token),
  };
}

/**
 * A day as people write it (`2026-01-15`, `15 Jan 2026`, `in 30 days`; one or several words after
 * its keyword), checked by the handler, which knows the workspace's language and today.
 */
export function dateArg(label: (t: Catalog) => string, keyword?: string): ArgDef<string, false> {
  return { kind: "date", label, schema: plainText(20, false), optional: false, ...(keyword ? { keyword } : {}) };
}

/** An optional argument given as `keyword value` after the positional ones (`law fr`, `rate 12%/y`). */
export function keywordArg<T>(keyword: string, def: ArgDef<T, false>): ArgDef<T, true> {
  return { ...def, optional: true, keyword };
}
