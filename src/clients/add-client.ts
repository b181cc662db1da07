import { type ClientRow, clientUsingName, insertClient } from "../../db/queries/clients.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";

/**
 * Adds a client under its short name, audited. Refused when a client already answers to that
 * name (as its slug, an alias or its display name); of several adding it at once, one wins.
 */
export async function addClient(ctx: Context, slug: string, displayName: string): Promise<ClientRow> {
  const taken = await clientUsingName(ctx.db, ctx.workspace.id, slug);
  if (taken) throw userError("slug-taken", (t) => t.clients.slugTaken({ slug, name: taken.displayName }));
  const client = await ctx.db.transaction(async (tx) => {
    const row = await insertClient(tx, {
      workspaceId: ctx.workspace.id,
      slug,
      displayName,
      createdBy: ctx.user.id,
      createdAt: ctx.clock.now(),
    });
    if (row)
      await ctx.audit({ action: "client.added", subjectType: "client", subjectId: row.id, details: { slug } }, tx);
    return row;
  });
  if (client) return client;
  // Of several claiming the name at once (add, alias), the database let one have it.
  const holder = await clientUsingName(ctx.db, ctx.workspace.id, slug);
  throw userError("slug-taken", (t) => t.clients.slugTaken({ slug, name: holder?.displayName ?? slug }));
}

/** `acme` → "Acme", `acme-corp` → "Acme Corp". */
export function nameFromSlug(slug: string): string {
  return slug
    .split("-")
    .filter(Boolean)
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join(" ");
}
