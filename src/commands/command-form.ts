import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import type { InvocationInput } from "../core/invocation.ts";
import { UserError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import type { CommandDef } from "./define-command.ts";
import { tokenize } from "./tokenize.ts";
import { usageOf } from "./usage.ts";

/** The id of a command's form: `command:<verb>`. */
export const COMMAND_FORM = "command";

export function commandFormId(verb: string): string {
  return `${COMMAND_FORM}:${verb}`;
}

/** The verb of an input that names a verb and nothing else (`/client invoice`), if it does. */
export function bareVerb(input: InvocationInput): string | undefined {
  if (input.kind === "options") return Object.keys(input.options).length === 0 ? input.verb : undefined;
  if (input.kind !== "text") return undefined;
  const tokens = tokenize(input.text);
  return tokens.length === 1 && !tokens[0]?.quoted && !tokens[0]?.unclosed ? tokens[0]?.value : undefined;
}

/**
 * A command typed bare that has a form: the form on Slack and Discord; the console, which
 * reads one line at a time, shows the command's syntax with an example instead.
 */
export async function openCommandForm(ctx: Context, command: CommandDef): Promise<Effect[]> {
  const form = command.form;
  if (!form) return [];
  if (ctx.invocation.platform === "console") {
    const example = command.examples[0] ?? command.name;
    return [reply(textMessage(ctx.t.console.syntax({ usage: usageOf(command, ctx.t), example })))];
  }
  return [{ type: "form", form: await form.build(ctx) }];
}

/**
 * A form refused with one field's problem: what the adapters show under that field. Undefined
 * when the problem is no field's of this form (then it is said as any other refusal).
 */
export function formErrorsFor(
  ctx: Context,
  error: unknown,
  values: Record<string, string>,
): Extract<Effect, { type: "formErrors" }> | undefined {
  if (!(error instanceof UserError) || error.field === undefined || !(error.field in values)) return undefined;
  return { type: "formErrors", errors: { [error.field]: error.render(ctx.t) }, values };
}
