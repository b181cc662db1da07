import { type ClientRow, clientUsingName, insertAlias } from "../../db/queries/clients.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";

/** Lets a client be named by another short name too, audited; refused when the name is taken. */
export async function addAlias(ctx: Context, client: ClientRow, alias: string): Promise<void> {
  const taken = await clientUsingName(ctx.db, ctx.workspace.id, alias);
  if (taken) throw userError("alias-taken", (t) => t.clients.aliasTaken({ alias, name: taken.displayName }));
  const added = await ctx.db.transaction(async (tx) => {
    const ok = await insertAlias(tx, {
      workspaceId: ctx.workspace.id,
      clientId: client.id,
      alias,
      createdAt: ctx.clock.now(),
    });
    if (ok)
      await ctx.audit({ action: "client.alias", subjectType: "client", subjectId: client.id, details: { alias } }, tx);
    return ok;
  });
  if (added) return;
  // Of several claiming the name at once (add, alias), the database let one have it.
  const holder = await clientUsingName(ctx.db, ctx.workspace.id, alias);
  throw userError("alias-taken", (t) =>
    t.clients.aliasTaken({ alias, name: holder?.displayName ?? client.displayName }),
  );
}
