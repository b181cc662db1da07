import { addDays, daysBetween } from "../domain/dates.ts";
import { PERCENT_SCALE } from "../domain/reference-rates.ts";
import { type StageKind, stagesFor } from "../domain/stages.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { InvoiceAssessment } from "./assess-invoice.ts";

/** Days the client is given to pay in a reminder. */
export const PAY_WITHIN_DAYS = 8;

export type ReminderKind = StageKind | "charges";

/**
 * The reminder letter for one stage, in the client's language (`t` and `fmt` are the
 * client's, `fmt` a letter formatter): polite, brief, firm; the amounts, days late, charges
 * with their legal basis, and what happens next, with the suspension date for a hosted
 * client. It states only what happened: the reminders it refers to are those recorded as
 * sent, with their dates. Pure.
 */
export function composeReminder(
  a: InvoiceAssessment,
  kind: ReminderKind,
  today: string,
  sender: string,
  t: Catalog,
  fmt: Formatter,
): { subject: string; body: string } {
  const L = t.reminders.letter;
  const invoice = a.source.invoice;
  const money = (minor: number) => fmt.money(minor, invoice.currency);
  const number = invoice.number;
  const subject = L.subject[kind]({ number });
  const amount =
    a.outstandingMinor > 0 && a.outstandingMinor < invoice.amountMinor
      ? L.amountWithRest({ amount: money(invoice.amountMinor), outstanding: money(a.outstandingMinor) })
      : money(invoice.amountMinor);
  const sent = a.stage.sent;
  const notices = sent.filter((s) => s.kind === "final" || s.kind === "suspension");
  const despite =
    sent.length === 0
      ? null
      : L.despite({
          reminders: sent.filter((s) => !notices.includes(s)).map((s) => fmt.date(s.sentOn)),
          notice: notices[0] ? fmt.date(notices[0].sentOn) : null,
        });
  const facts = {
    number,
    issued: fmt.date(invoice.issuedOn),
    amount,
    due: fmt.date(invoice.dueOn),
    days: a.charges.daysLate,
    despite,
  };
  const paragraphs: string[] = [L.greeting];
  paragraphs.push(kind === "charges" ? L.charges(facts) : L[kind](facts));

  const withCharges = kind !== "first" && !a.chargesWaived && a.charges.totalMinor > 0;
  if (withCharges) {
    const lines = [L.chargesIntro];
    for (const s of a.charges.segments) {
      lines.push(
        L.interestLine({
          amount: money(s.interestMinor),
          from: fmt.date(s.from),
          to: fmt.date(s.to),
          principal: money(s.principalMinor),
          rate: fmt.percent(s.rateE4 / PERCENT_SCALE, 4),
          days: s.days,
          reference: t.invoices.charges.references[s.reference],
        }),
      );
    }
    // A rate not known yet: the letter says which interest is still to come (issue 13 §1).
    for (const note of a.charges.notes) {
      if (note.kind === "missingRate")
        lines.push(t.letters.next.interestPending({ from: fmt.date(note.from), days: note.days }));
    }
    if (a.charges.fee) {
      lines.push(
        L.feeLine({
          amount: money(a.charges.fee.minor),
          reference: t.invoices.charges.references[a.charges.fee.reference],
        }),
      );
    }
    if (a.chargesSettledMinor > 0) lines.push(L.paidLine({ amount: money(a.chargesSettledMinor) }));
    if (a.outstandingMinor > 0) lines.push(L.unpaidLine({ amount: money(a.outstandingMinor) }));
    lines.push(
      L.totalLine({ amount: money(a.outstandingMinor + a.chargesOwedMinor), incomplete: !a.charges.complete }),
    );
    paragraphs.push(lines.join("\n"));
  }

  const payBy = addDays(today, PAY_WITHIN_DAYS);
  const suspension = stagesFor(a.terms.stages, true).find((s) => s.kind === "suspension");
  const suspendOn =
    [addDays(payBy, 1), suspension ? addDays(invoice.dueOn, suspension.day) : ""].sort().at(-1) ?? payBy;
  const next =
    kind === "first"
      ? null
      : kind === "second" || kind === "charges"
        ? L.payBy({ date: fmt.date(payBy) })
        : kind === "suspension"
          ? L.suspensionNext({
              date: fmt.date(payBy),
              suspendOn: fmt.date(addDays(payBy, 1)),
              notice: daysBetween(today, addDays(payBy, 1)),
            })
          : a.terms.hosted
            ? L.hostedNext({ date: fmt.date(payBy), suspendOn: fmt.date(suspendOn) })
            : L.finalNext({ date: fmt.date(payBy) });
  if (next) paragraphs.push(next);
  if (kind !== "charges") paragraphs.push(L.alreadyPaid);
  paragraphs.push(`${L.closing}\n${sender}`);
  return { subject, body: [L.subjectLine({ subject }), ...paragraphs].join("\n\n") };
}
