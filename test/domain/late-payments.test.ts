import { describe, expect, it } from "vitest";
import {
  type InvoiceLateness,
  isPattern,
  type LateLog,
  latePaymentsOf,
  lateTrend,
} from "../../src/domain/late-payments.ts";
import { countRecord } from "../../src/domain/record-counts.ts";

const invoice = (id: number, dueOn: string, days: number, unpaid = false): InvoiceLateness => ({
  id,
  number: `INV-${id}`,
  dueOn,
  late: days > 0,
  unpaid,
  days,
});
const log = (id: number, loggedOn: string, ref: Partial<LateLog> = {}): LateLog => ({
  id,
  loggedOn,
  invoiceId: null,
  invoiceNumber: null,
  invoiceDueOn: null,
  invoiceRef: null,
  ...ref,
});

describe("late payments, one per invoice", () => {
  it("counts an overdue invoice and the incidents logged about it as one late payment, dated when it fell due", () => {
    const payments = latePaymentsOf(
      [invoice(7, "2026-10-15", 45, true)],
      [
        log(1, "2026-11-20", { invoiceId: 7, invoiceNumber: "INV-7", invoiceDueOn: "2026-10-15", invoiceRef: "INV-7" }),
        log(2, "2026-11-27", { invoiceId: 7, invoiceNumber: "INV-7", invoiceDueOn: "2026-10-15", invoiceRef: "inv-7" }),
      ],
    );
    expect(payments).toEqual([
      { key: "invoice:7", on: "2026-10-15", dated: "due", invoice: "INV-7", days: 45, unpaid: true, logs: 2 },
    ]);
    // The record's count says 1 late payment and 2 notes.
    expect(countRecord("2026-11-29", [], payments)).toMatchObject([{ kind: "late", recent: 1, total: 1, logs: 2 }]);
  });

  it("joins logs that name the same unrecorded invoice, however typed; a log naming none stands alone", () => {
    const payments = latePaymentsOf(
      [],
      [
        log(1, "2026-09-01", { invoiceRef: "F-12" }),
        log(2, "2026-09-03", { invoiceRef: "#f-12 " }),
        log(3, "2026-09-05"),
        log(4, "2026-09-05"),
      ],
    );
    expect(payments.map((p) => [p.key, p.on, p.dated, p.logs])).toEqual([
      ["ref:f-12", "2026-09-01", "logged", 2],
      ["log:3", "2026-09-05", "logged", 1],
      ["log:4", "2026-09-05", "logged", 1],
    ]);
  });

  it("dates a log about an invoice paid on time by the invoice's due date, never after the log", () => {
    const [p] = latePaymentsOf(
      [invoice(3, "2026-05-01", 0)],
      [log(9, "2026-05-10", { invoiceId: 3, invoiceNumber: "INV-3", invoiceDueOn: "2026-05-01" })],
    );
    expect(p).toMatchObject({ on: "2026-05-01", dated: "due", invoice: "INV-3", days: null, logs: 1 });
  });

  it("counts a late payment in a window by the day it fell due", () => {
    const payments = latePaymentsOf([invoice(1, "2025-08-16", 470, true), invoice(2, "2026-10-01", 12)], []);
    // On 29 Nov 2026: INV-2 fell due in the last 90 days; INV-1 did not, and not in the last 12 months either.
    expect(countRecord("2026-11-29", [], payments)).toMatchObject([
      { kind: "late", recent: 1, total: 2, first: "2025-08-16", last: "2026-10-01", firstRecent: "2026-10-01" },
    ]);
  });

  it("sees a pattern only in 3 or more late payments spread over 60 days or more", () => {
    const on = (...days: string[]) =>
      latePaymentsOf(
        days.map((d, i) => invoice(i + 1, d, 5)),
        [],
      );
    expect(isPattern(on("2026-03-01", "2026-04-01"))).toBe(false);
    expect(isPattern(on("2026-03-01", "2026-03-10", "2026-03-20"))).toBe(false);
    expect(isPattern(on("2026-03-01", "2026-03-10", "2026-04-30"))).toBe(true);
  });

  it("says a trend only with 3 late payments or more in each period", () => {
    const days = (list: [string, number][]) =>
      latePaymentsOf(
        list.map(([d, n], i) => invoice(i + 1, d, n)),
        [],
      );
    const today = "2026-11-29";
    // The last 180 days start on 3 Jun 2026.
    const before: [string, number][] = [
      ["2026-01-05", 50],
      ["2026-02-05", 54],
      ["2026-03-05", 58],
    ];
    const lately: [string, number][] = [
      ["2026-07-05", 60],
      ["2026-08-05", 68],
      ["2026-09-05", 76],
    ];
    expect(lateTrend(days([...before, ...lately]), today)).toEqual({ before: 54, after: 68 });
    expect(lateTrend(days([...before, ...lately.slice(0, 2)]), today)).toBeNull();
    expect(lateTrend(days([...before.slice(0, 2), ...lately]), today)).toBeNull();
  });
});
