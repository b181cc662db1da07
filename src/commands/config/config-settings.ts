import type { Context } from "../../core/context.ts";
import type { Effect } from "../../core/effects.ts";
import type { Guard } from "../../core/guards.ts";

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
}
