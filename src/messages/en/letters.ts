/**
 * The two letters of PLAYBOOK.md §3 (steps 3 and 4), drafted in the client's language.
 * Tone per §4: calm, polite, brief, factual; no arguing, no blame.
 */
export const letters = {
  greeting: (p: { client: string }) => `Dear ${p.client},`,
  signOff: "Kind regards,",
  why: {
    opening:
      "After careful thought, we have decided to end our collaboration. We would rather explain why clearly and in writing, so that nothing is left unclear between us.",
    reasonsIntro: "Over the past months:",
    reasons: {
      late: (p: { count: number; since: string }) =>
        p.count > 1
          ? `payments have reached us after their due date ${p.count} times since ${p.since}, which a team of our size cannot absorb;`
          : `a payment reached us after its due date (on ${p.since}), which a team of our size finds hard to absorb;`,
      conduct: () =>
        "our exchanges have become tense, and we no longer manage to work together in the calm way a project needs;",
      advice: () =>
        "we have disagreed several times on choices within our own field, such as accessibility or usability, and we can no longer fully stand behind the result;",
      scope: () => "the project has grown well beyond what we had agreed, and we can no longer plan it properly;",
      ethics: () => "some requests fall outside what our professional standards allow us to do;",
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
