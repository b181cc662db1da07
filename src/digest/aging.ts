import type { OverdueInvoice } from "./digest-data.ts";

/** Aging buckets in days late: 1–30, 31–60, 61–90, over 90. */
export const AGING_BUCKETS = [
  { range: "1–30", min: 1, max: 30 },
  { range: "31–60", min: 31, max: 60 },
  { range: "61–90", min: 61, max: 90 },
  { range: "90+", min: 91, max: Number.POSITIVE_INFINITY },
] as const;

export interface AgingRow {
  range: string;
  count: number;
  amountMinor: number;
}

/** Overdue amounts by bucket, one table per currency (amounts in different currencies don't add up). */
export function agingByCurrency(overdue: readonly OverdueInvoice[]): Map<string, AgingRow[]> {
  const out = new Map<string, AgingRow[]>();
  for (const inv of overdue) {
    let rows = out.get(inv.currency);
    if (!rows) {
      rows = AGING_BUCKETS.map((b) => ({ range: b.range, count: 0, amountMinor: 0 }));
      out.set(inv.currency, rows);
    }
    const index = AGING_BUCKETS.findIndex((b) => inv.daysLate >= b.min && inv.daysLate <= b.max);
    const row = rows[index];
    if (!row) continue;
    row.count += 1;
    row.amountMinor += inv.outstandingMinor;
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const BAR_WIDTH = 10;

/** A small text bar, proportional to the largest bucket: `██████░░░░`. A non-zero bucket shows at least one block. */
export function textBar(value: number, largest: number): string {
  const filled = largest <= 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round((value / largest) * BAR_WIDTH));
  return "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
}
