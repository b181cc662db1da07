export const channels = {
  argName: "channel (or off)",
  help: {
    summary: "link a channel to a client",
    details:
      "Type it in the client's channel, or mention the channel; `off` unlinks it. In a linked channel, commands may leave out the client: /client late, /client scope added a blog. The first word after the verb is still the client when it names a known client; otherwise it is part of the note.",
  },
  linked: (p: { channel: string; client: string; slug: string }) =>
    `${p.channel} is now linked to ${p.client}. In it, commands may leave out the client: /client late, /client scope added a blog. To unlink it: /client channel ${p.slug} off`,
  alreadyLinked: (p: { channel: string; client: string }) =>
    `${p.channel} is already linked to ${p.client}. Nothing changed.`,
  linkedElsewhere: (p: { channel: string; client: string; slug: string }) =>
    `${p.channel} is already linked to ${p.client}. A channel belongs to one client: unlink it first with /client channel ${p.slug} off. Nothing was linked.`,
  unlinked: (p: { channel: string; client: string }) => `${p.channel} is no longer linked to ${p.client}.`,
  notLinked: (p: { channel: string; client: string }) => `${p.channel} is not linked to ${p.client}. Nothing changed.`,
  console: "The console has no channels to link. Link a client's channel from Slack or Discord.",
  inDm: "A direct message cannot be linked to a client. Type /client channel <client> in the client's channel, or mention it: /client channel acme #acme-project.",
  notAChannel: (p: { value: string }) =>
    `"${p.value}" is not a channel I can link. Mention it with # (for instance #acme-project), or type the command in that channel. Nothing was linked.`,
  otherWorkspace: (p: { channel: string }) => `${p.channel} is not a channel of this workspace. Nothing was linked.`,
  cardLine: (p: { channels: string }) => `Channels: ${p.channels}`,
};
