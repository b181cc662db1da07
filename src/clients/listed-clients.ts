import { clientNames } from "../../db/queries/clients.ts";
import type { Context } from "../core/context.ts";
import type { FormField } from "../messages/message.ts";

/** Most clients a form lists in a plain select (Slack's limit for a static select). */
export const LISTED_MAX = 100;

/**
 * The workspace's clients as a form's list, current clients first then by name; undefined
 * when there are more than a select holds (the type-ahead takes over).
 */
export async function listedClients(ctx: Context): Promise<{ value: string; label: string }[] | undefined> {
  const all = await clientNames(ctx.db, ctx.workspace.id);
  if (all.length === 0 || all.length > LISTED_MAX) return undefined;
  return all
    .sort(
      (a, b) =>
        Number(a.status !== "active") - Number(b.status !== "active") || a.displayName.localeCompare(b.displayName),
    )
    .map((c) => ({ value: c.slug, label: `${c.displayName} (${c.slug})` }));
}

/**
 * A form's client field: a plain select of the workspace's clients when they fit in one, else
 * a type-ahead (on Slack) that offers the clients as `suggest`'s command would.
 */
export async function clientField(ctx: Context, label: string, suggest: string): Promise<FormField> {
  const listed = await listedClients(ctx);
  return {
    id: "client",
    label,
    multiline: false,
    required: true,
    maxLength: 100,
    kind: "client",
    suggest,
    ...(listed ? { listed } : {}),
  };
}
