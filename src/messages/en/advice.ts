/** The playbook's advice (PLAYBOOK.md §1), each with the facts that triggered it. */
export const advice = {
  noPattern: "Nothing to act on: occasional problems are normal.",
  lateOnce: (p: { date: string }) =>
    `One late payment (${p.date}): likely an accounting slip. A polite reminder is enough.`,
  latePattern: (p: { count: number; since: string; last: string }) =>
    `${p.count} late payments since ${p.since} (last ${p.last}): this is a pattern that costs the team time. Renegotiate (a deposit, late-payment penalties in the contract, a shorter billing period) or end the relationship.`,
  conductOnce: (p: { date: string }) =>
    `Tension reported on ${p.date}: the owner should talk to the client personally, state the concern and the change wanted. Don't delegate it.`,
  conductRepeat: (p: { count: number; last: string }) =>
    `${p.count} reports of disrespect or tension (last ${p.last}): if talking didn't help, try other team members on the account; it may be a personality clash.`,
  conductPersistent: (p: { count: number; last: string }) =>
    `${p.count} reports of disrespect or tension (last ${p.last}): the tension persists. Consider asking the client to leave.`,
  advicePattern: (p: { count: number; last: string }) =>
    `${p.count} pieces of advice ignored (last ${p.last}): it's their site, but a pattern with one client erodes the team's confidence and pride in the work. Talk about it openly.`,
  adviceOnce: "Advice ignored once: clients won't take every suggestion; it's their site.",
  scope: (p: { count: number; last: string }) =>
    `${p.count} scope addition${p.count > 1 ? "s" : ""} (last ${p.last}): write a clear project profile, amend it when work is added, and price each addition.`,
  ethics: (p: { count: number; last: string }) =>
    `${p.count} unethical request${p.count > 1 ? "s" : ""} (last ${p.last}): hiring the agency does not oblige it to do anything asked. Refuse, and keep the record.`,
  flags: (p: { count: number; last: string }) =>
    `${p.count} warning sign${p.count > 1 ? "s" : ""} recorded (last ${p.last}): keep them in mind when deciding what to accept from this client.`,
  manyTroubles: (p: { count: number; kinds: number }) =>
    `${p.count} incidents of ${p.kinds} kinds in 90 days: time for the owner to decide whether this relationship is worth keeping.`,
  overdueFinal: (p: { number: string; days: number }) =>
    `${p.number} is still unpaid ${p.days} days after its due date, past the final notice: make sure the money actually arrives (the owner chases it personally, or a collection agency), or write it off consciously.`,
  hostedUnpaid: (p: { number: string; days: number }) =>
    `${p.number} is unpaid ${p.days} days after its due date and the agency hosts this client's site: send a suspension notice, polite, brief and in writing, with the date hosting stops (/client remind ${p.number} drafts it).`,
};
