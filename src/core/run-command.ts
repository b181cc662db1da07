import { withChannelClient, withChannelClientOption } from "../channels/with-channel-client.ts";
import { bareVerb, openCommandForm } from "../commands/command-form.ts";
import {
  type CommandLookup,
  type ParsedCommand,
  parseCommandOptions,
  parseCommandText,
  requireCommand,
} from "../commands/parse-command.ts";
import { UserError } from "../errors.ts";
import type { Form } from "../messages/message.ts";
import type { Context } from "./context.ts";
import type { Effect } from "./effects.ts";
import type { InvocationInput } from "./invocation.ts";

/**
 * A command typed, given as options or pressed as a button: the one place a command is parsed,
 * guarded and run. A bare verb with a form opens the form instead.
 */
export async function runCommand(
  ctx: Context,
  input: Extract<InvocationInput, { kind: "text" | "options" }>,
  commands: CommandLookup,
): Promise<Effect[]> {
  const bare = bareVerb(input);
  const withForm = bare === undefined ? undefined : requireCommand(bare, commands);
  if (withForm?.form) {
    for (const guard of withForm.guards ?? []) await guard(ctx);
    return openCommandForm(ctx, withForm);
  }
  const parsed =
    input.kind === "text"
      ? parseCommandText(await withChannelClient(ctx, input.text, commands), commands)
      : parseCommandOptions(
          input.verb,
          await withChannelClientOption(ctx, input.verb, input.options, commands),
          commands,
        );
  return runParsed(ctx, parsed);
}

/**
 * A command's form submitted: the same parse, guards and handler as the typed command. A
 * problem with one field keeps the form open with the message under that field.
 */
export async function submitCommandForm(
  ctx: Context,
  verb: string,
  values: Record<string, string>,
  commands: CommandLookup,
): Promise<Effect[]> {
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value.trim() !== "") options[key] = value;
  const command = commands.get(verb);
  try {
    return await runParsed(ctx, parseCommandOptions(verb, options, commands));
  } catch (error) {
    if (!(error instanceof UserError) || !command?.form) throw error;
    const form = await command.form.build(ctx, values);
    const field = fieldFor(form, error.field, command.form.heldBy?.(form));
    if (!field) throw error;
    return [{ type: "formErrors", errors: { [field]: error.render(ctx.t) }, values, form }];
  }
}

async function runParsed(ctx: Context, { command, args }: ParsedCommand): Promise<Effect[]> {
  for (const guard of command.guards ?? []) await guard(ctx);
  return command.handler(ctx, args as never);
}

function fieldFor(form: Form, field: string | undefined, heldBy: Record<string, string> = {}): string | undefined {
  if (field === undefined) return undefined;
  const ids = new Set(form.fields.map((f) => f.id));
  if (ids.has(field)) return field;
  const holder = heldBy[field];
  return holder && ids.has(holder) ? holder : undefined;
}
