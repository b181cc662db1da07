/** The help of the invoice commands: what each does, in a line and in full. */
export const invoiceHelp = {
  invoice: {
    summary: "record an invoice",
    details:
      "Amounts take . or , as the decimal mark and a currency code (EUR, GBP, USD, JPY…) or €, £, $. Dates are written like 15 Jan 2026 or 2026-01-15, or today, yesterday, in 30 days; `due +30d` counts from the issue date. Without a due date, the client's payment term applies (30 days unless set with /client terms); without an issue date, the invoice was issued that term before its due date (or today). Without a currency, the workspace's default currency (/client config currency).",
  },
  paid: {
    summary: "record a payment",
    details:
      "Without an amount, the invoice is paid in full; `on` dates the payment (default today). `/client paid INV-7 charges` records the late-payment charges as paid. A payment above what is owed is refused.",
  },
  credit: { summary: "record a credit note", details: "Reduces what the client owes on the invoice from that day." },
  dispute: {
    summary: "mark an invoice disputed",
    details: "Reminders and charges pause until /client resume. The note says what the client disputes.",
  },
  resume: {
    summary: "end a dispute",
    details:
      "Asks whether the dispute was upheld (or say it: `upheld` or `not-upheld`). Not upheld, the interest for the days in dispute is owed again: late-payment interest runs from the day after the due date. Upheld, those days stay free of interest. Reminders and charges run again either way; the card and the record show the outcome.",
  },
  void: {
    summary: "void an invoice",
    details:
      "For an invoice recorded by mistake or cancelled: no reminders or charges from now on. It stays in the record, and so do its lateness and the charges owed that day, marked as voided.",
  },
  invoices: {
    summary: "list open invoices",
    details:
      "Days overdue, charges so far and how each was computed, and the next reminder. Add a client to see only theirs.",
  },
  terms: {
    summary: "see or set a client's payment terms",
    details:
      "law fr|eu|uk|contract|none, rate 12%/y or 1.5%/m, fee 40 EUR (contract; charged on invoices in that currency), hosted yes|no, lang en|fr, stages 1,15,30,45 (days after the due date: first reminder, second reminder, final notice, suspension notice for hosted clients), term 30 (days to pay). Without settings, shows the terms and where each comes from. `none` clears a rate or a fee.",
  },
  remind: {
    summary: "draft the reminder for an overdue invoice",
    details:
      "In the client's language, for the current stage, with the amounts, days late, charges and their legal basis. Tact never writes to the client: a person sends it, then records it with /client reminded.",
  },
  reminded: {
    summary: "record that a reminder was sent",
    details:
      "Records the next stage as sent (today, or the day given with `on 2026-11-20`, and how with `via email`, `via post` or `via registered`), so it is not proposed again. Stages go in order: to record a later one, the owner names its number and gives the day each earlier stage went out outside Tact, in order: `earlier 2026-10-01,2026-10-15`.",
  },
  waive: {
    summary: "waive the late-payment charges of an invoice",
    details:
      "A conscious write-off of the interest and fees. The amount and how it was computed stay on the card and in the record, marked as waived, and in the audit log.",
  },
};
