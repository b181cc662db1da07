import type { Context } from "./context.ts";
import type { Effect } from "./effects.ts";
import type { Guard } from "./guards.ts";

/**
 * A button, select or form handler. Its id on the wire is `name:param:param` (Discord allows
 * 100 characters), so handlers receive the params and re-check everything: ids can be forged.
 */
export interface ActionDef {
  name: string;
  guards?: readonly Guard[];
  /** `values` holds a submitted form's fields by id. */
  handler: (ctx: Context, params: string[], values?: Record<string, string>) => Promise<Effect[]>;
}

export function defineAction(def: ActionDef): ActionDef {
  return def;
}

export function actionId(name: string, ...params: (string | number)[]): string {
  return [name, ...params.map(String)].join(":");
}
