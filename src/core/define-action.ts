import type { Context } from "./context.ts";
import type { Effect } from "./effects.ts";
import type { Guard } from "./guards.ts";

/**
 * A button, select or form handler. Its id on the wire is `name:param:param` (Discord allows
 * 100 characters), so handlers receive the params and re-check everything: ids can be forged.
 */
export type ActionDef = {
  name: string;
  guards?: readonly Guard[];
} & (
  | {
      /** `values` holds a submitted form's fields by id. */
      handler: (ctx: Context, params: string[], values?: Record<string, string>) => Promise<Effect[]>;
    }
  | {
      /**
       * A button that runs a command with the arguments its params name: parsed, guarded and
       * handled as the command typed would be (`help:late` is `/client help late`).
       */
      command: (params: string[]) => CommandCall;
    }
);

/** A command and its arguments by name, as a platform's options give them. */
export interface CommandCall {
  verb: string;
  options: Record<string, string>;
}

export function defineAction(def: ActionDef): ActionDef {
  return def;
}

export function actionId(name: string, ...params: (string | number)[]): string {
  return [name, ...params.map(String)].join(":");
}
