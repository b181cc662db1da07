/** Reminder drafts (in the client's language) and the remind/reminded commands. */
export const reminders = {
  draftTitle: (p: { stage: string; number: string; client: string; language: string }) =>
    `Draft ${p.stage} for ${p.number} (${p.client}), in ${p.language}`,
  neverSends: (p: { number: string }) =>
    `Tact never writes to the client: copy this, send it yourself, then record it with /client reminded ${p.number}.`,
  markSent: "Mark as sent",
  notOverdue: (p: { number: string; due: string }) =>
    `${p.number} isn't overdue yet (due ${p.due}): there is no reminder to draft.`,
  disputed: (p: { number: string }) =>
    `${p.number} is disputed: reminders are paused until /client resume ${p.number}.`,
  nothingOwed: (p: { number: string }) => `Nothing is owed on ${p.number} any more: no reminder to draft.`,
  recorded: (p: { stage: string; number: string; client: string }) =>
    `Recorded: the ${p.stage} for ${p.number} (${p.client}) was sent.`,
  next: (p: { stage: string; date: string }) => `Next: ${p.stage} on ${p.date}.`,
  lastStage: "That was the last stage.",
  nothingDue: (p: { number: string; stage: string; date: string }) =>
    `No reminder is due yet for ${p.number}: the ${p.stage} comes on ${p.date}.`,
  nothingMore: (p: { number: string }) => `Every reminder stage for ${p.number} is already recorded as sent.`,
  badStage: (p: { value: string; max: number }) =>
    `"${p.value}" is not a stage of this client: give a number from 1 to ${p.max}, or nothing for the current stage.`,
  stageNotReached: (p: { stage: string; date: string }) => `The ${p.stage} is not due before ${p.date}.`,
  languages: { en: "English", fr: "French" },
  /** The letter itself, written in the client's language. */
  letter: {
    subject: {
      first: (p: { number: string }) => `Invoice ${p.number}: payment reminder`,
      second: (p: { number: string }) => `Invoice ${p.number}: second reminder`,
      final: (p: { number: string }) => `Invoice ${p.number}: final notice`,
      suspension: (p: { number: string }) => `Invoice ${p.number}: notice of hosting suspension`,
      charges: (p: { number: string }) => `Invoice ${p.number}: late-payment charges`,
    },
    subjectLine: (p: { subject: string }) => `Subject: ${p.subject}`,
    greeting: "Hello,",
    amountWithRest: (p: { amount: string; outstanding: string }) => `${p.amount} (${p.outstanding} still unpaid)`,
    first: (p: { number: string; issued: string; amount: string; due: string }) =>
      `Unless we are mistaken, invoice ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, has not been paid yet. It may simply have slipped through: could you let us know when the payment will be made?`,
    second: (p: { number: string; issued: string; amount: string; due: string; days: number }) =>
      `Despite our first reminder, invoice ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, is now ${p.days} days overdue.`,
    final: (p: { number: string; issued: string; amount: string; due: string; days: number }) =>
      `Despite our reminders, invoice ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, is still unpaid ${p.days} days after its due date. This is our final notice.`,
    suspension: (p: { number: string; issued: string; amount: string; due: string; days: number }) =>
      `Despite our reminders, invoice ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, is still unpaid ${p.days} days after its due date.`,
    charges: (p: { number: string; due: string; days: number }) =>
      `Thank you for paying invoice ${p.number}. As the payment arrived ${p.days} days after the due date of ${p.due}, late-payment charges are due under our terms and the law.`,
    chargesIntro: "Late payment incurs interest and a fixed recovery fee. To date:",
    interestLine: (p: { amount: string; rate: string; days: number; reference: string }) =>
      `– interest: ${p.amount} (${p.rate} a year over ${p.days} days; ${p.reference})`,
    feeLine: (p: { amount: string; reference: string }) => `– fixed recovery fee: ${p.amount} (${p.reference})`,
    paidLine: (p: { amount: string }) => `– already paid: ${p.amount}`,
    unpaidLine: (p: { amount: string }) => `– invoice still unpaid: ${p.amount}`,
    totalLine: (p: { amount: string }) => `Total due: ${p.amount}`,
    payBy: (p: { date: string }) => `Please settle it by ${p.date}.`,
    finalNext: (p: { date: string }) =>
      `Without payment by ${p.date}, we will have to take further steps to recover the debt.`,
    hostedNext: (p: { date: string; suspendOn: string }) =>
      `Without payment by ${p.date}, we will have to suspend the hosting of your website on ${p.suspendOn}.`,
    suspensionNext: (p: { date: string; suspendOn: string }) =>
      `Without payment by ${p.date}, the hosting of your website will be suspended on ${p.suspendOn}. It will be restored as soon as the payment is received.`,
    alreadyPaid: "If you have paid in the meantime, thank you, and please disregard this message.",
    closing: "Kind regards,",
  },
};
