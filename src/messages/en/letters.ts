/**
 * The two letters of PLAYBOOK.md §3 (steps 3 and 4), drafted in the client's language.
 * Tone per §4: calm, polite, brief, factual; no arguing, no blame.
 */
/** "once", "twice", "3 times": a letter counts exactly, in words where English does. */
const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export const letters = {
  greeting: (p: { client: string }) => `Dear ${p.client},`,
  signOff: "Kind regards,",
  why: {
    opening:
      "After careful thought, we have decided to end our collaboration. We would rather explain why clearly and in writing, so that nothing is left unclear between us.",
    reasonsIntro: "Over the past months:",
    reasons: {
      late: (p: {
        paid: { count: number; since: string; days: number | null } | null;
        unpaid: { count: number; invoices: string } | null;
        noted: { count: number; since: string } | null;
        total: number;
      }) => {
        const parts: string[] = [];
        if (p.paid)
          parts.push(
            p.paid.count === 1
              ? `a payment reached us ${p.paid.days === null ? "after" : `${days(p.paid.days)} after`} its due date of ${p.paid.since}`
              : `payments have reached us after their due date ${times(p.paid.count)} since ${p.paid.since}`,
          );
        if (p.unpaid)
          parts.push(
            `${p.unpaid.count === 1 ? "invoice" : "invoices"} ${p.unpaid.invoices} ${p.unpaid.count === 1 ? "is" : "are"} still unpaid`,
          );
        if (p.noted) {
          const other = parts.length > 0 ? " other" : "";
          parts.push(
            p.noted.count === 1
              ? `we noted one${other} late payment, on ${p.noted.since}`
              : `we noted${other} late payments ${times(p.noted.count)} since ${p.noted.since}`,
          );
        }
        const joined = parts.length > 1 ? `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}` : (parts[0] ?? "");
        return `${joined}, which a team of our size ${p.total > 1 ? "cannot" : "finds hard to"} absorb;`;
      },
      unpaidInvoice: (p: { number: string; due: string }) => `${p.number} (due ${p.due})`,
      conduct: (p: { count: number; since: string; last: string }) =>
        p.count === 1
          ? `our exchanges became tense once, on ${p.since}, and a project needs calm to go well;`
          : `our exchanges have become tense ${times(p.count)} since ${p.since}, and we no longer manage to work together in the calm way a project needs;`,
      advice: (p: { count: number; since: string; last: string }) =>
        p.count === 1
          ? `we disagreed once, on ${p.since}, on a choice within our own field, and we cannot fully stand behind the result;`
          : `we have disagreed ${times(p.count)} since ${p.since} on choices within our own field, and we can no longer fully stand behind the result;`,
      scope: (p: { count: number; since: string; last: string }) =>
        p.count === 1
          ? `the project went beyond what we had agreed once, on ${p.since}, and we need a clear scope to plan it properly;`
          : `the project has gone beyond what we had agreed ${times(p.count)} since ${p.since}, and we can no longer plan it properly;`,
      ethics: (p: { count: number; since: string; last: string }) =>
        p.count === 1
          ? `once, on ${p.since}, we were asked for something that our professional standards do not allow us to do;`
          : `we have been asked ${times(p.count)} since ${p.since} for things that our professional standards do not allow us to do;`,
    },
    share: "We also recognise our part: we could have set out the boundaries of our work more clearly from the start.",
    kind: "Above all, we can no longer give you the level of support you need, and we believe another partner will serve you better.",
    closing:
      "Thank you for the trust you have placed in us. We will send you the practical details of the handover separately, so that the transition goes smoothly.",
  },
  next: {
    opening: (p: { date: string }) => `Following our letter of ${p.date}, here is how we will hand things over.`,
    workPaid: (p: { date: string }) =>
      `Work in progress: everything delivered so far has been paid for, so it is yours. We will hand over the files, source code and documentation by ${p.date}.`,
    workUnpaid: (p: { invoices: string; total: string }) =>
      `Work in progress: subject to the terms of our contract, the work delivered becomes yours once it has been paid for. Still open: ${p.invoices} (${p.total} in total). As soon as they are settled, we will hand over the files, source code and documentation.`,
    hosted: (p: { date: string }) =>
      `Hosting, domain and access: we host your website and will keep it online until ${p.date}. Before then, please choose a new host; we will transfer the domain name and hand over every access (hosting, domain registrar, site administration) to you or to your new provider.`,
    notHosted: (p: { date: string }) =>
      `Access: we will hand back any access you gave us by ${p.date}; we recommend that you change those passwords afterwards.`,
    future: (p: { date: string }) =>
      `From now on: for the design, development, hosting and support of your site, we suggest that your new provider reviews the project before the handover. We will answer their technical questions until ${p.date}.`,
    finalInvoice: (p: { date: string; withOpen: boolean }) =>
      `Final invoice: our final invoice, for the work done up to ${p.date}, will follow. Once it${p.withOpen ? " and the invoices above are" : " is"} settled, our accounts will be closed.`,
    closing: "Thank you again, and we wish you every success with the project.",
  },
};
