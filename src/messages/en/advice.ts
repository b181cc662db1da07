import type { StageKind } from "../../domain/stages.ts";
import type { Closed } from "./risk.ts";

const stageNames: Record<StageKind, string> = {
  first: "first reminder",
  second: "second reminder",
  final: "final notice",
  suspension: "suspension notice",
};
/** "1 scope addition (20 Nov 2026)", "3 scope additions since 2 Jun 2026 (last 20 Nov 2026)". */
const tally = (p: { count: number; since: string; last: string }, one: string, many: string) =>
  p.count === 1 ? `1 ${one} (${p.last})` : `${p.count} ${many} since ${p.since} (last ${p.last})`;
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The playbook's advice (PLAYBOOK.md §1–2; src/domain/advice.ts), each with the facts that call for it. */
export const advice = {
  noPattern: "Nothing to act on: occasional problems are normal.",
  /** What the record shows of the reminders for an invoice: nothing more. */
  reminders: {
    none: "no reminder recorded yet",
    last: (p: { kind: StageKind; date: string | null }) =>
      `${stageNames[p.kind]} ${p.date ? `sent on ${p.date}` : "recorded as sent"}`,
  },
  /** One late payment, as the record knows it. */
  latePayment: (p: {
    invoice: string | null;
    date: string;
    dated: "due" | "logged";
    days: number | null;
    unpaid: boolean;
    closed: Closed | null;
  }) =>
    [
      ...(p.invoice ? [p.invoice] : []),
      p.dated === "due" ? `due ${p.date}` : `logged ${p.date}`,
      ...(p.days === null ? [] : [p.unpaid || p.closed ? `unpaid for ${days(p.days)}` : `paid ${days(p.days)} late`]),
      ...(p.closed ? [`${p.closed.kind === "write-off" ? "written off" : "voided"} on ${p.closed.date}`] : []),
    ].join(", "),
  suspend: (p: { number: string; days: number; final: string }) =>
    `${p.number} is unpaid ${days(p.days)} after its due date and the agency hosts this client's site (${p.final}). Send a suspension notice, polite, brief and in writing, with the date hosting stops (/client remind ${p.number} drafts it).`,
  chaseOrWriteOff: (p: { number: string; days: number; reminders: string }) =>
    `${p.number} is still unpaid ${days(p.days)} after its due date, long past the final stage (${p.reminders}). Make sure the money actually arrives: the owner chases it personally or hands it to a collection agency. Or write it off, as a decision.`,
  finalSent: (p: { number: string; days: number; final: string }) =>
    `${p.number} is unpaid ${days(p.days)} after its due date (${p.final}). If nothing arrives, the owner chases it personally: the money has to actually come in.`,
  remindPastFinal: (p: { number: string; days: number; reminders: string }) =>
    `${p.number} is unpaid ${days(p.days)} after its due date, past the day for the final notice (${p.reminders}). Send the next reminder (/client remind ${p.number} drafts it).`,
  latePattern: (p: { count: number; since: string; last: string }) =>
    `${p.count} separate late payments in the last 12 months (from ${p.since} to ${p.last}): this is a pattern, and it costs the team time. Renegotiate (a deposit, late-payment penalties in the contract, a shorter billing period) or end the relationship.`,
  lateRepeat: (p: { count: number; since: string; last: string }) =>
    `${p.count} late payments in the last 12 months (from ${p.since} to ${p.last}): not a pattern yet. Put a system in place: late-payment penalties in the contract, and reminders that add interest.`,
  lateOnce: (p: { payment: string; unpaid: boolean }) =>
    `One late payment in the last 12 months (${p.payment}): likely an accounting slip. ${p.unpaid ? "A polite reminder is enough." : "Nothing more to do."}`,
  conductOnce: (p: { date: string }) =>
    `Tension reported on ${p.date}: the owner should talk to the client personally, state the concern and the change wanted. Don't delegate it.`,
  conductRepeat: (p: { count: number; since: string; last: string }) =>
    `${p.count} reports of disrespect or tension since ${p.since} (last ${p.last}): if talking didn't help, try other team members on the account; it may be a personality clash.`,
  conductPersistent: (p: { count: number; since: string; last: string }) =>
    `${p.count} reports of disrespect or tension since ${p.since} (last ${p.last}): the tension persists. Consider asking the client to leave.`,
  advicePattern: (p: { count: number; since: string; last: string }) =>
    `${p.count} pieces of advice ignored since ${p.since} (last ${p.last}): it's their site, but a pattern with one client erodes the team's confidence and pride in the work. Talk about it openly.`,
  adviceOnce: (p: { date: string }) =>
    `Advice ignored once (${p.date}): clients won't take every suggestion; it's their site.`,
  scope: (p: { count: number; since: string; last: string }) =>
    `${tally(p, "scope addition", "scope additions")}: write a clear project profile, amend it when work is added, and price each addition.`,
  ethics: (p: { count: number; since: string; last: string }) =>
    `${tally(p, "unethical request", "unethical requests")}: hiring the agency does not oblige it to do anything asked. Refuse, and keep the record.`,
  flags: (p: { count: number; since: string; last: string }) =>
    `${tally(p, "warning sign recorded", "warning signs recorded")}: keep ${p.count === 1 ? "it" : "them"} in mind when deciding what to accept from this client.`,
  manyTroubles: (p: { count: number; kinds: number }) =>
    `${p.count} incidents of ${p.kinds} kinds in the last 90 days: time for the owner to decide whether this relationship is worth keeping.`,
  formerOwed: (p: { invoices: string; amounts: string; slug: string }) =>
    `A former client: what still applies is what is owed (${p.invoices}: ${p.amounts}). Have it settled, or write it off as a decision, and keep the record (/client export ${p.slug}).`,
  formerSettled: (p: { slug: string }) =>
    `A former client who owes nothing: keep the record (/client export ${p.slug}) in case it is ever needed.`,
};
