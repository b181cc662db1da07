import type { Context } from "../../core/context.ts";
import type { Effect } from "../../core/effects.ts";
import type { Guard } from "../../core/guards.ts";
import type { Catalog } from "../../messages/catalog.ts";

/**
 * One `/client config <name> <value…>` setting. Issues add their own settings (channel,
 * digest, terms, owner…) by adding a file and listing it in config-registry.ts.
 */
export interface ConfigSetting {
  name: string;
  /** Usage after `/client config <name>`, e.g. `en|fr`. */
  usage: string;
  guards: readonly Guard[];
  /** Applies the value (the rest of the line, possibly empty). */
  apply(ctx: Context, value: string): Promise<Effect[]>;
  /** What the setting does, for `/client help config`. */
  describe?: ((t: Catalog) => string) | undefined;
  /**
   * What `/client config` shows for it: each value with the command that changes it. A setting
   * without it is still listed, by its name and usage.
   */
  show?: ((ctx: Context) => ConfigRow[] | Promise<ConfigRow[]>) | undefined;
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
