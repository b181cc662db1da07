import { findClientById } from "../../db/queries/clients.ts";
import { findInvoiceByNumber, insertInvoice } from "../../db/queries/invoices.ts";
import { isVisible, requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { resolveTerms } from "../domain/charges/index.ts";
import { addDays, daysBetween } from "../domain/dates.ts";
import { currencyOfAmount } from "../domain/money.ts";
import { userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import { parseCurrency, parseDay, parseMoney } from "./parse-inputs.ts";
import { today } from "./today.ts";

export interface RecordInvoiceInput {
  client: string;
  number: string;
  amount: string;
  currency?: string | undefined;
  due?: string | undefined;
  issued?: string | undefined;
}

const MAX_TERM_DAYS = 365;

/**
 * `/client invoice acme INV-7 1200.00 EUR due 2026-01-15 [issued 2026-01-01]`. Without a due
 * date, the client's payment term applies; `due +30d` counts from the issue date.
 */
export async function recordInvoice(ctx: Context, input: RecordInvoiceInput): Promise<Effect[]> {
  const client = await requireClient(ctx, input.client);
  const currency = invoiceCurrency(input.amount, input.currency);
  const { minor } = parseMoney(input.amount, currency);
  const issuedOn = input.issued ? parseDay(input.issued, "issued") : today(ctx);
  const { terms } = resolveTerms(ctx.workspace.defaultTerms, client);
  const dueOn = dueDate(input.due, issuedOn, terms.paymentDays);
  if (dueOn < issuedOn) {
    throw userError("invalid.due-before-issued", (t) =>
      t.invoices.errors.dueBeforeIssued({ due: ctx.fmt.date(dueOn), issued: ctx.fmt.date(issuedOn) }),
    );
  }
  const number = input.number.trim().replace(/^#/, "");
  const taken = async () => {
    const existing = await findInvoiceByNumber(ctx.db, ctx.workspace.id, number);
    const owner = existing ? await findClientById(ctx.db, ctx.workspace.id, existing.clientId) : undefined;
    return userError("invoice-taken", (t) =>
      t.invoices.errors.numberTaken({
        number: existing?.number ?? number,
        client: owner && isVisible(ctx, owner) ? owner.displayName : "—",
        amount: existing ? ctx.fmt.money(existing.amountMinor, existing.currency) : "",
      }),
    );
  };
  if (await findInvoiceByNumber(ctx.db, ctx.workspace.id, number)) throw await taken();
  const invoice = await ctx.db.transaction(async (tx) => {
    const row = await insertInvoice(tx, {
      workspaceId: ctx.workspace.id,
      clientId: client.id,
      number,
      amountMinor: minor,
      currency,
      issuedOn,
      dueOn,
      createdBy: ctx.user.id,
      createdAt: ctx.clock.now(),
    });
    if (row) {
      await ctx.audit(
        {
          action: "invoice.recorded",
          subjectType: "invoice",
          subjectId: row.id,
          details: { number, client: client.slug, amountMinor: minor, currency, issuedOn, dueOn },
        },
        tx,
      );
    }
    return row;
  });
  // A concurrent record of the same number loses the race on the unique index.
  if (!invoice) throw await taken();

  const { t, fmt } = ctx;
  const text = t.invoices.recorded({
    number,
    client: client.displayName,
    amount: fmt.money(minor, currency),
    issued: fmt.date(issuedOn),
    due: fmt.date(dueOn),
  });
  const late = daysBetween(dueOn, today(ctx));
  const lines = [text];
  if (late > 0) lines.push(t.invoices.recordedLate({ days: late }));
  return [
    reply(
      message(lines.join(" "))
        .text(lines.join(" "))
        .context(
          terms.law === "none"
            ? t.invoices.recordedNoCharges({ client: client.slug })
            : t.invoices.recordedLaw({ law: t.invoices.laws[terms.law] }),
        )
        .build(),
    ),
  ];
}

/** The currency given as a word, or written with the amount; both must agree; one is needed. */
function invoiceCurrency(amount: string, word: string | undefined): string {
  const given = word ? parseCurrency(word) : undefined;
  const embedded = currencyOfAmount(amount);
  if (embedded === "unknown") {
    throw userError("invalid.currency", (t) => t.invoices.errors.currencyUnknown({ value: amount }));
  }
  if (given && embedded && given !== embedded) {
    throw userError("invalid.currency", (t) => t.invoices.errors.currencyConflict({ first: embedded, second: given }));
  }
  const currency = given ?? embedded;
  if (!currency) throw userError("missing-currency", (t) => t.invoices.errors.currencyMissing({ amount }));
  return currency;
}

function dueDate(value: string | undefined, issuedOn: string, paymentDays: number): string {
  if (value === undefined) return addDays(issuedOn, paymentDays);
  const offset = /^\+(\d{1,3})d?$/i.exec(value.trim());
  if (offset) {
    const days = Number(offset[1]);
    if (days > MAX_TERM_DAYS) throw userError("invalid.due", (t) => t.invoices.errors.dueOffset({ value }));
    return addDays(issuedOn, days);
  }
  if (value.trim().startsWith("+")) throw userError("invalid.due", (t) => t.invoices.errors.dueOffset({ value }));
  return parseDay(value, "due");
}
