import type { ChargeNote, ChargeResult, InterestSegment, RateBasis } from "../domain/charges/index.ts";
import { PERCENT_SCALE } from "../domain/reference-rates.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";

const pct = (fmt: Formatter, e4: number) => fmt.percent(e4 / PERCENT_SCALE, 4);

/** How a segment's annual rate was set, in words: "ECB rate 3.15% on 1 Jan 2025 + 10 points". */
export function describeBasis(basis: RateBasis, t: Catalog, fmt: Formatter): string {
  const b = t.invoices.charges.basis;
  switch (basis.kind) {
    case "ecb":
      return b.ecb({
        reference: pct(fmt, basis.referenceE4),
        date: fmt.date(basis.referenceOn),
        points: basis.plusPoints,
      });
    case "boe":
      return b.boe({
        reference: pct(fmt, basis.referenceE4),
        date: fmt.date(basis.referenceOn),
        points: basis.plusPoints,
      });
    case "contract":
      return basis.per === "month"
        ? b.contractMonth({ rate: pct(fmt, basis.percentE4), yearly: pct(fmt, basis.percentE4 * 12) })
        : b.contractYear({ rate: pct(fmt, basis.percentE4) });
  }
}

/** One interest segment: amount = principal × rate × days / 365 (dates; basis; legal reference). */
export function describeSegment(s: InterestSegment, currency: string, t: Catalog, fmt: Formatter): string {
  return t.invoices.charges.interest({
    amount: fmt.money(s.interestMinor, currency),
    principal: fmt.money(s.principalMinor, currency),
    rate: pct(fmt, s.rateE4),
    days: s.days,
    from: fmt.date(s.from),
    to: fmt.date(s.to),
    basis: describeBasis(s.basis, t, fmt),
    reference: t.invoices.charges.references[s.reference],
  });
}

/** A note the charges carry (missing rate, rate below the legal minimum, …), in words. */
export function describeNote(
  note: ChargeNote,
  t: Catalog,
  fmt: Formatter,
  clientSlug: string,
  invoiceCurrency: string,
): string {
  const n = t.invoices.charges.notes;
  switch (note.kind) {
    case "missingRate":
      return n.missingRate({
        series: t.invoices.charges.series[note.series],
        date: fmt.date(note.on),
        days: note.days,
        from: fmt.date(note.from),
      });
    case "belowLegalMinimum":
      return n.belowLegalMinimum({
        rate: pct(fmt, note.rateE4),
        minimum: pct(fmt, note.minimumE4),
        legal: pct(fmt, note.minimumE4 / 3),
        date: fmt.date(note.legalOn),
      });
    case "noContractRate":
      return n.noContractRate({ client: clientSlug });
    case "feeOtherCurrency":
      return n.feeOtherCurrency({
        fee:
          note.minor === null
            ? `${fmt.money(4_000, note.currency)}–${fmt.money(10_000, note.currency)}`
            : fmt.money(note.minor, note.currency),
        currency: invoiceCurrency,
      });
    case "feeNoCurrency":
      return n.feeNoCurrency({ fee: note.major, client: clientSlug });
  }
}

/**
 * Every line that explains the charges of an invoice: each interest segment, the fee, what
 * was already paid of them, and the notes (a missing rate is said, never guessed).
 */
export function explainCharges(
  charges: ChargeResult,
  settledMinor: number,
  t: Catalog,
  fmt: Formatter,
  clientSlug: string,
): string[] {
  const lines = charges.segments.map((s) => describeSegment(s, charges.currency, t, fmt));
  if (charges.fee) {
    lines.push(
      t.invoices.charges.fee({
        amount: fmt.money(charges.fee.minor, charges.currency),
        reference: t.invoices.charges.references[charges.fee.reference],
      }),
    );
  }
  if (settledMinor > 0) lines.push(t.invoices.charges.settled({ amount: fmt.money(settledMinor, charges.currency) }));
  for (const note of charges.notes) lines.push(describeNote(note, t, fmt, clientSlug, charges.currency));
  return lines;
}
