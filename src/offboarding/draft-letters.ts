import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { ReasonKind } from "./wizard-record.ts";

export interface LetterReason {
  kind: ReasonKind;
  count: number;
  /** First time it happened (a day or an instant). */
  since: string | Date;
}

export interface WhyLetterInput {
  client: string;
  signer: string;
  reasons: readonly LetterReason[];
}

/**
 * Step 3: why we are ending the collaboration. The kind reason always closes it; the
 * reasons chosen from the record come before it, stated as facts, never as accusations.
 * `t` and `fmt` are in the client's language.
 */
export function draftWhyLetter(t: Catalog, fmt: Formatter, input: WhyLetterInput): string {
  const l = t.letters;
  const parts = [l.greeting({ client: input.client }), l.why.opening];
  if (input.reasons.length > 0) {
    const lines = input.reasons.map((r) => {
      const text = l.why.reasons[r.kind]({ count: r.count, since: fmt.date(r.since) });
      return `- ${text}`;
    });
    // The last item of a list ends with a full stop, not a semicolon.
    const last = lines.length - 1;
    lines[last] = (lines[last] ?? "").replace(/\s*[;；]\s*$/, ".");
    parts.push([l.why.reasonsIntro, ...lines].join("\n"));
  }
  if (input.reasons.some((r) => r.kind === "scope")) parts.push(l.why.share);
  parts.push(l.why.kind, l.why.closing, `${l.signOff}\n${input.signer}`);
  return parts.join("\n\n");
}

export interface OpenInvoice {
  number: string;
  outstandingMinor: number;
  currency: string;
}

export interface NextLetterInput {
  client: string;
  signer: string;
  /** When the first letter was written (or today). */
  whyOn: string;
  today: string;
  /** Handover, hosting and questions end on this day. */
  handoverOn: string;
  hosted: boolean;
  unpaid: readonly OpenInvoice[];
}

/** Step 4: what happens next — work and who owns it, hosting and access, the final invoice. */
export function draftNextLetter(t: Catalog, fmt: Formatter, input: NextLetterInput): string {
  const l = t.letters;
  const handover = fmt.date(input.handoverOn);
  const parts = [l.greeting({ client: input.client }), l.next.opening({ date: fmt.date(input.whyOn) })];
  if (input.unpaid.length === 0) {
    parts.push(l.next.workPaid({ date: handover }));
  } else {
    const totals = new Map<string, number>();
    for (const i of input.unpaid) totals.set(i.currency, (totals.get(i.currency) ?? 0) + i.outstandingMinor);
    parts.push(
      l.next.workUnpaid({
        invoices: fmt.list(input.unpaid.map((i) => `${i.number} (${fmt.money(i.outstandingMinor, i.currency)})`)),
        total: fmt.list([...totals].map(([currency, minor]) => fmt.money(minor, currency))),
      }),
    );
  }
  parts.push(input.hosted ? l.next.hosted({ date: handover }) : l.next.notHosted({ date: handover }));
  parts.push(l.next.future({ date: handover }));
  parts.push(l.next.finalInvoice({ date: fmt.date(input.today), withOpen: input.unpaid.length > 0 }));
  parts.push(l.next.closing, `${l.signOff}\n${input.signer}`);
  return parts.join("\n\n");
}
