import { editDistance } from "../domain/edit-distance.ts";
import { dayPhraseLength } from "../domain/parse-day-text.ts";
import { UserError, userError } from "../errors.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { InvalidParams } from "../messages/en/core.ts";
import { amountSpan } from "./amount-span.ts";
import type { ArgDef, InvalidKey } from "./args.ts";
import type { CommandDef } from "./define-command.ts";
import { restOfLine, type Token, tokenize } from "./tokenize.ts";
import { usageOf } from "./usage.ts";
import { verbKey } from "./verb-key.ts";

export interface ParsedCommand {
  command: CommandDef;
  args: Record<string, unknown>;
}

export interface CommandLookup {
  get(verb: string): CommandDef | undefined;
  names(): string[];
}

/**
 * Free text after `/client` (Slack, console) → a typed command. Positional arguments in
 * order (an optional one is skipped when the token is not for it), then `keyword value`
 * pairs; a `rest` argument takes the remainder of the line as typed.
 */
export function parseCommandText(text: string, commands: CommandLookup): ParsedCommand {
  const tokens = tokenize(text);
  const single = (token: Token | undefined): string => {
    if (token?.unclosed) throw userError("unclosed-quote", (t) => t.errors.unclosedQuote);
    return token?.value ?? "";
  };
  const verbToken = tokens[0];
  if (!verbToken) throw userError("no-verb", (t) => t.errors.noVerb);
  let command = requireCommand(single(verbToken), commands);
  let i = 1;
  const sub = tokens[1]?.quoted ? undefined : tokens[1]?.value;
  const subcommand = sub && command.subcommands?.find((s) => verbKey(s.name) === verbKey(sub));
  if (subcommand) {
    command = subcommand;
    i = 2;
  }

  const raw: Record<string, string> = {};
  const entries = Object.entries(command.args);
  const keywords = new Map(entries.filter(([, a]) => a.keyword).map(([name, a]) => [a.keyword ?? "", name]));
  for (const [name, arg] of entries) {
    if (arg.keyword) continue;
    const token = tokens[i];
    if (!token) break;
    if (arg.rest) {
      raw[name] = restOfLine(text, tokens, i);
      i = tokens.length;
      break;
    }
    if (
      arg.optional &&
      !token.quoted &&
      (keywords.has(token.value.toLowerCase()) || (arg.accepts && !arg.accepts(token.value)))
    ) {
      continue;
    }
    if (arg.kind === "amount") {
      const span = amountSpan(text, tokens, i, arg.withCurrency);
      raw[name] = span.value;
      i = span.next;
      continue;
    }
    raw[name] = single(token);
    i++;
  }
  while (i < tokens.length) {
    const token = tokens[i] as (typeof tokens)[number];
    const name = token.quoted ? undefined : keywords.get(token.value.toLowerCase());
    if (!name) {
      const extra = restOfLine(text, tokens, i);
      throw userError("unexpected", (t) => t.errors.unexpected({ extra, usage: usageOf(command, t) }));
    }
    const arg = command.args[name] as ArgDef;
    if (raw[name] !== undefined) {
      throw userError("duplicate-arg", (t) => t.errors.duplicateArg({ what: token.value }), name);
    }
    // A keyword says a value follows (`rate 12%/y`): without one, that value is missing.
    if (!tokens[i + 1]) {
      throw userError(
        "missing-arg",
        (t) => t.errors.missingArg({ arg: arg.label(t), usage: usageOf(command, t) }),
        name,
      );
    }
    if (arg.rest) {
      raw[name] = restOfLine(text, tokens, i + 1);
      i = tokens.length;
    } else if (arg.kind === "amount") {
      const span = amountSpan(text, tokens, i + 1, arg.withCurrency);
      raw[name] = span.value;
      i = span.next;
    } else if (arg.kind === "date") {
      // A date may be several words: `due 15 Aug 2026`, `due in 30 days`.
      const words: string[] = [];
      for (let j = i + 1; j < tokens.length && !tokens[j]?.quoted; j++) words.push(tokens[j]?.value ?? "");
      const n = Math.max(1, dayPhraseLength(words));
      raw[name] = n === 1 ? single(tokens[i + 1]) : words.slice(0, n).join(" ");
      i += 1 + n;
    } else {
      raw[name] = single(tokens[i + 1]);
      i += 2;
    }
  }
  return { command, args: validateArgs(command, raw) };
}

/** Structured options (Discord) → the same typed command. */
export function parseCommandOptions(
  verb: string,
  options: Record<string, string | number | boolean>,
  commands: CommandLookup,
): ParsedCommand {
  const command = requireCommand(verb, commands);
  const raw: Record<string, string> = {};
  for (const name of Object.keys(command.args)) {
    const value = options[name];
    if (value !== undefined) raw[name] = String(value);
  }
  return { command, args: validateArgs(command, raw) };
}

export function requireCommand(verb: string, commands: CommandLookup): CommandDef {
  const command = commands.get(verb);
  if (command) return command;
  const suggestion = nearestVerb(verb, commands.names());
  throw userError("unknown-verb", (t) => t.errors.unknownVerb({ verb, suggestion }));
}

function nearestVerb(typed: string, names: string[]): string | undefined {
  const verb = verbKey(typed);
  const prefixed = names.filter((n) => verbKey(n).startsWith(verb) || verb.startsWith(verbKey(n)));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestScore = 3;
  for (const name of names) {
    const score = editDistance(verb, verbKey(name));
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

function validateArgs(command: CommandDef, raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, arg] of Object.entries(command.args)) {
    const value = raw[name];
    if (value === undefined || (value === "" && !arg.optional)) {
      if (arg.optional) continue;
      throw userError(
        "missing-arg",
        (t) => t.errors.missingArg({ arg: arg.label(t), usage: usageOf(command, t) }),
        name,
      );
    }
    try {
      out[name] = checkArg(arg, value);
    } catch (error) {
      if (error instanceof UserError) error.field ??= name;
      throw error;
    }
  }
  return out;
}

/** One argument's value checked and converted, or a UserError saying what was expected. */
export function checkArg<T>(arg: ArgDef<T>, value: string): T {
  const result = arg.schema.safeParse(value);
  if (result.success) return result.data;
  const key = (result.error.issues[0]?.message ?? "required") as InvalidKey;
  throw userError(`invalid.${key}`, (t) => renderInvalid(t, key, invalidParams(t, arg, value)));
}

function invalidParams(t: Catalog, arg: ArgDef, value: string): InvalidParams {
  const lowered = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return {
    arg: arg.label(t),
    value: value.length > 80 ? `${value.slice(0, 80)}…` : value,
    max: arg.max,
    length: value.trim().length,
    choices: arg.choices?.join(", "),
    suggestion: arg.kind === "slug" && /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/.test(lowered) ? lowered : undefined,
  };
}

function renderInvalid(t: Catalog, key: InvalidKey, params: InvalidParams): string {
  const render = t.invalid[key] as ((p: InvalidParams) => string) | undefined;
  return render ? render(params) : t.invalid.required(params);
}
