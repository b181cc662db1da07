/** The facts a reminder letter states; `despite` names the reminders recorded as sent, if any. */
interface LetterFacts {
  number: string;
  issued: string;
  amount: string;
  due: string;
  days: number;
  despite: string | null;
}

/** "a", "a and b", "a, b and c". */
function and(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
const opening = (p: LetterFacts) => (p.despite ? `${p.despite}, invoice` : "Invoice");

/** Reminder drafts (in the client's language) and the remind/reminded commands. */
export const reminders = {
  draftTitle: (p: { stage: string; number: string; client: string; language: string }) =>
    `Draft ${p.stage} for ${p.number} (${p.client}), in ${p.language}`,
  neverSends: (p: { number: string }) =>
    `Tact never writes to the client: copy this, send it yourself, then record it with /client reminded ${p.number}.`,
  markSent: "I sent it",
  sentForm: {
    title: "When and how it went",
    date: "Sent on (YYYY-MM-DD)",
    channel: "How",
    save: "Record",
  },
  channels: { email: "email", post: "post", registered: "registered letter" },
  sentVia: (p: { channel: string }) => `by ${p.channel}`,
  sentOnLine: (p: { date: string; via: string }) => `Sent on ${p.date}${p.via ? ` ${p.via}` : ""}.`,
  sentDate: (p: { value: string }) =>
    `"${p.value}" is not a date: write the day it was sent as YYYY-MM-DD, like 2026-03-20. Nothing was recorded.`,
  sentFuture: (p: { date: string }) => `${p.date} is in the future: give the day it was sent. Nothing was recorded.`,
  sentBefore: (p: { date: string; earliest: string; why: string }) =>
    `It cannot have been sent on ${p.date}: ${p.why} on ${p.earliest}. Nothing was recorded.`,
  sentBeforeDue: "the invoice fell due",
  sentBeforeLast: "the previous reminder went out",
  sentChannel: (p: { value: string }) =>
    `"${p.value}" is not a way I know: say email, post or registered (a registered letter). Nothing was recorded.`,
  notOverdue: (p: { number: string; due: string }) =>
    `${p.number} isn't overdue yet (due ${p.due}): there is no reminder to draft.`,
  disputed: (p: { number: string }) =>
    `${p.number} is disputed: reminders are paused until /client resume ${p.number}.`,
  nothingOwed: (p: { number: string }) => `Nothing is owed on ${p.number} any more: no reminder to draft.`,
  recorded: (p: { stage: string; number: string; client: string }) =>
    `Recorded: the ${p.stage} for ${p.number} (${p.client}) was sent.`,
  recordedEarlier: (p: { earlier: readonly string[] }) =>
    `As you confirmed, ${and(p.earlier)} went out before it, outside Tact.`,
  earlierItem: (p: { stage: string; date: string }) => `the ${p.stage} on ${p.date}`,
  next: (p: { stage: string; date: string }) => `Next: ${p.stage} on ${p.date}.`,
  lastStage: "That was the last stage.",
  nothingDue: (p: { number: string; stage: string; date: string; sent: { stage: string; date: string } | null }) =>
    `No reminder is due yet for ${p.number}: ${p.sent ? `the ${p.sent.stage} went out on ${p.sent.date}, and ` : ""}the ${p.stage} comes on ${p.date}.`,
  nothingMore: (p: { number: string }) => `Every reminder stage for ${p.number} is already recorded as sent.`,
  notOpen: (p: { number: string }) => `${p.number} is paid: there is no reminder to record.`,
  badStage: (p: { value: string; max: number }) =>
    `"${p.value}" is not a stage of this client: give a number from 1 to ${p.max}, or nothing for the next stage.`,
  stageNotReached: (p: { stage: string; date: string }) => `The ${p.stage} is not due before ${p.date}.`,
  alreadySent: (p: { stage: string; number: string; date: string }) =>
    `The ${p.stage} for ${p.number} is already recorded as sent, on ${p.date}. Nothing was recorded.`,
  alreadyPast: (p: { stage: string; number: string; last: string; date: string }) =>
    `The ${p.last} for ${p.number} was recorded as sent on ${p.date}, and the ${p.stage} comes before it. Nothing was recorded.`,
  skipped: (p: { stage: string; number: string; missing: readonly string[]; example: string }) =>
    `The ${p.stage} comes after the ${and(p.missing)}, and ${p.missing.length > 1 ? "they are" : "it is"} not recorded as sent: stages go in order, so nothing was recorded. Record ${p.missing.length > 1 ? "them" : "it"} first with /client reminded ${p.number}. If ${p.missing.length > 1 ? "they" : "it"} went out outside Tact, the owner can say so, with the date each was sent: /client reminded ${p.example}`,
  confirmAction: "confirm that reminders went out outside Tact",
  datePlaceholder: "YYYY-MM-DD",
  earlierCount: (p: { count: number; missing: readonly string[]; example: string }) =>
    `Give one date for each earlier stage (${p.count}: the ${and(p.missing)}), in order, separated by commas: /client reminded ${p.example}. Nothing was recorded.`,
  earlierDate: (p: { value: string }) =>
    `"${p.value}" is not a date I can use: write it as YYYY-MM-DD. Nothing was recorded.`,
  earlierFuture: (p: { date: string }) =>
    `${p.date} is in the future: give the day each reminder actually went out. Nothing was recorded.`,
  earlierBeforeDue: (p: { date: string; number: string; due: string }) =>
    `${p.date} is before ${p.number} fell due (${p.due}): a reminder goes out after the due date. Nothing was recorded.`,
  earlierOrder: (p: { date: string; previous: string }) =>
    `The dates go in the order of the stages, and ${p.date} comes before ${p.previous}. Nothing was recorded.`,
  nothingEarlier: (p: { stage: string }) =>
    `Every stage before the ${p.stage} is already recorded as sent: leave out "earlier". Nothing was recorded.`,
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
    /** What was sent before, with dates: "Despite our reminders of 3 and 17 February…". */
    despite: (p: { reminders: readonly string[]; notice: string | null }) =>
      `Despite our ${[
        p.reminders.length > 0 ? `reminder${p.reminders.length > 1 ? "s" : ""} of ${and(p.reminders)}` : "",
        p.notice ? `final notice of ${p.notice}` : "",
      ]
        .filter(Boolean)
        .join(" and our ")}`,
    first: (p: LetterFacts) =>
      `Our records show that invoice ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, has not been paid yet: it is now ${days(p.days)} overdue. It may simply have slipped through: could you let us know when the payment will be made?`,
    second: (p: LetterFacts) =>
      `${opening(p)} ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, is now ${days(p.days)} overdue.`,
    final: (p: LetterFacts) =>
      `${opening(p)} ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, is still unpaid ${days(p.days)} after its due date. This is our final notice.`,
    suspension: (p: LetterFacts) =>
      `${opening(p)} ${p.number} of ${p.issued} for ${p.amount}, due on ${p.due}, is still unpaid ${days(p.days)} after its due date.`,
    charges: (p: { number: string; due: string; days: number }) =>
      `Thank you for paying invoice ${p.number}. As the payment arrived ${p.days} days after the due date of ${p.due}, late-payment charges are due under our terms and the law.`,
    chargesIntro: "Late payment incurs interest and a fixed recovery fee. To date:",
    /** One interest segment a client can check: period, principal, rate, days, amount. */
    interestLine: (p: {
      amount: string;
      from: string;
      to: string;
      principal: string;
      rate: string;
      days: number;
      reference: string;
    }) =>
      `– interest from ${p.from} to ${p.to} on ${p.principal} at ${p.rate} a year, ${days(p.days)}: ${p.amount} (${p.reference})`,
    feeLine: (p: { amount: string; reference: string }) => `– fixed recovery fee: ${p.amount} (${p.reference})`,
    paidLine: (p: { amount: string }) => `– already paid: ${p.amount}`,
    unpaidLine: (p: { amount: string }) => `– invoice still unpaid: ${p.amount}`,
    totalLine: (p: { amount: string; incomplete: boolean }) =>
      `Total due: ${p.amount}${p.incomplete ? ", plus the interest still to be computed" : ""}`,
    payBy: (p: { date: string }) => `Please settle it by ${p.date}.`,
    finalNext: (p: { date: string }) =>
      `If payment has not reached us by ${p.date}, we will have to take further steps to recover the debt.`,
    hostedNext: (p: { date: string; suspendOn: string }) =>
      `If payment has not reached us by ${p.date}, we will have to suspend the hosting of your website on ${p.suspendOn}.`,
    suspensionNext: (p: { date: string; suspendOn: string; notice: number }) =>
      `We are therefore giving you ${p.notice} ${p.notice === 1 ? "day's" : "days'"} notice: if payment has not reached us by ${p.date}, the hosting of your website will be suspended on ${p.suspendOn}. It will be restored as soon as the payment is received.`,
    alreadyPaid: "If you have paid in the meantime, thank you, and please disregard this message.",
    closing: "Kind regards,",
  },
};
