import { updateInvoice } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import { changeInvoice } from "./change-invoice.ts";
import { explainCharges } from "./explain-charges.ts";
import { recordGivenUp, standingOf } from "./record-history.ts";
import { requireInvoice } from "./require-invoice.ts";

/**
 * `/client waive INV-7 [note]`: a conscious write-off of the late-payment charges, with the
 * amount and how it was computed kept in the invoice's history and the audit log: the card
 * and the record go on showing what was owed, marked as waived. On an unpaid invoice, no
 * interest runs any more.
 */
export async function waiveCharges(ctx: Context, number: string, note: string | undefined): Promise<Effect[]> {
  const { invoice, client } = await requireInvoice(ctx, number);
  // Checked and written under the lock: what is waived is exactly what was owed at that moment.
  const a = await changeInvoice(ctx, invoice, async (tx, current) => {
    const row = current.source.invoice;
    if (row.status === "void")
      throw userError("invoice-void", (t) => t.invoices.errors.isVoid({ number: invoice.number }));
    if (row.chargesStatus === "waived") {
      throw userError("charges-waived", (t) => t.invoices.errors.chargesWaived({ number: invoice.number }));
    }
    if (current.chargesOwedMinor === 0)
      throw userError("no-charges", (t) => t.invoices.errors.noCharges({ number: invoice.number }));
    await updateInvoice(tx, ctx.workspace.id, invoice.id, { chargesStatus: "waived" });
    await recordGivenUp(tx, ctx, "waiver", standingOf(current), { note });
    await ctx.audit(
      {
        action: "invoice.charges-waived",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: {
          number: invoice.number,
          waivedMinor: current.chargesOwedMinor,
          currency: invoice.currency,
          interestMinor: current.charges.interestMinor,
          feeMinor: current.charges.fee?.minor ?? 0,
          settledMinor: current.chargesSettledMinor,
          daysLate: current.charges.daysLate,
          ...(note ? { note } : {}),
        },
      },
      tx,
    );
    return current;
  });
  const { t, fmt } = ctx;
  const text = t.invoices.waived({
    number: invoice.number,
    client: client.displayName,
    amount: fmt.money(a.chargesOwedMinor, invoice.currency),
  });
  const m = message(text).text(text);
  m.text(
    explainCharges(a.charges, a.chargesSettledMinor, t, fmt, client.slug)
      .map((l) => `• ${l}`)
      .join("\n"),
  );
  if (a.outstandingMinor > 0) m.context(t.invoices.waivedOpen);
  m.context(t.invoices.history.kept({ kind: "waiver" }));
  return [reply(m.build())];
}
