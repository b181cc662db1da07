import type { Invoice } from "xero-node/dist/gen/model/accounting/invoice.js";
import { z } from "zod";
import type { SourceChange } from "../../src/connectors/connector.ts";
import { MalformedChangeError } from "../../src/connectors/validate-source-change.ts";
import { currencyDigits, toCurrency } from "../../src/domain/money.ts";

/** xero-node turns Xero's `/Date(1539993600000+0000)/` into a Date; a plain ISO text may come too. */
const dayOf = z.union([z.date(), z.string()]).transform((v, ctx) => {
  const day = v instanceof Date ? (Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10)) : v.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    ctx.addIssue({ code: "custom", message: "a date" });
    return z.NEVER;
  }
  return day;
});
const instant = z.date().refine((d) => !Number.isNaN(d.getTime()), "a time");
const amount = z.number().finite().min(0);

// Only the fields Tact reads (xero-node's names); Xero's invoices carry many more.
const invoiceSchema = z.object({
  invoiceID: z.string().min(1).max(100),
  type: z.string(),
  invoiceNumber: z.string().nullish(),
  contact: z.object({ contactID: z.string().min(1).max(100), name: z.string().nullish() }),
  currencyCode: z.string(),
  total: amount,
  amountPaid: amount.default(0),
  amountCredited: amount.default(0),
  amountDue: amount.default(0),
  date: dayOf,
  dueDate: dayOf.nullish(),
  status: z.enum(["DRAFT", "SUBMITTED", "DELETED", "AUTHORISED", "PAID", "VOIDED"]),
  updatedDateUTC: instant,
  payments: z.array(z.object({ date: dayOf.nullish(), amount: amount.nullish() })).nullish(),
  creditNotes: z
    .array(
      z.object({ creditNoteID: z.string().min(1).max(100), appliedAmount: amount.nullish(), date: dayOf.nullish() }),
    )
    .nullish(),
});

const STATUS = {
  AUTHORISED: "open",
  PAID: "paid",
  VOIDED: "void",
  // Xero deletes only drafts and invoices awaiting approval (an approved one is voided):
  // none of them was ever recorded in Tact, and none is.
  DELETED: "draft",
  DRAFT: "draft",
  SUBMITTED: "draft",
} as const;

/**
 * A Xero invoice as changes for the core: one per credit note applied to it, then the
 * invoice itself (its payments as the running total paid). Sales invoices (ACCREC) only: a
 * bill (ACCPAY) gives no change. Days are Xero's own (an organisation's invoice dates are
 * days, not instants). Throws MalformedChangeError when the invoice lacks what Tact needs or
 * its amounts do not add up: nothing of it is then written.
 */
export function mapXeroInvoice(raw: Invoice | unknown): SourceChange[] {
  const externalId = String((raw as { invoiceID?: unknown } | null)?.invoiceID ?? "?");
  const parsed = invoiceSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MalformedChangeError(
      externalId,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  }
  const inv = parsed.data;
  if (inv.type !== "ACCREC") return [];
  const currency = toCurrency(inv.currencyCode);
  if (!currency) throw new MalformedChangeError(externalId, [`currencyCode: not a currency (${inv.currencyCode})`]);
  const problems: string[] = [];
  const minor = (value: number, field: string): number => {
    const digits = currencyDigits(currency);
    const scaled = value * 10 ** digits;
    const rounded = Math.round(scaled);
    if (Math.abs(scaled - rounded) > 1e-6) problems.push(`${field}: more decimals than ${currency} has`);
    if (!Number.isSafeInteger(rounded)) problems.push(`${field}: too large`);
    return rounded;
  };
  const total = minor(inv.total, "total");
  const paid = minor(inv.amountPaid, "amountPaid");
  const credited = minor(inv.amountCredited, "amountCredited");
  const due = minor(inv.amountDue, "amountDue");
  const credits = (inv.creditNotes ?? [])
    .map((c) => ({ id: c.creditNoteID, minor: minor(c.appliedAmount ?? 0, "creditNotes.appliedAmount"), day: c.date }))
    .filter((c) => c.minor > 0);
  const creditNotesMinor = credits.reduce((sum, c) => sum + c.minor, 0);
  // Paid + credited + due = total, to the cent; what is credited beyond the credit notes came
  // from prepayments and overpayments: money received, so counted as paid.
  if (Math.abs(paid + credited + due - total) > 1)
    problems.push("amounts: paid, credited and due do not add up to the total");
  if (creditNotesMinor > credited + 1) problems.push("creditNotes: more applied than the invoice says is credited");
  if (problems.length > 0) throw new MalformedChangeError(externalId, problems);
  const version = Math.floor(inv.updatedDateUTC.getTime() / 1000);
  const status = STATUS[inv.status];
  const paidMinor = paid + Math.max(0, credited - creditNotesMinor);
  const paidDays = (inv.payments ?? []).flatMap((p) => (p.date ? [p.date] : [])).sort();
  const changes: SourceChange[] = credits.map((c) => ({
    kind: "credit_note" as const,
    // A credit note may be shared among several invoices: one change per invoice it credits.
    externalId: `${c.id}:${inv.invoiceID}`,
    version,
    credit: { invoiceId: inv.invoiceID, amountMinor: c.minor, issuedOn: c.day ?? inv.date, voided: false },
  }));
  changes.push({
    kind: "invoice",
    externalId: inv.invoiceID,
    version,
    invoice: {
      customerId: inv.contact.contactID,
      customerName: inv.contact.name?.trim() || null,
      number: inv.invoiceNumber?.trim() || null,
      currency,
      totalMinor: total,
      issuedOn: inv.date,
      // Xero asks for a due date on sales invoices; without one, it is due when issued.
      dueOn: inv.dueDate ?? inv.date,
      paidMinor,
      paidOn: paidMinor > 0 ? (paidDays.at(-1) ?? null) : null,
      status,
    },
  });
  return changes;
}
