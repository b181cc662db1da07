import { z } from "zod";
import { isIsoDate } from "../domain/dates.ts";
import type { SourceChange } from "./connector.ts";

/** A change from a source that is not well formed: logged and skipped, nothing written. */
export class MalformedChangeError extends Error {
  constructor(
    readonly externalId: string,
    readonly problems: string[],
  ) {
    super(`malformed ${externalId}: ${problems.join("; ")}`);
    this.name = "MalformedChangeError";
  }
}

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const day = z.string().refine(isIsoDate, "a day YYYY-MM-DD");
const id = z.string().min(1).max(200);

const invoice = z.object({
  customerId: id,
  customerName: z.string().max(500).nullable(),
  number: z.string().min(1).max(100).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO currency code"),
  totalMinor: minor,
  issuedOn: day,
  dueOn: day,
  paidMinor: minor,
  paidOn: day.nullable(),
  status: z.enum(["draft", "open", "paid", "void", "uncollectible"]),
});

const change = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("invoice"), externalId: id, version: z.number().int().min(0), invoice }),
  z.object({
    kind: z.literal("credit_note"),
    externalId: id,
    version: z.number().int().min(0),
    credit: z.object({ invoiceId: id, amountMinor: minor, issuedOn: day, voided: z.boolean() }),
  }),
  z.object({
    kind: z.literal("customer"),
    externalId: id,
    version: z.number().int().min(0),
    customer: z.object({ name: z.string().max(500).nullable() }),
  }),
]);

/** Throws MalformedChangeError unless the change is well formed (a connector's bug must not write garbage). */
export function checkSourceChange(value: SourceChange): void {
  const result = change.safeParse(value);
  if (!result.success) {
    throw new MalformedChangeError(
      String((value as { externalId?: unknown }).externalId ?? "?"),
      result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  }
}
