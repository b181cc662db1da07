/** What only the Slack adapter says: limits, failed deliveries, modals. */
export const slack = {
  cutShort: (p: { count: number }) =>
    `Slack can't show all of this at once: ${p.count} more ${p.count === 1 ? "part was" : "parts were"} left out. Ask for a narrower view (one client, one invoice) to see the rest.`,
  continued: (p: { text: string }) => `(continued) ${p.text}`,
  moreChoices: (p: { count: number }) =>
    `${p.count} more ${p.count === 1 ? "choice" : "choices"} not listed: Slack shows at most 100 in a menu.`,
  formPart: (p: { label: string; part: number; parts: number }) => `${p.label} (part ${p.part} of ${p.parts})`,
  cancel: "Cancel",
  close: "Close",
  otherWorkspace:
    "Tact isn't set up for this Slack workspace: it serves only the workspace whose bot token it was given. Nothing was saved. Ask whoever runs Tact to install it here.",
  formExpired: "The form took too long to open. Press the button again (Slack gives me 3 seconds).",
  postFailed: (p: { channel: string; reason: string }) => `I couldn't post in ${p.channel}: ${p.reason}`,
  dmFailed: (p: { reason: string }) => `I couldn't send the direct message: ${p.reason}`,
  fileFailed: (p: { reason: string }) => `I couldn't send the file: ${p.reason}`,
  reasons: {
    not_in_channel: "I'm not a member of that channel. Invite me with /invite @Tact, then try again.",
    channel_not_found: "that channel doesn't exist, or it is private and I haven't been invited.",
    is_archived: "that channel is archived.",
    restricted_action: "the workspace's settings don't allow me to post there.",
    cannot_dm_bot: "that person is a bot.",
    user_not_found: "I can't find that person in this workspace.",
    other: (p: { code: string }) => `Slack refused it (${p.code}). Nothing else was changed.`,
  },
};
