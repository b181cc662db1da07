import { memberNames } from "../../db/queries/members.ts";
import type { PaymentLine } from "../../db/queries/open-invoices.ts";
import type { Context } from "../core/context.ts";
import { actionId } from "../core/define-action.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";
import { changeInvoice } from "./change-invoice.ts";
import { refuseSynced } from "./refuse-synced.ts";
import { requireInvoice } from "./require-invoice.ts";
import { reversePaymentLines, standingLines } from "./reverse-payment.ts";

export const UNPAY_ACTION = "unpay";

/**
 * `/client unpay INV-9 [line]` (owner only, checked by the command and the button): takes back
 * a payment, credit note or charges paid, at any time, under the invoice's lock. With several
 * lines and none named, lists them to choose from. The line is stamped reversed, the invoice's
 * state and charges are decided again, and the audit log records who reversed what.
 */
export async function unpayPayment(
  ctx: Context,
  number: string,
  line: { index: string } | { paymentId: number } | undefined,
): Promise<Effect[]> {
  const { invoice } = await requireInvoice(ctx, number);
  // A synced invoice's payments come from its source: reversed there, they follow.
  refuseSynced(ctx, invoice);
  const outcome = await changeInvoice(ctx, invoice, async (tx, current) => {
    if (current.source.invoice.status === "void") {
      throw userError("invoice-void", (t) => t.undo.unpay.isVoid({ number: invoice.number }));
    }
    const lines = current.source.payments;
    if (lines.length === 0) throw userError("no-payment", (t) => t.undo.unpay.none({ number: invoice.number }));
    const chosen = pick(lines, line, invoice.number);
    if (!chosen) return { choose: current };
    const after = await reversePaymentLines(tx, ctx, current, [chosen]);
    if (!after) throw userError("payments-changed", (t) => t.undo.unpay.changed({ number: invoice.number }));
    await ctx.audit(
      {
        action: "payment.reversed",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: {
          number: invoice.number,
          paymentId: chosen.id,
          kind: chosen.kind,
          amountMinor: chosen.amountMinor,
          paidOn: chosen.paidOn,
          recordedBy: chosen.recordedBy,
          status: after.source.invoice.status,
          chargesStatus: after.source.invoice.chargesStatus,
        },
      },
      tx,
    );
    return { reversed: chosen, after };
  });
  const names = await memberNames(
    ctx.db,
    ctx.workspace.id,
    ("choose" in outcome ? outcome.choose.source.payments : [outcome.reversed]).map((p) => p.recordedBy),
  );
  const by = (p: PaymentLine) => names.get(p.recordedBy) ?? p.recordedBy;
  if ("choose" in outcome) return [reply(chooseMessage(ctx, outcome.choose, by))];
  const { reversed, after } = outcome;
  const text = [
    ctx.t.undo.unpay.reversed({ what: lineText(ctx, after, reversed), by: by(reversed) }),
    ...standingLines(ctx, after),
  ].join(" ");
  return [reply(message(text).text(text).build())];
}

/** The line named by its place in the list (`2`), by its id (a button), or the only one. */
function pick(
  lines: readonly PaymentLine[],
  line: { index: string } | { paymentId: number } | undefined,
  number: string,
): PaymentLine | undefined {
  if (line === undefined) return lines.length === 1 ? lines[0] : undefined;
  if ("paymentId" in line) {
    const found = lines.find((l) => l.id === line.paymentId);
    if (!found) throw userError("payments-changed", (t) => t.undo.unpay.changed({ number }));
    return found;
  }
  const index = /^\d{1,3}$/.test(line.index.trim()) ? Number(line.index.trim()) : Number.NaN;
  const found = lines[index - 1];
  if (!found) {
    throw userError("no-such-line", (t) =>
      t.undo.unpay.noSuchLine({ number, value: line.index.slice(0, 20), count: lines.length }),
    );
  }
  return found;
}

function lineText(ctx: Context, a: InvoiceAssessment, line: PaymentLine): string {
  return ctx.t.undo.what[line.kind]({
    amount: ctx.fmt.money(line.amountMinor, a.source.invoice.currency),
    number: a.source.invoice.number,
    client: a.source.client.displayName,
    date: ctx.fmt.date(line.paidOn),
  });
}

function chooseMessage(ctx: Context, a: InvoiceAssessment, by: (p: PaymentLine) => string) {
  const { t } = ctx;
  const lines = a.source.payments;
  const intro = t.undo.unpay.choose({ number: a.source.invoice.number });
  const list = lines.map((p, i) => t.undo.unpay.line({ index: i + 1, what: lineText(ctx, a, p), by: by(p) }));
  return message([intro, ...list].join("\n"))
    .text([intro, ...list].join("\n"))
    .buttons(
      lines.slice(0, 5).map((p, i) => ({
        id: actionId(UNPAY_ACTION, a.source.invoice.id, p.id),
        label: t.undo.unpay.button({ index: i + 1, amount: ctx.fmt.money(p.amountMinor, a.source.invoice.currency) }),
      })),
    )
    .build();
}
