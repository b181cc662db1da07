/** A person's home page in Tact (Slack's App Home tab). */
export const home = {
  title: "Tact",
  /** Sent once to whoever installed Tact; shown when the console starts. */
  welcome: {
    title: "Welcome to Tact",
    intro: "Tact keeps the written record of difficult clients and follows their invoices. Three steps to start:",
    steps: [
      "1. Add a client: /client add acme ACME Corp",
      "2. Choose the channel for the morning digest: /client config channel #billing",
      "3. Set your currency: /client config currency EUR",
    ],
    help: "/client help lists everything I can do; /client help config explains each setting.",
    helpButton: "Help",
    /** The console's own line: how to leave it. */
    leave: "Type exit or quit to leave.",
  },
  ownerIntro: "You are the owner of this workspace in Tact. Only you see this page.",
  memberIntro: "Tact keeps the written record of difficult clients. Only you see this page.",
  wizardLine: (p: { client: string; step: number; paused: boolean; since: string }) =>
    `*Letting ${p.client} go*: step ${p.step} of 8${p.paused ? ", paused" : ""}, last touched ${p.since}.`,
  resumeButton: (p: { client: string }) => `Resume ${p.client}`,
  watchTitle: "*Clients to watch*",
  watchLine: (p: { name: string; slug: string; why: string }) => `${p.name} (${p.slug}): ${p.why}`,
  watchNone: "No client shows a pattern of trouble right now.",
  watchMore: (p: { count: number }) => `…and ${p.count} more: /client list shows them all.`,
  overdueTitle: "*Overdue*",
  overdueTotal: (p: { amounts: string; invoices: number; charges: string | undefined }) =>
    `${p.amounts} past due on ${p.invoices} ${p.invoices === 1 ? "invoice" : "invoices"}${p.charges ? `, plus ${p.charges} in late-payment charges` : ""}. /client invoices shows how each was computed.`,
  overdueNone: "Nothing overdue.",
  ownerHelp: "/client show <client> opens a client's card; /client help lists everything.",
  recentTitle: "*Your recent logs*",
  recentLine: (p: { date: string; kind: string; client: string; note: string }) =>
    `${p.date} · ${p.kind} · ${p.client}${p.note ? `: ${p.note}` : ""}`,
  recentNone: "You haven't logged anything yet.",
  helpTitle: "*Logging an incident*",
  memberHelp:
    "Type /client late acme (or scope, conduct, advice, ethics, flag, note) in any channel; only you see my confirmation. /client help lists everything.",
};
