import type { Context } from "../../core/context.ts";
import type { Catalog } from "../../messages/catalog.ts";
import { type ArgDef, NAME_MAX, plainText } from "../args.ts";
import type { ArgDefs, CommandDef } from "../define-command.ts";

/**
 * One `/client config <name> …` setting: a subcommand of `config` with its own typed arguments,
 * parsed, guarded and run as any command is. Issues add their own settings (channel, digest,
 * terms, owner…) by adding a file and listing it in config-registry.ts.
 */
export interface ConfigSetting extends CommandDef {
  /** Usage after `/client config <name>`, e.g. `en|fr`. */
  usage: string;
  /**
   * What `/client config` shows for it: each value with the command that changes it. A setting
   * without it is still listed, by its name and usage.
   */
  show?: ((ctx: Context) => ConfigRow[] | Promise<ConfigRow[]>) | undefined;
}

/** A setting as written: what it does (for `/client help config` and Discord) in place of help. */
type SettingDef<A extends ArgDefs> = Omit<CommandDef<A>, "group" | "parent" | "help" | "examples"> & {
  usage: string;
  describe: (t: Catalog) => string;
  show?: ConfigSetting["show"];
};

export function defineSetting<const A extends ArgDefs>({ describe, ...def }: SettingDef<A>): ConfigSetting {
  const help = (t: Catalog) => ({ summary: describe(t), details: "" });
  return { ...def, group: "other", parent: "config", help, examples: [] } as unknown as ConfigSetting;
}

/** A setting's value as typed, to the end of the line (`09:00 Europe/Paris`); absent when left out. */
export function valueArg(label: (t: Catalog) => string, choices?: readonly string[]): ArgDef<string, true> {
  return {
    kind: "text",
    label,
    schema: plainText(NAME_MAX, false),
    optional: true,
    rest: true,
    max: NAME_MAX,
    ...(choices ? { choices } : {}),
  };
}

/** One line of `/client config`: "Language: English · /client config lang en|fr". */
export interface ConfigRow {
  label: string;
  value: string;
  /** The command that changes it, as it would be typed. */
  command: string;
}

/** The command that changes a setting, as `/client config` and help print it. */
export function settingCommand(setting: Pick<ConfigSetting, "name" | "usage">): string {
  return `/client config ${setting.name} ${setting.usage}`;
}
