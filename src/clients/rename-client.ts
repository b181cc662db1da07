import { type ClientRow, updateClient } from "../../db/queries/clients.ts";
import type { Context } from "../core/context.ts";

/** Changes a client's display name (its short names stay), audited with the old and new names. */
export async function renameClient(ctx: Context, client: ClientRow, displayName: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await updateClient(tx, ctx.workspace.id, client.id, { displayName });
    await ctx.audit(
      {
        action: "client.renamed",
        subjectType: "client",
        subjectId: client.id,
        details: { from: client.displayName, to: displayName },
      },
      tx,
    );
  });
}
