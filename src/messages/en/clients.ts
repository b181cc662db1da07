export const clients = {
  added: (p: { name: string; slug: string }) =>
    `Added ${p.name} (${p.slug}). Log an incident with /client late ${p.slug}, or see the card with /client show ${p.slug}.`,
  namedFromSlug: (p: { name: string; slug: string }) =>
    `Its display name is "${p.name}" for now: /client rename ${p.slug} <full name> gives it its real one.`,
  aliasAdded: (p: { alias: string; name: string }) => `${p.name} can now also be called "${p.alias}".`,
  renamed: (p: { from: string; to: string }) => `Renamed ${p.from} to ${p.to}.`,
  unknown: (p: { query: string; suggestions: string; slug: string | undefined }) =>
    `I don't know a client called "${p.query}".${p.suggestions ? ` Did you mean ${p.suggestions}?` : ""} Nothing was recorded.${p.slug ? ` To add it: /client add ${p.slug} <display name>` : " To add a client: /client add <slug> <display name>"}`,
  slugTaken: (p: { slug: string; name: string }) =>
    `"${p.slug}" is already taken by ${p.name}. Choose another short name.`,
  aliasTaken: (p: { alias: string; name: string }) => `"${p.alias}" already refers to ${p.name}.`,
  none: "No clients yet. Add one with /client add acme ACME Corp.",
  listTitle: (p: { count: number }) => `Clients (${p.count})`,
  listLine: (p: { name: string; slug: string; summary: string }) => `${p.name} (${p.slug}): ${p.summary}`,
  /** The list's line: the risk headline, then the count of the last 90 days (the card's, summed). */
  listSummary: (p: { risk: string; count90: number; latest: { kind: string; date: string } | null }) =>
    `${p.risk} · ${
      p.latest === null
        ? "no incidents"
        : `${p.count90 === 0 ? "no incidents" : p.count90 === 1 ? "1 incident" : `${p.count90} incidents`} in the last 90 days (latest: ${p.latest.kind}, ${p.latest.date})`
    }`,
  former: "former client",
  card: {
    aliases: (p: { aliases: string }) => `Also known as: ${p.aliases}`,
    counts: "Incidents: last 90 days / all time",
    countValue: (p: { recent: number; total: number }) => `${p.recent} / ${p.total}`,
    noIncidents: "No incidents recorded.",
    latest: "Latest incidents",
    incidentLine: (p: { date: string; kind: string; reporter: string; note: string }) =>
      `${p.date} · ${p.kind} · by ${p.reporter}${p.note ? `: ${p.note}` : ""}`,
    advice: "What the playbook advises",
    /** The risk line on its own: its level says it is about risk ("At risk: INV-9 unpaid…"). */
    risk: (p: { headline: string }) => `${p.headline.charAt(0).toUpperCase()}${p.headline.slice(1)}`,
    latePayments: "Late payments, one per invoice (latest first)",
    latePaymentLine: (p: { payment: string; logs: number }) =>
      `${p.payment}${p.logs === 0 ? "" : ` · logged ${p.logs === 1 ? "once" : p.logs === 2 ? "twice" : `${p.logs} times`}`}`,
    more: (p: { count: number }) => `…and ${p.count} more`,
    lessons: "Lessons learned (not counted as incidents)",
    lessonLine: (p: { date: string; author: string; note: string }) => `${p.date} · by ${p.author}: ${p.note}`,
    status: (p: { status: string }) => `Status: ${p.status}`,
    since: (p: { date: string }) => `Client since ${p.date}`,
  },
};
