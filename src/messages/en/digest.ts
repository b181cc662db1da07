/** The daily digest, overdue alerts, and the schedule settings. */
export const digest = {
  help: {
    summary: "show today's digest, privately",
    details:
      "What the daily digest would say right now, for your eyes only: overdue invoices, invoices due this week, new incidents, clients whose risk rose, and the aging of what is owed. It does not replace the scheduled post. The owner sets where the digest is posted with /client config channel #billing, and when with /client config digest 09:00 Europe/Paris (days: /client config days mon-fri); /client config shows the current schedule.",
  },
  title: (p: { date: string }) => `Daily digest · ${p.date}`,
  fallback: (p: { overdue: number; dueSoon: number; incidents: number }) =>
    `Daily digest: ${p.overdue} overdue ${p.overdue === 1 ? "invoice" : "invoices"}, ${p.dueSoon} due this week, ${p.incidents} new ${p.incidents === 1 ? "incident" : "incidents"}.`,
  /** Said once, at the top, while a reference rate the charges below need is not known (issue 13 §1). */
  missingRates: (p: { items: string; count: number }) =>
    `Interest below is incomplete: ${p.items} ${p.count === 1 ? "is" : "are"} not known yet, so interest from ${p.count === 1 ? "that date" : "those dates"} is not included. Tact adds ${p.count === 1 ? "it" : "them"} as soon as published.`,
  missingRateItem: (p: { series: string; date: string }) => `the ${p.series} for ${p.date}`,
  quiet: "Nothing to report today: no overdue invoice, nothing due this week, no new incident.",
  preview: (p: { channel: string; time: string; timezone: string }) =>
    `Preview, visible only to you. The scheduled digest posts in #${p.channel} at ${p.time} (${p.timezone}).`,
  previewOff: "Preview, visible only to you. The scheduled digest is turned off.",
  previewNoChannel: "Preview, visible only to you. No digest channel is set: /client config channel #billing.",
  overdue: {
    title: "Overdue invoices",
    client: (p: { client: string; count: number; total: string }) =>
      `${p.client}: ${p.count} overdue ${p.count === 1 ? "invoice" : "invoices"}, ${p.total}`,
    invoice: (p: { number: string; amount: string; days: number; charges: string | null }) =>
      `${p.number} · ${p.amount} · ${p.days} ${p.days === 1 ? "day" : "days"} late${p.charges ? ` · charges so far ${p.charges}` : ""}`,
    lastSent: (p: { stage: string; date: string }) => `last sent: ${p.stage} on ${p.date}`,
    noneSent: "no reminder sent yet",
    ready: (p: { stage: string }) => `${p.stage} due now`,
    next: (p: { stage: string; date: string }) => `next: ${p.stage} on ${p.date}`,
    snoozed: (p: { date: string }) => `snoozed until ${p.date}`,
    disputed: "disputed: reminders paused",
    more: (p: { count: number }) =>
      `…and ${p.count} more overdue ${p.count === 1 ? "invoice" : "invoices"}: /client invoices lists them all.`,
  },
  dueSoon: {
    title: "Due in the next 7 days",
    line: (p: { number: string; client: string; amount: string; date: string }) =>
      `${p.number} · ${p.client} · ${p.amount} · due ${p.date}`,
  },
  incidents: {
    title: (p: { since: string }) => `New incidents since ${p.since}`,
    line: (p: { client: string; counts: string }) => `${p.client}: ${p.counts}`,
    count: (p: { kind: string; count: number }) => `${p.kind} (${p.count})`,
  },
  agencyLesson: {
    title: "For the owner",
    text: (p: { ignoring: number; active: number }) =>
      `Ignored advice was logged for ${p.ignoring} of the ${p.active} clients with incidents in the last 180 days. When most clients turn down the agency's advice, the lesson is about the agency: work on how you persuade (say why, show an example, put the advice in writing before the work starts). This comes at most once a month.`,
  },
  risk: {
    title: "Clients whose risk rose",
    line: (p: { client: string; from: string; to: string }) => `${p.client}: ${p.from} → ${p.to}`,
  },
  aging: {
    title: (p: { currency: string }) => `Aging of overdue amounts, in days late (${p.currency})`,
    bucket: (p: { range: string; bar: string; amount: string; count: number }) =>
      `${p.range}  ${p.bar}  ${p.amount} (${p.count})`,
  },
  buttons: {
    paid: "Mark paid",
    remind: "Draft reminder",
    snooze: "Snooze 3 days",
  },
  actions: {
    snoozed: (p: { number: string; date: string }) =>
      `${p.number} is snoozed until ${p.date}: no alert and no line in the digest until then.`,
    notFound: "This invoice is no longer open, so there is nothing to do.",
  },
  alert: {
    title: (p: { number: string; client: string }) => `Overdue: ${p.number} (${p.client})`,
    text: (p: {
      number: string;
      client: string;
      days: number;
      stage: string;
      amount: string;
      charges: string | null;
    }) =>
      `${p.number} for ${p.client} is ${p.days} ${p.days === 1 ? "day" : "days"} late. Step due: ${p.stage}. Outstanding ${p.amount}${p.charges ? `, plus ${p.charges} in charges so far` : ""}.`,
    hint: "The bot drafts; a person sends. Press the button for the draft.",
  },
  config: {
    channelSet: (p: { channel: string }) => `The digest and overdue alerts will be posted in #${p.channel}.`,
    channelInDm:
      "Name a channel, for example `/client config channel #billing`: the digest can't go to a direct message.",
    invalidChannel: (p: { value: string }) => `"${p.value}" is not a channel. Name one like #billing.`,
    digestSet: (p: { time: string; timezone: string; days: string; channel: string; next: string }) =>
      `Daily digest at ${p.time} (${p.timezone}), ${p.days}, in #${p.channel}. Next one: ${p.next}.`,
    digestSetNoChannel: (p: { time: string; timezone: string; days: string }) =>
      `Daily digest at ${p.time} (${p.timezone}), ${p.days}. No channel yet: /client config channel #billing.`,
    digestOff: "The daily digest is off. Overdue alerts still post in the digest channel, at the digest time.",
    digestOn: "The daily digest is on again.",
    invalidDigest: (p: { value: string }) =>
      `"${p.value}" is not a digest setting. Expected a time and, if you like, a time zone (\`09:00 Europe/Paris\`), or \`on\` / \`off\`.`,
    invalidTimeZone: (p: { value: string }) =>
      `"${p.value}" is not a time zone I know. Use an IANA name such as Europe/Paris or America/New_York.`,
    daysSet: (p: { days: string }) => `The digest now posts ${p.days}.`,
    invalidDays: (p: { value: string }) =>
      `"${p.value}" is not a list of days. Expected a range or a list, like \`mon-fri\` or \`mon,wed,fri\`.`,
    quietPost: "On a day with nothing to report, the digest posts one short line.",
    quietSilent: "On a day with nothing to report, the digest posts nothing.",
    invalidQuiet: (p: { value: string }) => `"${p.value}" is not a choice here. Expected \`post\` or \`silent\`.`,
    status: (p: { state: string; time: string; timezone: string; days: string; channel: string; quiet: string }) =>
      `Daily digest: ${p.state}, at ${p.time} (${p.timezone}), ${p.days}, in ${p.channel}. Quiet days: ${p.quiet}.`,
    on: "on",
    off: "off",
    noChannel: "no channel yet",
    quietPostShort: "one short line",
    quietSilentShort: "nothing",
    nextNow: "within a minute",
    nextAt: (p: { date: string; time: string }) => `${p.date} at ${p.time}`,
  },
  days: {
    names: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    everyDay: "every day",
    range: (p: { from: string; to: string }) => `${p.from} to ${p.to}`,
    on: (p: { days: string }) => `on ${p.days}`,
  },
};
