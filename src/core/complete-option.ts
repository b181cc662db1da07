import { clientNames } from "../../db/queries/clients.ts";
import { invoiceNumbersLike } from "../../db/queries/invoices.ts";
import type { CommandLookup } from "../commands/parse-command.ts";
import { closest } from "../domain/edit-distance.ts";
import type { Context } from "./context.ts";

export interface Choice {
  label: string;
  value: string;
}

const MAX_CHOICES = 25;

/** Autocomplete of a command option, by what its argument offers (a client, an invoice number). */
export async function completeOption(ctx: Context, commands: CommandLookup): Promise<Choice[]> {
  const input = ctx.invocation.input;
  if (input.kind !== "autocomplete") return [];
  const offers =
    commands.get(input.verb.toLowerCase())?.args[input.option]?.autocomplete ??
    (input.option === "client" ? "client" : undefined);
  if (offers === "client") return completeClient(ctx, input.partial);
  if (offers === "invoice") return completeInvoice(ctx, input.partial);
  return [];
}

/** Clients matching what is typed so far (prefix first, then close names). */
async function completeClient(ctx: Context, partial: string): Promise<Choice[]> {
  const q = partial.trim().toLowerCase();
  const all = await clientNames(ctx.db, ctx.workspace.id);
  const prefixed = all.filter((c) => c.names.some((n) => n.startsWith(q)));
  const rest = q
    ? closest(
        q,
        all.filter((c) => !prefixed.includes(c)),
        (c) => c.names,
        MAX_CHOICES,
      )
    : [];
  return [...prefixed, ...rest]
    .slice(0, MAX_CHOICES)
    .map((c) => ({ label: `${c.displayName} (${c.slug})`.slice(0, 100), value: c.slug }));
}

/** Invoice numbers starting with what is typed, open ones first, each with its client's name. */
async function completeInvoice(ctx: Context, partial: string): Promise<Choice[]> {
  const rows = await invoiceNumbersLike(ctx.db, ctx.workspace.id, partial.slice(0, 40), MAX_CHOICES * 2);
  return rows
    .slice(0, MAX_CHOICES)
    .map((r) => ({ label: `${r.number} · ${r.clientName}`.slice(0, 100), value: r.number }));
}
