export const config = {
  langSet: "Tact now speaks English in this workspace.",
  unknownSetting: (p: { setting: string; settings: string }) =>
    `There is no setting "${p.setting}". Settings: ${p.settings}.`,
  languages: { en: "English", fr: "French" },
  action: {
    config: "change the workspace settings",
  },
  currency: {
    set: (p: { currency: string; example: string }) =>
      `The workspace's default currency is now ${p.currency}: amounts typed without a currency are in ${p.currency} (/client invoice acme INV-8 ${p.example}).`,
    current: (p: { currency: string | null }) =>
      p.currency
        ? `The workspace's default currency is ${p.currency}. /client config currency EUR changes it (owner only).`
        : "No default currency yet: the first invoice recorded with a currency sets it. /client config currency EUR sets it now (owner only).",
  },
  /** `/client config`: every setting, its value, and the command that changes it. */
  title: "Workspace settings",
  row: (p: { label: string; value: string; command: string }) => `${p.label}: ${p.value} — ${p.command}`,
  footer: (p: { owner: string }) => `Only the owner (${p.owner}) changes them. /client help config explains each one.`,
  labels: {
    lang: "Language",
    owner: "Owner",
    timezone: "Time zone",
    channel: "Digest channel",
    digest: "Digest time",
    days: "Digest days",
    quiet: "Quiet days",
    terms: "Default terms",
    currency: "Default currency",
  },
  values: {
    digestOn: (p: { time: string }) => `${p.time}, on`,
    digestOff: (p: { time: string }) => `off (${p.time} when on)`,
    noChannel: "not set yet",
    noCurrency: "not set yet (the first currency used becomes it)",
    terms: (p: { law: string; term: string }) => `${p.law}; payment term ${p.term}`,
  },
  helpRow: (p: { command: string; what: string }) => `• ${p.command}: ${p.what}`,
  describe: {
    lang: "the language Tact speaks in this workspace (letters to a client follow the client's own language)",
    owner: "hands the workspace over to someone else; only the current owner can",
    timezone: "the workspace's time zone: the digest's time, dates and days late are counted in it",
    channel: "where the digest and the overdue alerts are posted (`here`: this channel)",
    digest: "the time of the daily digest, with a time zone if you like, or `off` / `on`",
    days: "the days the digest is posted, such as `mon-fri` or `mon,wed,fri`",
    quiet: "on a day with nothing to report, the digest posts one short line (`post`) or nothing (`silent`)",
    terms:
      "the default payment terms for every client without its own: law, interest, recovery fee, payment term, reminder stages (/client terms <client> sets one client's)",
  },
  describeCurrency:
    "the currency of amounts typed without one (/client invoice acme INV-8 500); until it is set, the first currency used becomes it",
  timezoneSet: (p: { timezone: string; time: string }) =>
    `The workspace's time zone is now ${p.timezone}: the digest posts at ${p.time} there, and dates and days late are counted in it.`,
};
