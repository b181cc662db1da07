/** `/client undo`, the Undo buttons and `/client unpay`. */
export const undo = {
  help: {
    summary: "take back your last action, within 10 minutes",
    details:
      "Your own last action of any kind: an incident, an invoice, a payment, a credit note, a setting. Tact first says exactly what it will withdraw, and waits for you to confirm; it never goes further back than your last action. The withdrawal is kept in the audit log. A payment can also be reversed later by the owner: /client unpay.",
  },
  nothing:
    "There is nothing to undo: you have done nothing in the last 10 minutes that can be withdrawn. (The owner can reverse a payment at any time: /client unpay <number>.)",
  confirm: (p: { what: string; time: string }) => `Undo your last action (${p.time})? This withdraws ${p.what}.`,
  confirmButton: "Withdraw it",
  keepButton: "Keep it",
  kept: (p: { what: string }) => `Kept: ${p.what} stays as it was.`,
  done: (p: { what: string }) => `Withdrawn: ${p.what}. It stays in the audit log.`,
  alreadyUndone: (p: { what: string }) => `${capitalize(p.what)} was already withdrawn: nothing more was withdrawn.`,
  lastWasUndo: (p: { what: string; time: string }) =>
    `Your last action (${p.time}) was an undo, which withdrew ${p.what}. Undo goes back one action only, so nothing else was withdrawn.`,
  notUndoable: (p: { what: string; time: string }) =>
    `Your last action, ${p.what} (${p.time}), is not one /client undo can take back, so nothing was withdrawn.`,
  tooOld: (p: { what: string; time: string }) =>
    `${capitalize(p.what)} was recorded more than 10 minutes ago (${p.time}): it can no longer be undone.`,
  tooOldPayment: (p: { number: string }) => `The owner can still reverse it: /client unpay ${p.number}.`,
  theirs: (p: { what: string; who: string }) =>
    `This Undo is for ${p.who}'s action (${p.what}): it is theirs to undo, so nothing was withdrawn.`,
  what: {
    incident: (p: { kind: string; client: string; note: string | null }) =>
      `the ${p.kind} for ${p.client}${p.note ? ` ("${p.note}")` : ""}`,
    invoice: (p: { number: string; client: string; amount: string; due: string }) =>
      `invoice ${p.number} for ${p.client} (${p.amount}, due ${p.due})`,
    payment: (p: { amount: string; number: string; client: string; date: string }) =>
      `the payment of ${p.amount} on ${p.number} (${p.client}), paid ${p.date}`,
    credit: (p: { amount: string; number: string; client: string; date: string }) =>
      `the credit note of ${p.amount} on ${p.number} (${p.client}), dated ${p.date}`,
    charges: (p: { amount: string; number: string; client: string; date: string }) =>
      `the ${p.amount} of late-payment charges paid on ${p.number} (${p.client}), paid ${p.date}`,
    setting: (p: { setting: string; from: string; to: string }) =>
      `the change of ${p.setting} from ${p.from} to ${p.to}`,
    digest: (p: { time: string; timezone: string; on: boolean }) => `${p.time} (${p.timezone}), ${p.on ? "on" : "off"}`,
    unknownClient: "a client no longer recorded",
  },
  /** The actions undo cannot take back, named for "Your last action, …". */
  labels: {
    "client.added": "adding a client",
    "client.alias": "giving a client another name",
    "client.renamed": "renaming a client",
    "client.terms": "changing a client's terms",
    "client.exported": "exporting a client's record",
    "config.owner": "handing the workspace over",
    "invoice.voided": "voiding an invoice",
    "invoice.charges-waived": "waiving an invoice's charges",
    "invoice.written-off": "writing off what a client owed",
    "invoice.disputed": "marking an invoice disputed",
    "invoice.resumed": "ending an invoice's dispute",
    "invoice.reminded": "recording a reminder as sent",
    "invoice.due-changed": "changing a due date",
    "invoice.snoozed": "snoozing an invoice",
    "invoice.imported": "importing invoices",
    "payment.reversed": "reversing a payment",
    "source.customer-linked": "linking a customer to a client",
    "source.connect-started": "starting to connect an invoice source",
    "invoice.reminder-drafted": "drafting a reminder",
    "invoice.now-synced": "handing an invoice over to its source",
    "client.channel.linked": "linking a channel to a client",
    "client.channel.unlinked": "unlinking a client's channel",
    offboarding: "a step of letting a client go",
    other: "an action",
  } as Record<string, string>,
  /** When it cannot be withdrawn any more. */
  blocked: {
    invoiceUsed: (p: { number: string }) =>
      `Invoice ${p.number} can't be withdrawn: payments, reminders or other changes were recorded on it since. Nothing was withdrawn. Reverse the payments first (/client unpay ${p.number}), or void it (/client void ${p.number}).`,
    settingChanged: (p: { setting: string }) =>
      `${capitalize(p.setting)} was changed again since, so nothing was withdrawn: /client config shows what it is now.`,
    notRecorded:
      "This was recorded before Tact could undo it, so nothing was withdrawn. /client config, /client unpay or /client void take it back by hand.",
  },
  /** `/client unpay <number> [payment]`. */
  unpay: {
    help: {
      summary: "reverse a payment or credit note recorded by mistake",
      details:
        "Takes back a payment, a credit note or charges paid, at any time: the invoice is unpaid again and its charges run again from the due date. With several, name the one to reverse by its number in the list. The line stays in the record, marked reversed, and the audit log says who reversed it.",
    },
    reversed: (p: { what: string; by: string }) => `Reversed: ${p.what}, recorded by ${p.by}.`,
    choose: (p: { number: string }) =>
      `${p.number} has several payments. Which one should be reversed? Type /client unpay ${p.number} <line>, or press its button:`,
    line: (p: { index: number; what: string; by: string }) => `${p.index}. ${p.what}, recorded by ${p.by}`,
    button: (p: { index: number; amount: string }) => `Reverse ${p.index} (${p.amount})`,
    none: (p: { number: string }) => `${p.number} has no payment or credit note to reverse.`,
    noSuchLine: (p: { number: string; value: string; count: number }) =>
      `${p.number} has no payment line "${p.value}": give a number from 1 to ${p.count}, as /client unpay ${p.number} lists them.`,
    changed: (p: { number: string }) =>
      `The payments of ${p.number} changed meanwhile, so nothing was reversed: /client unpay ${p.number} lists them as they are now.`,
    isVoid: (p: { number: string }) => `${p.number} is void: there is no payment on it to reverse.`,
    argLine: "line",
    action: "reverse a payment",
  },
  /** The digest's Mark paid, confirmed before it records anything. */
  markPaid: {
    confirm: (p: { number: string; client: string; amount: string; date: string }) =>
      `Record ${p.number} (${p.client}) as paid in full: ${p.amount}, paid ${p.date}?`,
    confirmButton: "Record the payment",
    cancelButton: "Cancel",
    cancelled: (p: { number: string }) => `Nothing was recorded: ${p.number} stays as it was.`,
    changed: (p: { number: string; amount: string }) =>
      `${p.number} now has ${p.amount} unpaid, not the amount you confirmed: nothing was recorded. Press Mark paid again, or type /client paid ${p.number}.`,
  },
};

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
