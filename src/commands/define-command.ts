import type { Context } from "../core/context.ts";
import type { Effect } from "../core/effects.ts";
import type { Guard } from "../core/guards.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Form } from "../messages/message.ts";
import type { ArgDef } from "./args.ts";

export type ArgDefs = Record<string, ArgDef<unknown, boolean>>;

/** The typed values a handler receives for its argument definitions. */
export type ArgValues<A extends ArgDefs> = {
  [K in keyof A]: A[K] extends ArgDef<infer T, infer O> ? (O extends true ? T | undefined : T) : never;
};

export type CommandGroup = "incidents" | "clients" | "invoices" | "schedule" | "offboarding" | "other";

export interface CommandDef<A extends ArgDefs = ArgDefs> {
  /** The verb: `/client <name> …` */
  name: string;
  group: CommandGroup;
  /** Positional arguments in order, then keyword arguments (those with `keyword`). */
  args: A;
  help: (t: Catalog) => { summary: string; details: string };
  /** Full command lines after `/client`, shown in help. */
  examples: readonly string[];
  guards?: readonly Guard[];
  /**
   * In a channel linked to a client, the client may be left out (`/client late` in #acme):
   * see src/channels/with-channel-client.ts for the rule.
   */
  clientFromChannel?: boolean;
  /**
   * Commands run by a word after this one (`/client config lang fr`); a line whose next word
   * names none runs this command's own handler.
   */
  subcommands?: readonly CommandDef[];
  /** The command a subcommand belongs to (`config`). */
  parent?: string;
  /** What help and errors show after the name, where the arguments alone would not say it. */
  usage?: string;
  /** Posts to a channel rather than answering privately (Discord defers accordingly). */
  public?: boolean;
  handler: (ctx: Context, args: ArgValues<A>) => Promise<Effect[]>;
  /**
   * The form the command opens when given with no arguments on a platform with forms (Slack,
   * Discord); its fields are named like the arguments. `typed` holds what was submitted, when
   * the form is shown again. The console shows the syntax with an example instead.
   */
  form?: CommandForm;
}

export interface CommandForm {
  build(ctx: Context, typed?: Record<string, string>): Form | Promise<Form>;
  /** An argument the form has no field for, and the field whose value holds it (`currency` → `amount`). */
  heldBy?: (form: Form) => Record<string, string>;
}

/** Keeps the argument types of one definition while collecting many in a list. */
export function defineCommand<const A extends ArgDefs>(def: CommandDef<A>): CommandDef {
  return def as unknown as CommandDef;
}
