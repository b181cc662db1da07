import { z } from "zod";
import type { SourceChange } from "../../src/connectors/connector.ts";
import { MalformedChangeError } from "../../src/connectors/validate-source-change.ts";
import { localDate } from "../../src/domain/dates.ts";

/** The Stripe events Tact listens to (the webhook endpoint should send these). */
export const stripeEventTypes = [
  "invoice.finalized",
  "invoice.updated",
  "invoice.paid",
  "invoice.payment_succeeded",
  "invoice.voided",
  "invoice.marked_uncollectible",
  "credit_note.created",
  "customer.updated",
] as const;

const seconds = z.number().int().nonnegative();
const idOf = z.union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((o) => o.id)]);

// Only the fields Tact reads; Stripe's objects carry many more (see test/stripe/fixtures).
const invoiceSchema = z.object({
  id: z.string().min(1),
  object: z.literal("invoice"),
  customer: idOf,
  customer_name: z.string().nullish(),
  number: z.string().nullish(),
  currency: z.string().regex(/^[a-z]{3}$/i),
  total: z.number().int().nonnegative(),
  amount_paid: z.number().int().nonnegative(),
  created: seconds,
  due_date: seconds.nullish(),
  effective_at: seconds.nullish(),
  status: z.enum(["draft", "open", "paid", "void", "uncollectible"]).nullish(),
  status_transitions: z.object({ finalized_at: seconds.nullish(), paid_at: seconds.nullish() }).partial().nullish(),
});

const creditNoteSchema = z.object({
  id: z.string().min(1),
  object: z.literal("credit_note"),
  invoice: idOf,
  amount: z.number().int().nonnegative(),
  created: seconds,
  effective_at: seconds.nullish(),
  status: z.enum(["issued", "void"]),
});

const customerSchema = z.object({
  id: z.string().min(1),
  object: z.literal("customer"),
  name: z.string().nullish(),
});

export type StripeObjectKind = "invoice" | "credit_note" | "customer";

/**
 * A Stripe object as a change for the core, dated `version` (seconds), its days taken in the
 * workspace's time zone. Throws MalformedChangeError when the object lacks what Tact needs.
 */
export function mapStripeObject(object: unknown, version: number, timezone: string): SourceChange {
  const kind = (object as { object?: unknown } | null)?.object;
  const externalId = String((object as { id?: unknown } | null)?.id ?? "?");
  const day = (s: number) => localDate(new Date(s * 1000), timezone);
  const fail = (error: z.ZodError): never => {
    throw new MalformedChangeError(
      externalId,
      error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  };
  if (kind === "invoice") {
    const parsed = invoiceSchema.safeParse(object);
    if (!parsed.success) return fail(parsed.error);
    const inv = parsed.data;
    const issuedAt = inv.status_transitions?.finalized_at ?? inv.effective_at ?? inv.created;
    const issuedOn = day(issuedAt);
    const paidAt = inv.status_transitions?.paid_at;
    return {
      kind: "invoice",
      externalId: inv.id,
      version,
      invoice: {
        customerId: inv.customer,
        customerName: inv.customer_name ?? null,
        number: inv.number ?? null,
        currency: inv.currency.toUpperCase(),
        totalMinor: inv.total,
        issuedOn,
        // Charged automatically, an invoice has no due date: it is due when issued.
        dueOn: inv.due_date ? day(inv.due_date) : issuedOn,
        paidMinor: inv.amount_paid,
        paidOn: paidAt ? day(paidAt) : inv.amount_paid > 0 ? day(version) : null,
        status: inv.status ?? "draft",
      },
    };
  }
  if (kind === "credit_note") {
    const parsed = creditNoteSchema.safeParse(object);
    if (!parsed.success) return fail(parsed.error);
    const cn = parsed.data;
    return {
      kind: "credit_note",
      externalId: cn.id,
      version,
      credit: {
        invoiceId: cn.invoice,
        amountMinor: cn.amount,
        issuedOn: day(cn.effective_at ?? cn.created),
        voided: cn.status === "void",
      },
    };
  }
  if (kind === "customer") {
    const parsed = customerSchema.safeParse(object);
    if (!parsed.success) return fail(parsed.error);
    return { kind: "customer", externalId: parsed.data.id, version, customer: { name: parsed.data.name ?? null } };
  }
  throw new MalformedChangeError(externalId, [`object: expected an invoice, a credit note or a customer`]);
}
