import { invoiceHelp } from "./invoice-help.ts";

/** Invoices, payments, late-payment charges and client terms. */
export const invoices = {
  /** `/client invoice` with nothing after it: the form (Slack, Discord). */
  form: {
    title: "Record an invoice",
    submit: "Record",
    client: "Client",
    clientPlaceholder: "Start typing a client's name",
    number: "Invoice number",
    numberPlaceholder: "INV-7",
    amount: "Amount",
    amountPlaceholder: "1200.00",
    /** Where the form has no currency field (Discord's modals hold five fields). */
    amountWithCurrency: (p: { currency: string | null }) =>
      p.currency ? `Amount (${p.currency} unless you write another)` : "Amount and currency",
    amountWithCurrencyPlaceholder: "1200.00 EUR",
    currency: "Currency",
    issued: "Issue date",
    due: "Due date",
    datePlaceholder: "2026-01-15, 15 Jan 2026, today, +30d",
  },
  argNames: {
    amount: "amount",
    currency: "currency",
    due: "due date",
    issued: "issue date",
    on: "date",
    what: "amount or 'charges'",
    stage: "stage number",
    earlier: "dates the earlier stages were sent",
    via: "how it was sent (email, post, registered)",
    law: "law",
    rate: "rate",
    fee: "fee",
    hosted: "hosted",
    lang: "language",
    stages: "reminder stages",
    term: "payment term",
    invoiceClient: "client (optional)",
    outcome: "outcome",
    outcomeDescribe: "Was the dispute upheld? Without it, Tact asks.",
  },
  help: invoiceHelp,
  errors: {
    followsSource: (p: { number: string; source: string }) =>
      `${p.number} follows ${p.source}: record its payments, credit notes and voids in ${p.source}, and Tact picks them up at the next sync (a payment typed here as well would count twice). Its late-payment charges are Tact's own: /client paid ${p.number} charges still records them.`,
    amountFormat: (p: { value: string }) =>
      `"${p.value}" is not an amount: write it like 1200.00 or 1200,00, with a currency if you like (1200 EUR, €1200).`,
    amountZero: (p: { value: string }) => `"${p.value}": the amount must be more than zero.`,
    amountNegative: (p: { value: string; credit: string | null; invoice: boolean }) =>
      `"${p.value}": the amount${p.invoice ? " of an invoice" : ""} can't be negative.${
        p.credit === null
          ? ""
          : ` For money going back to the client, record a credit note${p.invoice ? " on the invoice it reduces" : ""}: ${p.credit}.`
      }`,
    amountTooLarge: (p: { value: string }) => `"${p.value}" is over a billion: check the amount.`,
    amountDecimals: (p: { value: string; currency: string; digits: number }) =>
      p.digits === 0
        ? `"${p.value}": ${p.currency} has no decimals.`
        : `"${p.value}" has more decimals than ${p.currency} allows (${p.digits}).`,
    currencyUnknown: (p: { value: string }) =>
      `"${p.value}" is not a currency I know: use an ISO code like EUR, GBP, USD or JPY, or €, £, $.`,
    currencyMissing: (p: { amount: string }) =>
      `Which currency is ${p.amount} in? Add it after the amount, like ${p.amount} EUR.`,
    currencyConflict: (p: { first: string; second: string }) =>
      `The amount says ${p.first} but the currency says ${p.second}: give one currency.`,
    currencyMismatch: (p: { value: string; currency: string; number: string }) =>
      `"${p.value}": ${p.number} is in ${p.currency}.`,
    date: (p: { value: string; what: string }) =>
      `"${p.value}" is not a date for the ${p.what}: write it like 15 Jan 2026 or 2026-01-15 (a day that exists), or today, yesterday, +30d, in 30 days.`,
    dateAmbiguous: (p: { value: string; readings: readonly string[]; iso: string }) =>
      p.readings.length > 1
        ? `"${p.value}" could be ${p.readings.join(" or ")}: write the month as a word, like ${p.readings[0]}, or ${p.iso}.`
        : `"${p.value}" is read differently in the UK and the US: write the month as a word, like ${p.readings[0]}, or ${p.iso}.`,
    dateNoYear: (p: { value: string; year: number }) => `"${p.value}" has no year: write it like ${p.value} ${p.year}.`,
    dueOffset: (p: { value: string }) =>
      `"${p.value}" is not a due date: write a date like 15 Jan 2026, or +30d for 30 days after the issue date (up to +365d).`,
    dueBeforeIssued: (p: { due: string; issued: string; suggested: string }) =>
      `The due date (${p.due}) is before the issue date (${p.issued}). If the invoice went out earlier, add the day it was issued, like \`issued ${p.suggested}\`; otherwise check the due date. Nothing was recorded.`,
    futurePayment: (p: { date: string }) => `${p.date} is in the future: record a payment once it is made.`,
    numberTaken: (p: { number: string; client: string; amount: string }) =>
      `Invoice ${p.number} already exists (${p.client}, ${p.amount}). Invoice numbers are unique in the workspace; nothing was recorded. If you entered it by mistake in the last 10 minutes, /client undo takes it back.`,
    unknownInvoice: (p: { number: string; suggestions: string }) =>
      `I don't know invoice "${p.number}".${p.suggestions ? ` Did you mean ${p.suggestions}?` : ""} Record it first with /client invoice <client> ${p.number} <amount> <currency>.`,
    isVoid: (p: { number: string }) => `${p.number} is void: nothing can be recorded against it.`,
    alreadyVoid: (p: { number: string }) => `${p.number} is already void.`,
    voidWithPayments: (p: { number: string }) =>
      `${p.number} has payments or credit notes recorded, so it can't be voided. A payment recorded by mistake is taken back with /client unpay ${p.number} (owner); otherwise record a credit note for the rest.`,
    alreadyPaid: (p: { number: string }) =>
      `${p.number} is already paid in full. If that payment was a mistake, /client unpay ${p.number} (owner) takes it back.`,
    alreadyPaidCharges: (p: { number: string; charges: string }) =>
      `${p.number} is already paid in full. Its late-payment charges are still owed (${p.charges}): /client paid ${p.number} charges once they are paid, or /client waive ${p.number}.`,
    overpaid: (p: { amount: string; number: string; owed: string }) =>
      `${p.amount} is more than what is owed on ${p.number} (${p.owed}). Nothing was recorded.`,
    overCredited: (p: { amount: string; number: string; outstanding: string }) =>
      `A credit note of ${p.amount} is more than what is still unpaid on ${p.number} (${p.outstanding}).`,
    noCharges: (p: { number: string }) => `No late-payment charges are owed on ${p.number}.`,
    chargesWaived: (p: { number: string }) => `The charges on ${p.number} were waived: nothing to pay or waive.`,
    chargesAndAmount: "Give either an amount or `charges` followed by an amount, not both.",
    notOpen: (p: { number: string }) => `${p.number} is no longer open: there is nothing to pause or remind.`,
    alreadyDisputed: (p: { number: string; date: string }) =>
      `${p.number} is already disputed since ${p.date}. /client resume ${p.number} ends the dispute.`,
    notDisputed: (p: { number: string }) => `${p.number} is not disputed.`,
  },
  recorded: (p: { number: string; client: string; amount: string; issued: string; due: string }) =>
    `Recorded invoice ${p.number} for ${p.client}: ${p.amount}, issued ${p.issued}, due ${p.due}.`,
  recordedLate: (p: { days: number }) =>
    `It is already ${p.days} ${p.days === 1 ? "day" : "days"} overdue, so it counts as a late payment.`,
  recordedLaw: (p: { law: string }) => `Late-payment charges: ${p.law}.`,
  isInvoice: (p: { number: string; client: string; slug: string }) =>
    `${p.number} is an invoice of ${p.client} (/client show ${p.slug} for the client's card):`,
  noChargesTip: (p: { client: string; slug: string }) =>
    `Tip: no late-payment charges apply to ${p.client} yet. /client terms ${p.slug} law fr|eu|uk|contract sets them for this client; the owner can set them for every client with /client config terms law fr|eu|uk|contract.`,
  currencyAdopted: (p: { currency: string }) =>
    `${p.currency} is now the workspace's default currency: amounts typed without a currency are in ${p.currency}. The owner can change it with /client config currency.`,
  paymentRecorded: (p: { amount: string; number: string; client: string; date: string }) =>
    `Recorded a payment of ${p.amount} on ${p.number} (${p.client}), ${p.date}.`,
  paymentSplit: (p: { principal: string; charges: string }) =>
    `${p.principal} goes to the invoice and ${p.charges} to the late-payment charges.`,
  creditRecorded: (p: { amount: string; number: string; client: string; date: string }) =>
    `Recorded a credit note of ${p.amount} on ${p.number} (${p.client}), ${p.date}.`,
  stillUnpaid: (p: { amount: string }) => `Still unpaid: ${p.amount}.`,
  paidInFull: "Paid in full.",
  paidInFullLate: (p: { days: number }) => `Paid in full, ${p.days} ${p.days === 1 ? "day" : "days"} late.`,
  chargesStillOwed: (p: { charges: string; number: string }) =>
    `Late-payment charges still owed: ${p.charges}. Record them with /client paid ${p.number} charges once paid, or waive them with /client waive ${p.number}.`,
  chargesPaid: (p: { amount: string; number: string; client: string }) =>
    `Recorded ${p.amount} of late-payment charges paid on ${p.number} (${p.client}).`,
  chargesSettled: "The charges are settled.",
  chargesRemaining: (p: { amount: string }) => `Charges still owed: ${p.amount}.`,
  waived: (p: { number: string; client: string; amount: string }) =>
    `Waived the late-payment charges on ${p.number} (${p.client}): ${p.amount}. This is recorded in the audit log.`,
  waivedOpen: "Interest will not be charged on this invoice any more, even while it stays unpaid.",
  disputed: (p: { number: string; client: string; date: string }) =>
    `${p.number} (${p.client}) is disputed from ${p.date}: reminders and charges are paused. /client resume ${p.number} ends the pause.`,
  /** Ending a dispute (issue 13 §7): was it upheld? Late-payment interest runs from the due date. */
  resume: {
    question: (p: { number: string; client: string; since: string; days: number }) =>
      `${p.number} (${p.client}) has been disputed since ${p.since} (${p.days} ${p.days === 1 ? "day" : "days"}). Was the dispute upheld?`,
    ifNotUpheld: (p: { days: number; interest: string; fee: string | null; reference: string | null }) =>
      `Not upheld: the interest for ${p.days === 1 ? "that day" : `those ${p.days} days`} is owed again, ${p.interest}${p.fee ? `, and the ${p.fee} recovery fee` : ""}${p.reference ? ` (${p.reference}: interest runs from the day after the due date)` : ""}.`,
    ifUpheld: (p: { days: number; interest: string }) =>
      `Upheld: ${p.days === 1 ? "that day stays" : `those ${p.days} days stay`} free of interest (${p.interest} not charged).`,
    typed: (p: { number: string }) =>
      `Or type /client resume ${p.number} not-upheld, or /client resume ${p.number} upheld.`,
    buttons: { notUpheld: "Not upheld: charge those days", upheld: "Upheld: keep them free" },
    upheld: (p: { number: string; client: string; days: number; interest: string }) =>
      `${p.number} (${p.client}): the dispute was upheld. Its ${p.days} ${p.days === 1 ? "day stays" : "days stay"} free of interest (${p.interest} not charged). Reminders and charges run again from today.`,
    notUpheld: (p: {
      number: string;
      client: string;
      days: number;
      interest: string;
      fee: string | null;
      reference: string | null;
    }) =>
      `${p.number} (${p.client}): the dispute was not upheld. The interest for its ${p.days} ${p.days === 1 ? "day" : "days"} is owed again: ${p.interest}${p.fee ? `, and the ${p.fee} recovery fee` : ""}${p.reference ? ` (${p.reference}: interest runs from the day after the due date)` : ""}. Reminders and charges run again.`,
  },
  voided: (p: { number: string; client: string }) =>
    `${p.number} (${p.client}) is void: no reminders, no charges. It stays in the record.`,
  /**
   * What was written off, waived, voided or decided about a dispute (DESIGN.md §7): kept on
   * the card and in the record with the amounts of that day.
   */
  history: {
    title: "Written off, waived, voided, disputes (latest first)",
    more: (p: { count: number }) => `…and ${p.count} more in the record.`,
    charges: (p: { amount: string; interest: string | null; fee: string | null; settled: string | null }) => {
      const parts = [
        ...(p.interest ? [`interest ${p.interest}`] : []),
        ...(p.fee ? [`recovery fee ${p.fee}`] : []),
      ].join(", ");
      const paid = p.settled ? `${parts ? "; " : ""}${p.settled} of them already paid` : "";
      return `${p.amount} of late-payment charges${parts || paid ? ` (${parts}${paid})` : ""}`;
    },
    closed: (p: {
      kind: "write-off" | "void";
      number: string;
      date: string;
      principal: string | null;
      days: number;
      charges: string | null;
    }) => {
      const what = [
        ...(p.principal
          ? [`${p.principal} unpaid${p.days > 0 ? `, ${p.days} ${p.days === 1 ? "day" : "days"} late` : ""}`]
          : []),
        ...(p.charges ? [p.charges] : []),
      ];
      const verb = p.kind === "write-off" ? "written off" : "voided";
      return `${p.number} · ${verb} on ${p.date}${what.length > 0 ? `: ${what.join(", and ")}` : ""}`;
    },
    waiver: (p: { number: string; date: string; charges: string }) =>
      `${p.number} · late-payment charges waived on ${p.date}: ${p.charges}`,
    disputeUpheld: (p: { number: string; from: string; to: string; days: number; interest: string }) =>
      `${p.number} · dispute from ${p.from} to ${p.to} upheld: those ${p.days} ${p.days === 1 ? "day stays" : "days stay"} free of interest (${p.interest} not charged)`,
    disputeNotUpheld: (p: { number: string; from: string; to: string; days: number; interest: string }) =>
      `${p.number} · dispute from ${p.from} to ${p.to} not upheld: interest for ${p.days === 1 ? "that day" : `those ${p.days} days`} is owed again (${p.interest})`,
    note: (p: { note: string }) => `note: ${p.note}`,
    kept: (p: { kind: "write-off" | "waiver" | "void" }): string =>
      p.kind === "waiver"
        ? "They stay on the card and in the record, marked as waived."
        : p.kind === "void"
          ? "Its lateness and the charges owed today stay on the card and in the record, marked as voided."
          : "The late payments and these amounts stay on the card and in the record, marked as written off.",
  },
  list: {
    title: (p: { count: number }) => `Open invoices (${p.count})`,
    titleFor: (p: { client: string; count: number }) => `Open invoices: ${p.client} (${p.count})`,
    none: "No open invoices. Record one with /client invoice acme INV-7 1200.00 EUR due 2026-01-15.",
    noneFor: (p: { client: string }) => `${p.client} has no open invoices.`,
    more: (p: { count: number; slug?: string | undefined }) =>
      p.slug
        ? `…and ${p.count} more, not shown here: /client export ${p.slug} sends the full record.`
        : `…and ${p.count} more, not shown here: /client invoices <client> lists one client's.`,
    line: (p: { number: string; client: string; amount: string; due: string; state: string }) =>
      `${p.number} · ${p.client} · ${p.amount} due ${p.due} · ${p.state}`,
    notDue: (p: { days: number }) => `due in ${p.days} ${p.days === 1 ? "day" : "days"}`,
    dueToday: "due today",
    overdue: (p: { days: number }) => `${p.days} ${p.days === 1 ? "day" : "days"} overdue`,
    paidLate: "paid; charges still owed",
    settled: "paid",
    voided: "void",
    unpaid: (p: { amount: string }) => `unpaid ${p.amount}`,
    disputed: (p: { date: string }) => `disputed since ${p.date}, reminders and charges paused`,
    charges: (p: { amount: string }) => `charges so far ${p.amount}`,
    chargesOwed: (p: { amount: string }) => `charges owed ${p.amount}`,
    next: (p: { stage: string; date: string }) => `next: ${p.stage} on ${p.date}`,
    dueStage: (p: { stage: string; number: string }) => `${p.stage} due now: /client remind ${p.number}`,
    totals: (p: { unpaid: string; overdue: string; charges: string }) =>
      `Unpaid ${p.unpaid} · overdue ${p.overdue} · charges owed ${p.charges}`,
  },
  charges: {
    interest: (p: {
      amount: string;
      principal: string;
      rate: string;
      days: number;
      from: string;
      to: string;
      basis: string;
      reference: string;
    }) =>
      `interest ${p.amount} = ${p.principal} × ${p.rate} × ${p.days} ${p.days === 1 ? "day" : "days"} / 365 (${p.from} – ${p.to}; ${p.basis}; ${p.reference})`,
    fee: (p: { amount: string; reference: string }) => `recovery fee ${p.amount} (${p.reference})`,
    settled: (p: { amount: string }) => `already paid ${p.amount}`,
    basis: {
      ecb: (p: { reference: string; date: string; points: number }) =>
        `ECB rate ${p.reference} on ${p.date} + ${p.points} points`,
      boe: (p: { reference: string; date: string; points: number }) =>
        `Bank of England rate ${p.reference} on ${p.date} + ${p.points} points, fixed when interest started`,
      contractYear: (p: { rate: string }) => `agreed rate ${p.rate} a year`,
      contractMonth: (p: { rate: string; yearly: string }) => `agreed rate ${p.rate} a month (${p.yearly} a year)`,
    },
    references: {
      "fr-interest": "Code de commerce, art. L441-10",
      "fr-fee": "Code de commerce, art. L441-10 and D441-5",
      "eu-interest": "Directive 2011/7/EU, art. 3",
      "eu-fee": "Directive 2011/7/EU, art. 6",
      "uk-interest": "Late Payment of Commercial Debts (Interest) Act 1998",
      "uk-fee": "Late Payment of Commercial Debts (Interest) Act 1998, s. 5A",
      "contract-interest": "the contract's terms",
      "contract-fee": "the contract's terms",
    },
    notes: {
      missingRate: (p: { series: string; date: string; days: number; from: string }) =>
        `The ${p.series} for ${p.date} is not known yet, so interest from ${p.from} (${p.days} ${p.days === 1 ? "day" : "days"}) is not included. Tact adds it as soon as it is published.`,
      /** The same, in one sentence, for the alert. */
      missingRateShort: (p: { series: string; date: string; from: string }) =>
        `Interest from ${p.from} is not included yet: the ${p.series} for ${p.date} is not known yet.`,
      belowLegalMinimum: (p: { rate: string; minimum: string; legal: string; date: string }) =>
        `The agreed rate ${p.rate} is below the French legal minimum of ${p.minimum} (3 × the taux d'intérêt légal of ${p.legal} on ${p.date}).`,
      noContractRate: (p: { client: string }) =>
        `No rate is set in the contract terms, so no interest is charged: /client terms ${p.client} rate 12%/y.`,
      feeOtherCurrency: (p: { fee: string; currency: string }) =>
        `A ${p.fee} recovery fee is due too, but it is not added to an invoice in ${p.currency}.`,
      feeNoCurrency: (p: { fee: string; client: string }) =>
        `The contract's flat fee (${p.fee}) has no currency, so it is not charged: /client terms ${p.client} fee ${p.fee} EUR gives it one.`,
    },
    series: {
      "ecb-mro": "ECB main refinancing rate",
      "boe-base": "Bank of England base rate",
      "fr-legal": "taux d'intérêt légal",
    },
  },
  laws: {
    fr: "French law (Code de commerce L441-10: ECB rate + 10 points, €40 per late invoice)",
    eu: "EU directive 2011/7/EU (ECB rate + 8 points, €40 per late invoice)",
    uk: "UK Late Payment Act (Bank of England rate + 8 points, £40/£70/£100 by debt size)",
    contract: "the contract's own rate and fee",
    none: "no late-payment charges",
  },
  lawNames: { fr: "France", eu: "EU", uk: "UK", contract: "contract", none: "none" },
  stageKinds: {
    first: "first reminder",
    second: "second reminder",
    final: "final notice",
    suspension: "suspension notice",
    charges: "reminder of charges owed",
  },
  terms: {
    title: (p: { client: string }) => `Payment terms: ${p.client}`,
    workspaceTitle: "Workspace default payment terms",
    law: "Law",
    interest: "Interest",
    fee: "Recovery fee",
    paymentDays: "Payment term",
    stages: "Reminder stages",
    hosted: "Hosted by us",
    language: "Reminder language",
    interestByLaw: (p: { rule: string; current: string | null }) =>
      `${p.rule}${p.current ? ` (today ${p.current})` : " (this half-year's rate is not known yet)"}`,
    ecbRule: (p: { points: number }) => `ECB rate + ${p.points} points, revised 1 January and 1 July`,
    boeRule: "Bank of England rate + 8 points, fixed when interest starts",
    none: "none",
    feeFr: "€40 per late invoice, by law",
    feeUk: "£40, £70 or £100 per late invoice by debt size, by law",
    feeContract: (p: { fee: string; currency: string }) =>
      `${p.fee} per late invoice (added to invoices in ${p.currency} only)`,
    feeNoCurrency: (p: { fee: string }) =>
      `${p.fee} per late invoice, with no currency, so not charged: give it one (fee ${p.fee} EUR)`,
    days: (p: { days: number }) => `${p.days} ${p.days === 1 ? "day" : "days"}`,
    stageList: (p: { stages: string }) => `days after the due date: ${p.stages}`,
    stageItem: (p: { day: number; kind: string }) => `${p.day} ${p.kind}`,
    stageSkipped: (p: { day: number; kind: string }) => `${p.day} ${p.kind} (hosted clients only)`,
    yes: "yes",
    no: "no",
    workspaceLanguage: (p: { lang: string }) => `${p.lang} (the workspace's language)`,
    sources: { default: "default", workspace: "workspace default", client: "this client" },
    updated: (p: { client: string; changes: string }) => `Updated ${p.client}'s terms: ${p.changes}.`,
    workspaceUpdated: (p: { changes: string }) => `Updated the workspace's default terms: ${p.changes}.`,
    change: (p: { what: string; value: string }) => `${p.what} ${p.value}`,
    cleared: "cleared",
    errors: {
      rate: (p: { value: string }) =>
        `"${p.value}" is not a rate: write it like 12%/y (a year) or 1.5%/m (a month), from 0 to 100%, or none.`,
      fee: (p: { value: string }) =>
        `"${p.value}" is not a fee: write an amount with its currency, like 40 EUR or €12.50, or none.`,
      feeCurrency: (p: { value: string }) =>
        `"${p.value}" has no currency: write it like fee ${p.value} EUR. The fee is added to invoices in that currency only.`,
      feeNotContract: (p: { law: string; none: boolean }) =>
        `A flat fee applies only with law contract${p.none ? "" : `: under ${p.law}, the recovery fee is set by law`}.`,
      stages: (p: { value: string }) =>
        `"${p.value}" is not a list of stages: write 1 to 4 increasing numbers of days after the due date, from 1 to 365, like 1,15,30,45.`,
      term: (p: { value: string }) => `"${p.value}" is not a payment term: write a number of days from 0 to 365.`,
      yesNo: (p: { value: string; what: string }) => `"${p.value}" is not valid for ${p.what}: yes or no.`,
      nothing: (p: { usage: string }) => `Nothing to change. Usage: ${p.usage}`,
    },
    configUsage: "law fr|eu|uk|contract|none [rate 12%/y] [fee 40 EUR] [hosted yes|no] [stages 1,15,30,45] [term 30]",
  },
  card: {
    title: "Invoices",
    summary: (p: { open: number; unpaid: string; overdue: string; charges: string }) =>
      `${p.open} open · unpaid ${p.unpaid} · overdue ${p.overdue} · charges owed ${p.charges}`,
    none: "No open invoices.",
    nothing: "—",
    more: (p: { count: number }) => `…and ${p.count} more: /client invoices lists them all.`,
  },
  autoLate: "Tact",
};
