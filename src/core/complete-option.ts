import { clientNames } from "../../db/queries/clients.ts";
import { closest } from "../domain/edit-distance.ts";
import type { Context } from "./context.ts";

export interface Choice {
  label: string;
  value: string;
}

/** Autocomplete: clients matching what is typed so far (prefix first, then close names). */
export async function completeOption(ctx: Context): Promise<Choice[]> {
  const input = ctx.invocation.input;
  if (input.kind !== "autocomplete" || input.option !== "client") return [];
  const q = input.partial.trim().toLowerCase();
  const all = (await clientNames(ctx.db, ctx.workspace.id)).filter(
    (c) => ctx.user.isOwner || c.status !== "offboarding",
  );
  const prefixed = all.filter((c) => c.names.some((n) => n.startsWith(q)));
  const rest = q
    ? closest(
        q,
        all.filter((c) => !prefixed.includes(c)),
        (c) => c.names,
        25,
      )
    : [];
  return [...prefixed, ...rest]
    .slice(0, 25)
    .map((c) => ({ label: `${c.displayName} (${c.slug})`.slice(0, 100), value: c.slug }));
}
