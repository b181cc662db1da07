import type { Db } from "../../db/database.ts";
import type { ActionEntry } from "../../db/queries/actions.ts";
import type { Context } from "../core/context.ts";

/** How long after an action `/client undo` may take it back. */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** One kind of action `/client undo` can take back. */
export interface UndoKind {
  /** The audit actions it takes back. */
  actions: readonly string[];
  /** What taking it back withdraws, in words: "the payment of €2,000.00 on INV-9 (ACME Corp)…". */
  describe(ctx: Context, entry: ActionEntry): Promise<string>;
  /**
   * Takes it back in `tx` (the caller has recorded the undo there). Throws a UserError when
   * something recorded since prevents it; the transaction then writes nothing. Returns lines
   * to add to the answer (where the invoice now stands), or undefined when it was already
   * taken back another way (an incident withdrawn, a payment reversed by the owner).
   */
  withdraw(ctx: Context, tx: Db, entry: ActionEntry): Promise<string[] | undefined>;
  /** Said when it is too late to undo it: another way to take it back, if there is one. */
  later?(ctx: Context, entry: ActionEntry): string | undefined;
}
