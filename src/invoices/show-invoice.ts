import { findClientById } from "../../db/queries/clients.ts";
import { findInvoiceByNumber } from "../../db/queries/invoices.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { looksLikeInvoiceNumber } from "../domain/identifiers.ts";
import { message } from "../messages/message.ts";
import { describeInvoice } from "./describe-invoice.ts";
import { loadAssessments } from "./load-assessments.ts";
import { today } from "./today.ts";

/**
 * `/client show INV-9` names an invoice, not a client: the invoice, said to be one, with its
 * state and charges. Undefined when the text is no invoice this user may see.
 */
export async function showInvoiceNamed(ctx: Context, text: string): Promise<Effect[] | undefined> {
  const number = text.trim();
  if (!looksLikeInvoiceNumber(number)) return undefined;
  const invoice = await findInvoiceByNumber(ctx.db, ctx.workspace.id, number);
  const client = invoice ? await findClientById(ctx.db, ctx.workspace.id, invoice.clientId) : undefined;
  if (!invoice || !client) return undefined;
  const [assessment] = await loadAssessments(ctx, { which: "all", invoiceIds: [invoice.id] });
  const { t, fmt } = ctx;
  const intro = t.invoices.isInvoice({ number: invoice.number, client: client.displayName, slug: client.slug });
  const m = message(intro).text(intro);
  if (assessment && (assessment.outstandingMinor > 0 || assessment.chargesOwedMinor > 0)) {
    const { line, details } = describeInvoice(assessment, t, fmt, today(ctx));
    m.text([line, ...details.map((d) => `   ${d}`)].join("\n"));
  } else {
    const l = t.invoices.list;
    m.text(
      l.line({
        number: invoice.number,
        client: client.displayName,
        amount: fmt.money(invoice.amountMinor, invoice.currency),
        due: fmt.date(invoice.dueOn),
        state: invoice.status === "void" ? l.voided : l.settled,
      }),
    );
  }
  return [reply(m.build())];
}
