import { updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
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
