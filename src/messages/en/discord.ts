/** What the Discord adapter itself says (everything else comes from the core's messages). */
export const discord = {
  commandDescription: "Keep the written record of difficult clients",
  /** Descriptions of the subcommand groups Discord needs past 25 verbs (`/client billing paid`). */
  groups: {
    incidents: "Log an incident",
    clients: "Clients",
    invoices: "Invoices, payments and reminders",
    schedule: "Digest and alerts",
    offboarding: "Letting a client go (owner only)",
    other: "Settings and help",
  },
  moreButtons: (p: { count: number }) =>
    `${p.count} more ${p.count === 1 ? "button is" : "buttons are"} not shown here (Discord allows 25 a message).`,
  shortened: "(shortened: Discord limits the length of a message)",
  formLate: "The form could not open in time. Press the button to fill it in.",
  formContinue: "Open the form",
  formRefused: "The form was not saved:",
  formReopen: "Correct the form",
  /** What was typed, quoted when the form cannot be reopened. */
  formTyped: (p: { values: string }) => `You typed: ${p.values}`,
  dmNeedsServer:
    "Use /client in your server: in a direct message I can't tell which server you mean. Buttons in the messages I send you still work.",
  dmFailed:
    "I couldn't send the direct message: the recipient doesn't accept direct messages from this server's members. They can allow them in the server's privacy settings; then try again.",
  postFailed: (p: { channel: string }) =>
    `I couldn't post in <#${p.channel}>: I need permission to view that channel and send messages there.`,
  unknownCommand:
    "I don't know this command: it is unknown or out of date. Tact's commands need registering again in this server; whoever installed Tact can do it. Meanwhile, /client help lists what works.",
  discordUnavailable: "Discord didn't answer in time, so nothing was done. Please try again in a moment.",
};
