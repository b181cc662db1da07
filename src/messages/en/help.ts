export const help = {
  title: "Tact: the written record of difficult clients",
  intro:
    "Log what happens with a client in one line; I keep the record, and the owner decides. Type /client help <verb> for details.",
  usage: "Usage",
  examples: "Examples",
  groups: {
    incidents: "Log an incident",
    clients: "Clients",
    invoices: "Invoices and charges",
    schedule: "Digest and alerts",
    offboarding: "Letting a client go (owner)",
    other: "Other",
  },
  unknownTopic: (p: { topic: string }) => `There is no help for "${p.topic}". Type /client help for the list.`,
  ownerOnly: "Owner only.",
  /** Other names a verb answers to, in this language (accepted in every workspace). */
  aliases: (_verb: string): readonly string[] => [],
  /** Help's line naming a verb's other names. */
  alsoCalled: (p: { names: string }) => `Also: ${p.names}.`,
  argNames: {
    client: "client",
    slug: "slug",
    name: "display name",
    alias: "alias",
    note: "note",
    invoice: "invoice number",
    verb: "command",
    setting: "setting",
    value: "value",
    lang: "language",
  },
  verbs: {
    late: {
      summary: "log a late payment",
      details:
        "An invoice paid after its due date, or still unpaid. Once may be an accounting slip; a pattern costs the team time.",
    },
    conduct: {
      summary: "log disrespect or tension",
      details:
        "Rudeness, pressure, a relationship that drains the team. The owner should address it personally and early.",
    },
    advice: {
      summary: "log professional advice the client ignored",
      details:
        "Accessibility, responsive design, usability, platform choice: advice on the agency's own field, rejected.",
    },
    scope: {
      summary: "log scope creep",
      details: "Work added without time or cost adjusted. Amend the project profile and price the addition.",
    },
    ethics: {
      summary: "log an unethical request",
      details:
        "A request that conflicts with professional ethics (black-hat SEO, for instance). Refuse it, and record it.",
    },
    flag: {
      summary: "log a warning sign",
      details: "An early red flag, such as unusual contract terms. Recorded to inform future decisions.",
    },
    note: { summary: "add a note to the record", details: "Anything else worth keeping in the written record." },
    add: {
      summary: "add a client",
      details: "The slug is the short name used in commands: 3 to 40 lowercase letters, digits and dashes.",
    },
    alias: { summary: "give a client another name", details: "Commands then find the client by this name too." },
    rename: { summary: "change a client's display name", details: "The slug stays the same." },
    show: {
      summary: "show a client's card",
      details: "Incidents by kind, the latest ones, and the playbook's advice with its reasons.",
    },
    list: { summary: "list the clients", details: "Those with the most recent trouble first." },
    undo: {
      summary: "withdraw your last incident",
      details: "Only your own, within 10 minutes of logging it. The withdrawal is kept in the audit log.",
    },
    help: { summary: "explain the commands", details: "/client help <verb> explains one command with examples." },
    config: {
      summary: "workspace settings (changes: owner only)",
      details: "Without a setting, /client config shows them all with their values. The settings:",
    },
  },
};
