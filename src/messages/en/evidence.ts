export const evidence = {
  form: {
    title: "Log to Tact",
    submit: "Log it",
    quote: "The message (kept exactly as sent)",
    about: (p: { author: string; date: string; link: string }) =>
      `${p.author}, ${p.date}${p.link ? ` · ${p.link}` : ""}`,
    client: "Client",
    kind: "What it is",
    note: "Your note (optional)",
  },
  onlyFiles: (p: { files: number }) =>
    `(no text: the message holds only ${p.files === 1 ? "a file" : `${p.files} files`}, not kept here)`,
  unknownAuthor: "an unknown author (a deleted user?)",
  gone: "This message was already logged, the form is not yours to submit, or it was left open more than a day (start again from the message). Nothing was recorded.",
  unknownKind: (p: { value: string; kinds: string }) =>
    `"${p.value}" is not a kind of incident. Choose one of: ${p.kinds}. Nothing was recorded.`,
  /** The card's line under an incident logged from a message. */
  cardQuote: (p: { quote: string; author: string }) => `   “${p.quote}” (${p.author})`,
  recordSection: (p: { count: number }) => `Messages kept as evidence (${p.count})`,
  recordIncident: (p: { kind: string; date: string }) => `${p.kind}, logged ${p.date}`,
  /** The record's block: the whole message, who wrote it, when, and where. */
  recordHeading: (p: { author: string; date: string }) => `Message from ${p.author}, ${p.date}`,
  recordLink: (p: { link: string }) => `Link: ${p.link}`,
  recordFiles: (p: { files: number }) =>
    p.files === 1 ? "The message held a file (not kept here)." : `The message held ${p.files} files (not kept here).`,
  /** The Discord message command's name (its French name is registered as a localisation). */
  commandName: "Log to Tact",
  argNames: { kind: "kind", text: "quoted message", from: "author", at: "day it was said" },
  help: {
    summary: "log an incident with a message kept as evidence",
    details:
      "The message in quotes, kept exactly as typed; `from` names its author, `at` the day it was said. The kinds: late, conduct, advice, scope, ethics, flag, note. On Slack and Discord, Log to Tact in a message's menu does the same from the message itself.",
  },
};
