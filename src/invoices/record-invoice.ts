import { findClientById } from "../../db/queries/clients.ts";
import { countClientInvoices, findInvoiceByNumber, type InvoiceRow, insertInvoice } from "../../db/queries/invoices.ts";
import { adoptDefaultCurrency } from "../../db/queries/workspaces.ts";
import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { resolveTerms } from "../domain/charges/index.ts";
import { addDays, daysBetween } from "../domain/dates.ts";
import { currencyOfAmount } from "../domain/money.ts";
import { aboutField, userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import { dayOptions, parseCurrency, parseDay, parseMoney } from "./parse-inputs.ts";
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
 * date, the client's payment term applies; without an issue date, the invoice went out that
 * term before its due date (never later than today); `due +30d` counts from the issue date.
 * Without a currency, the workspace's default one; the first currency used becomes it.
 */
export async function recordInvoice(ctx: Context, input: RecordInvoiceInput): Promise<Effect[]> {
  // Each problem names the input it is about, so a form shows it under that field.
  const client = await aboutField("client", () => requireClient(ctx, input.client));
  const currency = invoiceCurrency(input.amount, input.currency, ctx.workspace.defaultCurrency);
  const { minor } = await aboutField("amount", () => parseMoney(input.amount, currency, undefined, "credit-any"));
  const { terms, sources } = resolveTerms(ctx.workspace.defaultTerms, client);
  const { issuedOn, dueOn } = invoiceDates(ctx, input, terms.paymentDays);
  const number = input.number.trim().replace(/^#/, "");
  const taken = async () => {
    const existing = await findInvoiceByNumber(ctx.db, ctx.workspace.id, number);
    const owner = existing ? await findClientById(ctx.db, ctx.workspace.id, existing.clientId) : undefined;
    return userError(
      "invoice-taken",
      (t) =>
        t.invoices.errors.numberTaken({
          number: existing?.number ?? number,
          client: owner?.displayName ?? "—",
          amount: existing ? ctx.fmt.money(existing.amountMinor, existing.currency) : "",
        }),
      "number",
    );
  };
  if (await findInvoiceByNumber(ctx.db, ctx.workspace.id, number)) throw await taken();
  const invoice = await writeInvoice(ctx, client, { number, amountMinor: minor, currency, issuedOn, dueOn });
  // A concurrent record of the same number loses the race on the unique index.
  if (!invoice) throw await taken();
  const adopted =
    ctx.workspace.defaultCurrency === null && (await adoptDefaultCurrency(ctx.db, ctx.workspace.id, currency));

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
  const m = message(lines.join(" ")).text(lines.join(" "));
  if (terms.law !== "none") m.context(t.invoices.recordedLaw({ law: t.invoices.laws[terms.law] }));
  else if (sources.law === "default" && (await countClientInvoices(ctx.db, ctx.workspace.id, client.id)) === 1) {
    // Nobody chose "no charges": said once per client, on its first invoice.
    m.context(t.invoices.noChargesTip({ client: client.displayName, slug: client.slug }));
  }
  if (adopted) m.context(t.invoices.currencyAdopted({ currency }));
  return [reply(m.build())];
}

/** The issue and due dates as typed, or as the payment term implies; a UserError if they conflict. */
function invoiceDates(ctx: Context, input: RecordInvoiceInput, paymentDays: number) {
  const now = today(ctx);
  const typedIssue = input.issued ? parseDay(input.issued, "issued", dayOptions(ctx)) : undefined;
  const relative = input.due !== undefined && /^\+/.test(input.due.trim());
  // `due +30d` counts from the issue date, so the issue date comes first.
  const baseIssue = typedIssue ?? now;
  const dueOn = input.due === undefined ? addDays(baseIssue, paymentDays) : dueDate(ctx, input.due, baseIssue);
  const issuedOn =
    typedIssue ?? (relative || input.due === undefined ? now : minDay(now, addDays(dueOn, -paymentDays)));
  if (dueOn < issuedOn) {
    const suggested = addDays(dueOn, -paymentDays);
    throw userError(
      "invalid.due-before-issued",
      (t) =>
        t.invoices.errors.dueBeforeIssued({
          due: ctx.fmt.date(dueOn),
          issued: ctx.fmt.date(issuedOn),
          suggested: ctx.fmt.date(suggested),
        }),
      "due",
    );
  }
  return { issuedOn, dueOn };
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

export interface InvoiceValues {
  number: string;
  amountMinor: number;
  currency: string;
  issuedOn: string;
  dueOn: string;
  /** A synced invoice: its source and the source's id for it. */
  source?: string | undefined;
  externalId?: string | undefined;
}

/**
 * Writes a checked invoice and its audit entry in one transaction; undefined when its
 * number is already taken. `/client invoice` and the invoice sources both record through it.
 */
export async function writeInvoice(
  ctx: Context,
  client: { id: number; slug: string },
  values: InvoiceValues,
  auditDetails: Record<string, unknown> = {},
): Promise<InvoiceRow | undefined> {
  return ctx.db.transaction(async (tx) => {
    const row = await insertInvoice(tx, {
      workspaceId: ctx.workspace.id,
      clientId: client.id,
      number: values.number,
      amountMinor: values.amountMinor,
      currency: values.currency,
      issuedOn: values.issuedOn,
      dueOn: values.dueOn,
      source: values.source ?? null,
      externalId: values.externalId ?? null,
      createdBy: ctx.user.id,
      createdAt: ctx.clock.now(),
    });
    if (row) {
      await ctx.audit(
        {
          action: "invoice.recorded",
          subjectType: "invoice",
          subjectId: row.id,
          details: {
            number: values.number,
            client: client.slug,
            amountMinor: values.amountMinor,
            currency: values.currency,
            issuedOn: values.issuedOn,
            dueOn: values.dueOn,
            ...auditDetails,
          },
        },
        tx,
      );
    }
    return row;
  });
}

/**
 * The currency given as a word, or written with the amount (both must agree), else the
 * workspace's default; one is needed.
 */
function invoiceCurrency(amount: string, word: string | undefined, fallback: string | null): string {
  const given = word ? parseCurrency(word, "currency") : undefined;
  const embedded = currencyOfAmount(amount);
  if (embedded === "unknown") {
    throw userError("invalid.currency", (t) => t.invoices.errors.currencyUnknown({ value: amount }), "amount");
  }
  if (given && embedded && given !== embedded) {
    throw userError(
      "invalid.currency",
      (t) => t.invoices.errors.currencyConflict({ first: embedded, second: given }),
      "currency",
    );
  }
  const currency = given ?? embedded ?? fallback ?? undefined;
  if (!currency) throw userError("missing-currency", (t) => t.invoices.errors.currencyMissing({ amount }), "currency");
  return currency;
}

/** `due 2026-01-15`, `due 15 Jan 2026`, `due in 30 days`, or `due +30d` (from the issue date, up to a year). */
function dueDate(ctx: Context, value: string, issuedOn: string): string {
  const offset = /^\+\s*(\d+)/.exec(value.trim());
  if (offset && Number(offset[1]) > MAX_TERM_DAYS) {
    throw userError("invalid.due", (t) => t.invoices.errors.dueOffset({ value }), "due");
  }
  try {
    return parseDay(value, "due", dayOptions(ctx, issuedOn));
  } catch (error) {
    if (offset || value.trim().startsWith("+"))
      throw userError("invalid.due", (t) => t.invoices.errors.dueOffset({ value }), "due");
    throw error;
  }
}
