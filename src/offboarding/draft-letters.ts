import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { ReasonKind } from "./wizard-record.ts";

/** One kind of trouble a letter can name, as the record counts it (the card's count). */
export interface LetterReason {
  kind: ReasonKind;
  /** How many: the card's all-time count (late payments one per invoice). */
  count: number;
  /** The first and the last day it happened. */
  since: string;
  last: string;
  /** For late payments, what the record proves of each: paid late, still unpaid, or only noted. */
  late?: LateReasonFacts;
}

export interface LateReasonFacts {
  /** Invoices paid after their due date: how many, the first due date, and the days late when only one. */
  paid: { count: number; since: string; days: number | null } | null;
  /** Invoices still unpaid after their due date, oldest first. */
  unpaid: readonly { number: string; due: string }[];
  /** Late payments the team noted without a recorded invoice to say more. */
  noted: { count: number; since: string } | null;
}

export interface WhyLetterInput {
  client: string;
  signer: string;
  reasons: readonly LetterReason[];
}

/**
 * Step 3: why we are ending the collaboration. The kind reason always closes it; the
 * reasons chosen from the record come before it, stated as facts with their exact counts
 * and dates, never as accusations. `t` and `fmt` are in the client's language.
 */
export function draftWhyLetter(t: Catalog, fmt: Formatter, input: WhyLetterInput): string {
  const l = t.letters;
  const parts = [l.greeting({ client: input.client }), l.why.opening];
  if (input.reasons.length > 0) {
    const lines = input.reasons.map((r) => `- ${reasonText(t, fmt, r)}`);
    // The last item of a list ends with a full stop, not a semicolon.
    const last = lines.length - 1;
    lines[last] = (lines[last] ?? "").replace(/[\s\u00a0\u202f]*[;；]\s*$/, ".");
    parts.push([l.why.reasonsIntro, ...lines].join("\n"));
  }
  if (input.reasons.some((r) => r.kind === "scope")) parts.push(l.why.share);
  parts.push(l.why.kind, l.why.closing, `${l.signOff}\n${input.signer}`);
  return parts.join("\n\n");
}

function reasonText(t: Catalog, fmt: Formatter, r: LetterReason): string {
  const reasons = t.letters.why.reasons;
  if (r.kind !== "late") {
    return reasons[r.kind]({ count: r.count, since: fmt.date(r.since), last: fmt.date(r.last) });
  }
  const late = r.late ?? { paid: null, unpaid: [], noted: { count: r.count, since: r.since } };
  return reasons.late({
    paid: late.paid ? { count: late.paid.count, since: fmt.date(late.paid.since), days: late.paid.days } : null,
    unpaid:
      late.unpaid.length === 0
        ? null
        : {
            count: late.unpaid.length,
            invoices: fmt.list(
              late.unpaid.map((i) => reasons.unpaidInvoice({ number: i.number, due: fmt.date(i.due) })),
            ),
          },
    noted: late.noted ? { count: late.noted.count, since: fmt.date(late.noted.since) } : null,
    total: r.count,
  });
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
