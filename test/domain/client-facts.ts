import type { AdviceFacts } from "../../src/domain/advice.ts";
import type { IncidentKind } from "../../src/domain/incident-kinds.ts";
import type { LatePayment } from "../../src/domain/late-payments.ts";
import type { KindCount } from "../../src/domain/record-counts.ts";
import type { SentReminder, UnpaidInvoice } from "../../src/domain/unpaid-invoice.ts";

/** Facts as a client's record gives them, on 29 Nov 2026 unless told otherwise. */
export const TODAY = "2026-11-29";

export function facts(over: Partial<AdviceFacts> = {}): AdviceFacts {
  return {
    today: TODAY,
    counts: [],
    latePayments: [],
    unpaid: [],
    hosted: false,
    former: false,
    owed: { invoices: [], amounts: [] },
    ...over,
  };
}

/** A late payment of an invoice that fell due on `on`. */
export function late(on: string, over: Partial<LatePayment> = {}): LatePayment {
  return { key: `invoice:${on}`, on, dated: "due", invoice: `INV-${on}`, days: 10, unpaid: false, logs: 0, ...over };
}

/** An invoice unpaid `days` days, under the default stages (final notice at 30, suspension at 45). */
export function unpaid(number: string, days: number, sent: SentReminder[] = []): UnpaidInvoice {
  return {
    number,
    days,
    stageDays: days,
    amountMinor: 120_000,
    currency: "EUR",
    disputed: false,
    finalDay: 30,
    suspensionDay: 45,
    sent,
  };
}

export function count(
  kind: IncidentKind,
  recent: number,
  total = recent,
  first = "2026-06-02",
  last = "2026-11-20",
): KindCount {
  return { kind, recent, total, first, last, firstRecent: recent > 0 ? last : null, logs: total };
}
