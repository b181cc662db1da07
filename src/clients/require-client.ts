import { type ClientRow, clientNames, findClient } from "../../db/queries/clients.ts";
import type { Context } from "../core/context.ts";
import { closest } from "../domain/edit-distance.ts";
import { SLUG } from "../domain/identifiers.ts";
import { userError } from "../errors.ts";

/**
 * The client the user named, or a UserError naming the closest existing clients and how to
 * add it. Never creates a client: a typo must not become a new client silently.
 */
export async function requireClient(ctx: Context, query: string): Promise<ClientRow> {
  const found = await findClient(ctx.db, ctx.workspace.id, query);
  if (found) return found;
  const all = await clientNames(ctx.db, ctx.workspace.id);
  const suggestions = closest(query, all, (c) => c.names).map((c) =>
    c.displayName.toLowerCase() === c.slug ? c.slug : `${c.slug} (${c.displayName})`,
  );
  const slug = query.toLowerCase();
  throw userError("unknown-client", (t) =>
    t.clients.unknown({
      query,
      suggestions: suggestions.length > 0 ? ctx.fmt.orList(suggestions) : "",
      slug: SLUG.test(slug) ? slug : undefined,
    }),
  );
}
