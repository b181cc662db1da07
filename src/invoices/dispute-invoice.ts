import { updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { formatPause, parsePauses } from "../domain/charges/index.ts";
import { daysBetween } from "../domain/dates.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import { changeInvoice } from "./change-invoice.ts";
import { requireInvoice } from "./require-invoice.ts";
import { today } from "./today.ts";

/**
 * `/client dispute INV-7 <note>`: reminders and charges pause from today. Checked and written
 * with the invoice row locked: of two people disputing at once, one does, the other is told.
 */
export async function disputeInvoice(ctx: Context, number: string, note: string): Promise<Effect[]> {
  const { invoice: found, client } = await requireInvoice(ctx, number);
  const day = today(ctx);
  await changeInvoice(ctx, found, async (tx, current) => {
    const invoice = current.source.invoice;
    if (invoice.status !== "open")
      throw userError("not-open", (t) => t.invoices.errors.notOpen({ number: invoice.number }));
    if (invoice.disputedSince) {
      const since = invoice.disputedSince;
      throw userError("already-disputed", (t) =>
        t.invoices.errors.alreadyDisputed({ number: invoice.number, date: ctx.fmt.date(since) }),
      );
    }
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
        ctx.t.invoices.disputed({ number: found.number, client: client.displayName, date: ctx.fmt.date(day) }),
      ),
    ),
  ];
}

/** `/client resume INV-7`: the dispute becomes a closed pause; reminders and charges run again. */
export async function resumeInvoice(ctx: Context, number: string): Promise<Effect[]> {
  const { invoice: found, client } = await requireInvoice(ctx, number);
  const day = today(ctx);
  const since = await changeInvoice(ctx, found, async (tx, current) => {
    const invoice = current.source.invoice;
    const since = invoice.disputedSince;
    if (!since) throw userError("not-disputed", (t) => t.invoices.errors.notDisputed({ number: invoice.number }));
    const pauses = parsePauses(invoice.pauses).map(formatPause);
    if (since < day) pauses.push(formatPause({ from: since, to: day }));
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
    return since;
  });
  return [
    reply(
      textMessage(
        ctx.t.invoices.resumed({ number: found.number, client: client.displayName, days: daysBetween(since, day) }),
      ),
    ),
  ];
}
