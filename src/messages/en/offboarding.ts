/** The owner's private offboarding wizard (PLAYBOOK.md §3), its refusals, reminder and export. */
export const offboarding = {
  help: {
    offboard: {
      summary: "let a client go, privately",
      details:
        "Opens a direct message with the owner and walks through the eight steps of letting a client go: talk first, decide, the two letters, settle accounts, keep the record, a neutral note to the team, lessons. Nothing shows in any channel. Run it again to resume where you stopped.",
    },
    export: {
      summary: "export a client's written record",
      details:
        "Sends you a Markdown document with the client's incidents, invoices, payments, reminders, charges, the two letters and every offboarding step, with dates.",
    },
  },
  action: {
    export: "export a client's written record",
    owner: "hand over the ownership of this workspace",
    offboard: "let a client go",
  },
  refused: {
    offboard: (p: { owner: string }) =>
      `Only the workspace owner (${p.owner}) can let a client go: it is a conversation the owner has personally, never delegated. Nothing was done and nothing was sent to anyone.`,
    press: "These buttons belong to the person who started this, and only they can use them. Nothing was changed.",
    otherOwner: (p: { client: string; owner: string }) =>
      `${p.owner} started letting ${p.client} go, and it stays with them until they finish. Nothing was changed.`,
    finished: (p: { client: string; slug: string }) =>
      `Letting ${p.client} go is finished; nothing was changed. /client export ${p.slug} sends you the record.`,
    stale: (p: { step: number; total: number }) =>
      `That button belongs to a step you have already left; you are at step ${p.step} of ${p.total}. Here it is again.`,
    alreadyFormer: (p: { client: string; slug: string }) =>
      `${p.client} is already a former client. /client export ${p.slug} sends you the record.`,
  },
  continuingInDm: "Continuing in a direct message, where only you can see it.",
  resuming: (p: { client: string; step: number; total: number }) =>
    `Picking up letting ${p.client} go where you left it: step ${p.step} of ${p.total}.`,
  opening: {
    title: (p: { client: string }) => `Letting ${p.client} go`,
    privateNote: (p: { date: string }) => `Private: only you see this. Started ${p.date}.`,
    intro: "Here is the record first, so the decision rests on facts.",
    incidents: "Incidents logged (last 90 days / all time)",
    incidentValue: (p: { recent: number; total: number; last: string }) => `${p.recent} / ${p.total}, last ${p.last}`,
    noIncidents: "No incidents logged.",
    unpaidTitle: "Unpaid",
    noUnpaid: "Nothing unpaid.",
    risk: "What the playbook says",
    privacy: (p: { slug: string }) =>
      `Only you see this wizard, its notes and its letters. For the team nothing changes: the client's card, logging, invoices, the digest and the alerts stay as they are. Eight steps follow; pause at any time and pick up where you stopped with /client offboard ${p.slug}.`,
  },
  progress: (p: { step: number; total: number; title: string }) => `Step ${p.step} of ${p.total}: ${p.title}`,
  /** The step's heading: the client, then the step. */
  stepHeading: (p: { client: string; title: string }) => `${p.client}: ${p.title}`,
  stepTitles: {
    talk: "Talk first",
    decide: "Decide, calmly, and own your share",
    why: "Explain why, in writing",
    next: "Explain what happens next, in writing",
    accounts: "Settle accounts",
    record: "Keep the record",
    letgo: "Let go, and say nothing bad in public",
    learn: "Learn",
  },
  guidance: {
    talk: "Before ending anything, talk to the client yourself, in person or on the phone, not through a team member. Say what concerns you and what would have to change. Then record when the conversation happened and what was said. If it hasn't happened yet, I can remind you.",
    talkConduct: (p: { count: number }) =>
      `${p.count} report${p.count > 1 ? "s" : ""} of tension: consider putting other team members on the account first; it may be a personality clash.`,
    talkRecorded: (p: { date: string; notes: string }) => `Recorded: the conversation of ${p.date}: ${p.notes}`,
    decide:
      'Stay calm and objective. Where the boundaries were fuzzy (scope never written down, no late-payment terms), the agency may have to take part of the responsibility. A kind reason ("we can no longer give you the level of support you need") works better than an accusation, and it is the one the letters use.',
    decideScope: (p: { count: number }) =>
      `${p.count} scope addition${p.count > 1 ? "s were" : " was"} logged: was the scope written down clearly at the start?`,
    why: "Once you ask a client to leave, put it in writing: it is the record if things get complicated or a lawyer gets involved. Polite, friendly, clear, impossible to misread; no arguing, no blame.",
    chooseReasons: "Choose the reasons the letter gives, from what was logged (press to add or remove):",
    noReasons: "Nothing was logged that a letter could name; the draft gives the kind reason only.",
    next: "Say what happens to the work in progress and who owns it (usually the client, once it is paid; check your contract), what they must do to design, build, host or support their site from now on, and by when.",
    accounts:
      "What is still owed, with interest and recovery fees. Keep chasing it, or write it off knowingly; either way it goes in the record.",
    nothingOwed: "Nothing is owed: every invoice is paid.",
    record:
      "A complete written record: incidents, invoices, payments, reminders, charges, both letters and these steps, with their dates. Keep it somewhere safe; /client export sends it again at any time.",
    letgo:
      "No public warnings about the client, on social media or anywhere else. The one exception: privately, when a respected colleague is about to take them on. For the team, a neutral note is enough:",
    noChannel: "No team channel is configured, so there is nowhere to post the note; tell the team yourself.",
    learn:
      "Which warning signs appeared, and when? Write the lessons down: each line is kept on the client's card and in its record as a lesson learned (never counted as an incident), so the next difficult client is recognised sooner.",
    flagsSoFar: (p: { count: number }) => `Warning signs already on record: ${p.count}.`,
  },
  draftLabel: (p: { language: string }) => `Draft in ${p.language}, the client's language:`,
  acceptedLabel: (p: { date: string }) => `Kept on ${p.date}:`,
  languages: { en: "English", fr: "French" },
  reasonButton: (p: { kind: string; count: number; chosen: boolean }) =>
    `${p.chosen ? "✓ " : ""}${p.kind} (${p.count})`,
  owedLine: (p: { invoice: string; outstanding: string; due: string; days: number; charges: string }) =>
    `${p.invoice}: ${p.outstanding} unpaid, due ${p.due}${p.days > 0 ? ` (${p.days} days late)` : ""}${p.charges ? `; charges ${p.charges}` : ""}`,
  owedTotal: (p: { total: string }) => `Total owed: ${p.total}`,
  chargesHow: (p: { invoice: string }) => `${p.invoice}, how the charges were computed:`,
  teamNote: (p: { client: string; date: string; owner: string }) =>
    `We no longer work with ${p.client} as of ${p.date}; please route any contact to ${p.owner}.`,
  buttons: {
    recordConversation: "Record the conversation",
    remindMe: "Remind me in…",
    remindDays: (p: { days: number }) => (p.days === 1 ? "tomorrow" : p.days === 7 ? "a week" : `${p.days} days`),
    decided: "I've decided",
    useDraft: "Use this letter",
    writeOwn: "Write my own",
    keepChasing: "Keep chasing",
    writeOff: "Write it off",
    nothingToSettle: "Nothing to settle",
    sendRecord: "Send me the record",
    postNote: (p: { channel: string }) => `Post the note in #${p.channel}`,
    dontPost: "Don't post anything",
    writeLessons: "Write the lessons",
    skip: "Skip…",
    back: "Back",
    pause: "Pause",
    resume: "Resume",
    cancel: "Keep the client after all",
  },
  forms: {
    conversationTitle: "The conversation",
    conversationNotes: "What was said (YYYY-MM-DD first if earlier)",
    conversationDate: "When (YYYY-MM-DD)",
    skipTitle: "Skip this step",
    skipReason: "Why skip it?",
    letterTitle: "Your own letter",
    letterField: "The letter",
    lessonsTitle: "Lessons learned",
    lessonsField: "Lessons and warning signs, one per line",
    save: "Save",
  },
  invalid: {
    conversationDate: (p: { value: string }) =>
      `"${p.value}" is not a date I can use: write it as YYYY-MM-DD, today or earlier. Nothing was saved.`,
    empty: (p: { what: string }) => `${p.what} is empty. Nothing was saved.`,
    tooLong: (p: { what: string; max: number }) =>
      `${p.what} is too long: at most ${p.max} characters. Nothing was saved.`,
    tooManyLines: (p: { what: string; max: number }) => `${p.what}: at most ${p.max} lines. Nothing was saved.`,
  },
  stepLine: {
    done: (p: { step: number; total: number; title: string; date: string }) =>
      `Step ${p.step} of ${p.total}, ${p.title}: done on ${p.date}.`,
    skipped: (p: { step: number; total: number; title: string; date: string; reason: string }) =>
      `Step ${p.step} of ${p.total}, ${p.title}: skipped on ${p.date} (${p.reason}).`,
    back: (p: { step: number; total: number }) => `Back to step ${p.step} of ${p.total}.`,
  },
  paused: (p: { step: number; total: number; client: string; slug: string }) =>
    `Paused at step ${p.step} of ${p.total}. Resume with the button below, or with /client offboard ${p.slug}. Meanwhile the team keeps working with ${p.client} as before, and sees nothing of this.`,
  remindSet: (p: { date: string }) => `I'll remind you here on ${p.date}.`,
  reminder: (p: { client: string; step: number; total: number; slug: string }) =>
    `You asked me to remind you today: talk to ${p.client} before going further. Letting them go is paused at step ${p.step} of ${p.total}; resume with the button below or /client offboard ${p.slug}.`,
  cancelled: (p: { client: string }) =>
    `Stopped. ${p.client} is an active client again; the team never saw anything change. What you recorded stays in the record.`,
  wroteOff: (p: { total: string; count: number }) =>
    `Written off: ${p.total} on ${p.count} invoice${p.count > 1 ? "s" : ""}. No more reminders for ${p.count > 1 ? "them" : "it"}.`,
  writeOff: {
    ask: (p: { client: string; total: string; count: number }) =>
      `Write off ${p.total} that ${p.client} owes on ${p.count} invoice${p.count > 1 ? "s" : ""}? This gives up, for good:`,
    item: (p: { invoice: string; principal: string | null; days: number; charges: string | null }) =>
      `${p.invoice}: ${[
        ...(p.principal
          ? [`${p.principal} unpaid${p.days > 0 ? `, ${p.days} ${p.days === 1 ? "day" : "days"} late` : ""}`]
          : []),
        ...(p.charges ? [p.charges] : []),
      ].join(", and ")}`,
    after:
      "No reminder goes out for these invoices any more. The late payments, these amounts and the risk they show stay on the card and in the record, marked as written off.",
    letterKept:
      "The handover letter you kept at step 4 asks for these amounts. Once they are written off, go back to step 4 and keep the new draft, which says they are no longer claimed.",
    confirm: (p: { total: string }) => `Write off ${p.total}`,
    back: "Back to the choice",
  },
  owedChanged:
    "What the client owes changed a moment ago (a payment, a credit note or new charges were recorded), so nothing was written off. Look at the amounts again and choose.",
  keptChasing: "Kept: reminders for the unpaid invoices continue.",
  notePosted: (p: { channel: string }) => `Posted the note in #${p.channel}.`,
  noteNotPosted: "Nothing posted.",
  lessonsSaved: (p: { count: number }) => `Saved ${p.count} lesson${p.count > 1 ? "s" : ""} on the client's record.`,
  recordSent: "The record is on its way as a file.",
  /** "I sent it" under a letter kept at step 3 or 4: when and how it went to the client. */
  letterSent: {
    prompt: (p: { title: string }) =>
      `Tact never writes to the client: send the letter "${p.title}" yourself, then press I sent it to record when and how it went.`,
    button: "I sent it",
    formTitle: "When and how it went",
    recorded: (p: { title: string; date: string; via: string }) =>
      `Recorded: the letter "${p.title}" went to the client on ${p.date} ${p.via}. The record shows it.`,
    notKept: (p: { title: string }) =>
      `The letter "${p.title}" has not been kept yet: keep it at its step first. Nothing was recorded.`,
    beforeKept: "the letter was kept",
    noChannel: "Say how it went: email, post or registered. Nothing was recorded.",
  },
  finished: (p: { client: string; slug: string }) =>
    `${p.client} is now a former client. The record stays; /client export ${p.slug} sends it again at any time. Reminders for unpaid invoices continue unless you wrote them off.`,
  exportSent: "I sent you the record in a direct message.",
  exportReady: (p: { client: string }) => `The written record of ${p.client}.`,
  record: {
    title: (p: { client: string; slug: string }) => `Written record: ${p.client} (${p.slug})`,
    exported: (p: { date: string; by: string; status: string }) =>
      `Exported ${p.date} by ${p.by}. Status: ${p.status}.`,
    workspace: (p: { name: string }) => `Workspace: ${p.name}.`,
    period: (p: { from: string; to: string }) => `Period covered: ${p.from} to ${p.to}.`,
    aliases: (p: { aliases: string }) => `Also known as: ${p.aliases}.`,
    since: (p: { date: string }) => `Client since ${p.date}.`,
    tact: "Tact",
    statuses: { active: "active client", offboarding: "being let go", offboarded: "former client" },
    /** What an empty section of the record says, each in its own words. */
    nothing: {
      incidents: "No incidents.",
      latePayments: "No late payments.",
      lessons: "No lessons.",
      invoices: "No invoices.",
      payments: "No payments.",
      reminders: "No reminders.",
      charges: "No late-payment charges.",
      steps: "No steps.",
      timeline: "Nothing recorded.",
    },
    incidents: (p: { count: number }) => `Incidents (${p.count})`,
    incidentHead: ["Date", "Kind", "Reported by", "Invoice", "Note"],
    lessonList: (p: { count: number }) => `Lessons learned (${p.count}, not counted as incidents)`,
    lessonHead: ["Date", "Written by", "Lesson"],
    withdrawn: (p: { date: string; by: string }) => `withdrawn ${p.date} by ${p.by}`,
    latePayments: (p: { count: number }) => `Late payments (${p.count})`,
    latePaymentsHow:
      "One per invoice, counted as on the client's card: each invoice that went overdue or was paid after its due date, and each late payment logged without a recorded invoice. Amounts as of the export; charges as computed, whether owed, settled or waived.",
    latePaymentHead: ["Invoice", "Due", "Days late", "Amount", "Unpaid", "Charges", "Logged by the team"],
    daysLate: (p: { days: number }) => (p.days === 1 ? "1 day" : `${p.days} days`),
    stillUnpaid: (p: { days: number }) => `still unpaid (${p.days === 1 ? "1 day" : `${p.days} days`})`,
    daysUnknown: "not known",
    voidedAfter: (p: { days: number; date: string }) =>
      `unpaid ${p.days === 1 ? "1 day" : `${p.days} days`}, then voided ${p.date}`,
    writtenOffAfter: (p: { days: number; date: string }) =>
      `unpaid ${p.days === 1 ? "1 day" : `${p.days} days`}, then written off ${p.date}`,
    chargesIncomplete: (p: { amount: string }) => `${p.amount} + interest not computed yet (see the charges)`,
    loggedOn: (p: { date: string }) => `logged ${p.date}`,
    logged: (p: { count: number }) =>
      p.count === 0 ? "no" : p.count === 1 ? "once" : p.count === 2 ? "twice" : `${p.count} times`,
    invoices: "Invoices",
    invoiceHead: ["Invoice", "Issued", "Due", "Amount", "Paid", "Outstanding", "Days late", "Status"],
    invoiceStatuses: { open: "open", paid: "paid", void: "void", writtenOff: "written off" },
    invoiceState: {
      open: "open",
      disputed: (p: { date: string }) => `open, disputed since ${p.date}`,
      paid: (p: { date: string }) => (p.date ? `paid ${p.date}` : "paid"),
      void: (p: { date: string }) => (p.date ? `void since ${p.date}` : "void"),
      writtenOff: (p: { date: string }) => `written off ${p.date}`,
    },
    daysSoFar: (p: { days: number }) => `${p.days} so far`,
    notDue: "not due",
    writtenOff: (p: { date: string; invoice: string; principal: string; charges: string; by: string }) =>
      `${p.invoice}: written off ${p.date} by ${p.by}: ${p.principal} unpaid and ${p.charges} of charges.`,
    payments: "Payments",
    paymentHead: ["Date", "Invoice", "Kind", "Amount", "Recorded by"],
    paymentKinds: { payment: "payment", credit: "credit note", charges: "charges paid" },
    reminders: "Reminders",
    reminderSent: (p: {
      date: string;
      invoice: string;
      stage: string;
      by: string;
      later: boolean;
      via: string;
      drafted: string;
    }) =>
      `${p.date} · ${p.invoice} · ${p.stage} sent${p.via ? ` ${p.via}` : ""}${p.drafted ? ` (drafted ${p.drafted})` : ""} · recorded by ${p.by}${p.later ? ", who confirmed afterwards that it went out outside Tact" : ""}`,
    alertPosted: (p: { date: string; invoice: string; stage: string }) =>
      `${p.date} · ${p.invoice} · overdue alert to the team (stage ${p.stage})`,
    charges: "Late-payment charges",
    chargesLine: (p: { invoice: string; total: string; interest: string; fee: string; days: number; status: string }) =>
      `${p.invoice}: ${p.total} (${p.status}): interest ${p.interest} over ${p.days} days late, recovery fee ${p.fee}`,
    givenUpStatus: (p: { kind: "write-off" | "void" | "waiver"; date: string }): string =>
      `${p.kind === "write-off" ? "written off" : p.kind === "void" ? "voided" : "waived"} on ${p.date}`,
    chargesStatuses: { open: "owed", settled: "settled", waived: "waived" },
    letters: "Letters",
    whyTitle: "Why we are ending our collaboration",
    nextTitle: "What happens next",
    letterMeta: (p: { date: string; own: boolean; language: string }) =>
      `${p.own ? "Written by the owner" : "Drafted by Tact and kept as is"} on ${p.date}, in ${p.language}.`,
    letterSentMeta: (p: { date: string; via: string; recorded: string }) =>
      `Sent to the client on ${p.date} ${p.via} (recorded ${p.recorded}).`,
    letterNotSent: "Not recorded as sent.",
    notWritten: "Not written.",
    offboarding: "Letting the client go",
    offboardingMeta: (p: { started: string; by: string; status: string }) =>
      `Started ${p.started} by ${p.by}; ${p.status}.`,
    wizardStatuses: { in_progress: "in progress", paused: "paused", done: "finished", cancelled: "stopped" },
    stepHead: ["Step", "Status", "Date", "Notes"],
    stepStatuses: { pending: "to do", done: "done", skipped: "skipped" },
    conversation: (p: { date: string; notes: string }) => `Conversation of ${p.date}: ${p.notes}`,
    accounts: {
      chase: (p: { owed: string }) => `kept chasing ${p.owed}`,
      "write-off": (p: { owed: string }) => `wrote off ${p.owed}`,
      "nothing-owed": () => "nothing owed",
    },
    teamNote: (p: { posted: boolean; channel: string; text: string }) =>
      p.posted ? `note posted in #${p.channel}: "${p.text}"` : "no note posted",
    lessons: (p: { lines: string }) => `saved as lessons: ${p.lines}`,
    timeline: "Timeline",
    timelineHow:
      "Everything above, oldest first, with who did it. A day without a time is a day someone gave (an invoice's dates, a payment's day, a reminder's).",
    timelineHead: ["When", "Who", "What"],
    entries: {
      clientAdded: (p: { client: string }) => `client added: ${p.client}`,
      incident: (p: { kind: string; invoice: string; note: string }) =>
        `${p.kind} logged${p.invoice ? ` (invoice ${p.invoice})` : ""}${p.note ? `: ${p.note}` : ""}`,
      withdrawn: (p: { kind: string }) => `${p.kind} withdrawn`,
      lesson: (p: { note: string }) => `lesson learned: ${p.note}`,
      invoiceIssued: (p: { invoice: string; amount: string; due: string }) =>
        `invoice ${p.invoice} issued: ${p.amount}, due ${p.due}`,
      latePayment: (p: { invoice: string; days: number; unpaid: boolean }) =>
        p.unpaid
          ? `${p.invoice} fell due and is still unpaid (${p.days === 1 ? "1 day" : `${p.days} days`} late so far)`
          : `${p.invoice} fell due; it was paid ${p.days === 1 ? "1 day" : `${p.days} days`} late`,
      payment: (p: { kind: string; invoice: string; amount: string }) => `${p.kind} on ${p.invoice}: ${p.amount}`,
      voided: (p: { invoice: string }) => `invoice ${p.invoice} voided`,
      writtenOff: (p: { invoice: string; principal: string; charges: string }) =>
        `invoice ${p.invoice} written off: ${p.principal} unpaid and ${p.charges} of charges`,
      dueChanged: (p: { invoice: string; from: string; to: string }) =>
        `due date of ${p.invoice} moved from ${p.from} to ${p.to}`,
      disputed: (p: { invoice: string; note: string }) => `${p.invoice} disputed${p.note ? `: ${p.note}` : ""}`,
      resumed: (p: { invoice: string; outcome: "upheld" | "not-upheld" | null; days: number; interest: string }) =>
        p.outcome === "upheld"
          ? `dispute over ${p.invoice} upheld: its ${p.days} ${p.days === 1 ? "day stays" : "days stay"} free of interest (${p.interest} not charged); charges run again`
          : p.outcome === "not-upheld"
            ? `dispute over ${p.invoice} not upheld: the interest for its ${p.days} ${p.days === 1 ? "day" : "days"} is owed again (${p.interest}); charges run again`
            : `dispute over ${p.invoice} settled; charges run again`,
      chargesWaived: (p: { invoice: string; amount: string }) =>
        `late-payment charges on ${p.invoice} waived: ${p.amount}`,
      reminderSent: (p: { stage: string; invoice: string; via: string }) =>
        `${p.stage} for ${p.invoice} sent${p.via ? ` ${p.via}` : ""}`,
      reminderDrafted: (p: { stage: string; invoice: string }) => `${p.stage} for ${p.invoice} drafted`,
      alert: (p: { invoice: string; stage: string }) =>
        `overdue alert to the team about ${p.invoice} (stage ${p.stage})`,
      conversation: (p: { notes: string }) => `conversation with the client: ${p.notes}`,
      letterSent: (p: { title: string; via: string }) => `letter "${p.title}" sent to the client ${p.via}`,
      letterKept: (p: { title: string; own: boolean }) =>
        p.own ? `letter "${p.title}" written by the owner` : `letter "${p.title}" drafted by Tact, kept as is`,
      step: (p: { step: number; title: string; event: string; reason: string }) =>
        `letting go, step ${p.step} (${p.title}): ${p.event}${p.reason ? ` (${p.reason})` : ""}`,
    },
    events: {
      start: "started",
      done: "done",
      skip: "skipped",
      back: "went back",
      pause: "paused",
      resume: "resumed",
      cancel: "stopped",
      finish: "finished",
    },
    remindOn: (p: { date: string }) => `reminder asked for ${p.date}`,
    step: (p: { step: number }) => `step ${p.step}`,
    filename: (p: { slug: string; date: string }) => `${p.slug}-record-${p.date}.md`,
    pdf: {
      header: (p: { workspace: string; client: string; from: string; to: string }) =>
        `${p.workspace} · Written record of ${p.client} · ${p.from} to ${p.to}`,
      page: (p: { page: number; pages: number }) => `Page ${p.page} of ${p.pages}`,
      checkTitle: "Checking a copy",
      checkBefore: (p: { file: string }) =>
        `This PDF shows the content of the Markdown file ${p.file}, sent with it. The SHA-256 of that file, computed over its exact bytes (UTF-8 text), is:`,
      checkAfter: (p: { file: string }) =>
        `To check a copy of ${p.file}, compute its SHA-256 and compare it with the value above: any other value means the copy is not the file Tact produced. The command, by system:`,
      checkCommands: (p: { file: string }) => [
        `Linux: sha256sum ${p.file}`,
        `macOS: shasum -a 256 ${p.file}`,
        `Windows: certutil -hashfile ${p.file} SHA256`,
      ],
    },
  },
  owner: {
    usage: "@person",
    invalid: (p: { value: string }) =>
      `"${p.value}" is not a person I can hand the workspace to: mention them, like /client config owner @dana. Nothing was changed.`,
    unknown: (p: { value: string }) =>
      `I haven't seen anyone called "${p.value}" in this workspace yet; they need to use Tact once first. Nothing was changed.`,
    same: (p: { owner: string }) => `${p.owner} is already the owner. Nothing was changed.`,
    changed: (p: { owner: string }) =>
      `The workspace was handed over to ${p.owner} a moment ago, so it is no longer yours to hand over. Nothing was changed.`,
    set: (p: { owner: string }) =>
      `${p.owner} is now the owner of this workspace. Any offboarding already in progress stays with whoever started it.`,
    told: (p: { from: string }) =>
      `${p.from} made you the owner of Tact in this workspace: owner-only settings, exports and letting a client go are now yours.`,
  },
};
