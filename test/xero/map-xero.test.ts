import { describe, expect, it } from "vitest";
import { ObjectSerializer } from "xero-node/dist/gen/model/accounting/models.js";
import { mapXeroInvoice } from "../../connectors/xero/map-xero.ts";
import { MalformedChangeError } from "../../src/connectors/validate-source-change.ts";
import { examples } from "./fake-xero.ts";

/** An invoice as Xero sends it (the spec's example, with changes), read as xero-node reads it. */
function read(changes: Record<string, unknown> = {}): unknown {
  return ObjectSerializer.deserialize({ ...structuredClone(examples.invoice), ...changes }, "Invoice");
}

describe("Xero invoices as changes", () => {
  it("reads the spec's example: an approved sales invoice, its days as Xero gives them, NZD in cents", () => {
    expect(mapXeroInvoice(read())).toEqual([
      {
        kind: "invoice",
        externalId: "7ef31b20-de17-4312-8382-412f869b1510",
        version: 1541176648,
        invoice: {
          customerId: "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7",
          customerName: "Barney Rubble-83203",
          number: "INV-0003",
          currency: "NZD",
          totalMinor: 11500,
          issuedOn: "2018-11-02",
          dueOn: "2018-11-07",
          paidMinor: 0,
          paidOn: null,
          status: "open",
        },
      },
    ]);
  });

  it("maps each status, a payment with its day, a credit note per invoice, and prepayments as paid", () => {
    const status = (s: string) =>
      (mapXeroInvoice(read({ Status: s })).at(-1) as { invoice: { status: string } }).invoice.status;
    expect(["AUTHORISED", "PAID", "VOIDED", "DELETED", "DRAFT", "SUBMITTED"].map(status)).toEqual([
      "open",
      "paid",
      "void",
      "draft",
      "draft",
      "draft",
    ]);
    const paid = mapXeroInvoice(
      read({ Status: "PAID", AmountDue: 0, AmountPaid: 115, Payments: [{ ...examples.payment, Amount: 115 }] }),
    );
    expect(paid).toMatchObject([{ invoice: { paidMinor: 11500, paidOn: "2018-11-29", status: "paid" } }]);
    const credited = mapXeroInvoice(
      read({ AmountDue: 103, AmountCredited: 12, CreditNotes: [examples.appliedCreditNote] }),
    );
    expect(credited).toEqual([
      {
        kind: "credit_note",
        externalId: "249f15fa-f2a7-4acc-8769-0984103f2225:7ef31b20-de17-4312-8382-412f869b1510",
        version: 1541176648,
        credit: {
          invoiceId: "7ef31b20-de17-4312-8382-412f869b1510",
          amountMinor: 200,
          issuedOn: "2019-03-05",
          voided: false,
        },
      },
      // 12.00 credited, 2.00 of it by the credit note: the other 10.00 came from a prepayment.
      expect.objectContaining({ kind: "invoice", invoice: expect.objectContaining({ paidMinor: 1000 }) }),
    ]);
    expect(mapXeroInvoice(read({ CurrencyCode: "JPY", Total: 11500, AmountDue: 11500 }))).toMatchObject([
      { invoice: { currency: "JPY", totalMinor: 11500 } },
    ]);
  });

  it("gives nothing for a bill, and refuses an invoice whose amounts or fields Tact cannot trust", () => {
    expect(mapXeroInvoice(read({ Type: "ACCPAY" }))).toEqual([]);
    const problems = (changes: Record<string, unknown>) => {
      try {
        mapXeroInvoice(read(changes));
      } catch (error) {
        if (error instanceof MalformedChangeError) return error.problems.join("; ");
        throw error;
      }
      return "accepted";
    };
    expect(problems({ AmountDue: 40 })).toMatch(/do not add up to the total/);
    expect(problems({ Total: 115.005, AmountDue: 115.005 })).toMatch(/more decimals than NZD has/);
    expect(problems({ CurrencyCode: "XYZ" })).toMatch(/not a currency/);
    expect(problems({ Total: -5 })).toMatch(/total/);
    expect(problems({ Contact: undefined })).toMatch(/contact/);
    expect(problems({ Date: "soon" })).toMatch(/date/);
    expect(problems({ Status: "ARCHIVED" })).toMatch(/status/);
  });
});
