import { updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { formatPause, parsePauses } from "../domain/charges/index.ts";
import { daysBetween } from "../domain/dates.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import { requireInvoice } from "./require-invoice.ts";
import { today } from "./today.ts";

/** `/client dispute INV-7 <note>`: reminders and charges pause from today. */
export async function disputeInvoice(ctx: Context, number: string, note: string): Promise<Effect[]> {
  const { invoice, client } = await requireInvoice(ctx, number);
  if (invoice.status !== "open")
    throw userError("not-open", (t) => t.invoices.errors.notOpen({ number: invoice.number }));
  if (invoice.disputedSince) {
    const since = invoice.disputedSince;
    throw userError("already-disputed", (t) =>
      t.invoices.errors.alreadyDisputed({ number: invoice.number, date: ctx.fmt.date(since) }),
    );
  }
  const day = today(ctx);
  await ctx.db.transaction(async (tx) => {
    await updateInvoice(tx, ctx.workspace.id, invoice.id, { disputedSince: day, disputeNote: note });
    await ctx.audit(
      {
        action: "invoice.disputed",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: { number: invoice.number, note },
      },
      tx,
    );
  });
  return [
    reply(
      textMessage(
        ctx.t.invoices.disputed({ number: invoice.number, client: client.displayName, date: ctx.fmt.date(day) }),
      ),
    ),
  ];
}

/** `/client resume INV-7`: the dispute becomes a closed pause; reminders and charges run again. */
export async function resumeInvoice(ctx: Context, number: string): Promise<Effect[]> {
  const { invoice, client } = await requireInvoice(ctx, number);
  const since = invoice.disputedSince;
  if (!since) throw userError("not-disputed", (t) => t.invoices.errors.notDisputed({ number: invoice.number }));
  const day = today(ctx);
  const pauses = parsePauses(invoice.pauses).map(formatPause);
  if (since < day) pauses.push(formatPause({ from: since, to: day }));
  await ctx.db.transaction(async (tx) => {
    await updateInvoice(tx, ctx.workspace.id, invoice.id, { disputedSince: null, pauses });
    await ctx.audit(
      {
        action: "invoice.resumed",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: { number: invoice.number, from: since, to: day },
      },
      tx,
    );
  });
  return [
    reply(
      textMessage(
        ctx.t.invoices.resumed({ number: invoice.number, client: client.displayName, days: daysBetween(since, day) }),
      ),
    ),
  ];
}
