/** Ids used across the Discord tests (snowflakes are numeric strings). */
export const APP_ID = "1100000000000000001";
export const GUILD = "1110000000000000001";
export const CHANNEL = "1120000000000000001";
export const OWNER = "1130000000000000001";
export const MEMBER = "1130000000000000002";

let interactionIds = 1_200_000_000_000_000_000n;
const nextId = () => {
  interactionIds += 1n;
  return interactionIds.toString();
};

export interface Who {
  user?: string;
  name?: string;
  /** A DM with the bot instead of a server channel. */
  dm?: boolean;
  locale?: string;
  /** Another server than GUILD. */
  guild?: string;
}

function userObject(id: string, name: string) {
  return { id, username: name.toLowerCase(), global_name: name, discriminator: "0", avatar: null, public_flags: 0 };
}

/** The fields every interaction carries, in a guild channel or a DM (documented shapes). */
function envelope(type: number, who: Who) {
  const userId = who.user ?? OWNER;
  const guildId = who.guild ?? GUILD;
  const name = who.name ?? (userId === OWNER ? "Olivia" : "Sam");
  const common = {
    id: nextId(),
    application_id: APP_ID,
    type,
    token: `aW50ZXJhY3Rpb246${nextId()}OnNlY3JldC10b2tlbg`,
    version: 1,
    locale: who.locale ?? "en-US",
    app_permissions: "2248473465835073",
    entitlements: [],
    attachment_size_limit: 10485760,
  };
  if (who.dm) {
    const dmChannel = `9${userId}`;
    return {
      ...common,
      channel_id: dmChannel,
      channel: { id: dmChannel, type: 1, last_message_id: null, flags: 0, recipients: [userObject(userId, name)] },
      user: userObject(userId, name),
      authorizing_integration_owners: { "0": guildId },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: "en-US", features: [] },
    guild_locale: "en-US",
    channel_id: CHANNEL,
    channel: {
      id: CHANNEL,
      type: 0,
      guild_id: GUILD,
      name: "clients",
      position: 0,
      flags: 0,
      nsfw: false,
      parent_id: null,
    },
    member: {
      user: userObject(userId, name),
      roles: [],
      premium_since: null,
      permissions: "2248473465835073",
      pending: false,
      nick: null,
      mute: false,
      joined_at: "2025-01-01T00:00:00.000000+00:00",
      flags: 0,
      deaf: false,
      avatar: null,
    },
    authorizing_integration_owners: { "0": guildId },
    context: 0,
  };
}

type OptionValue = string | number | boolean;

function subcommandOptions(verb: string, options: Record<string, OptionValue>, focused?: string) {
  return [
    {
      name: verb,
      type: 1,
      options: Object.entries(options).map(([name, value]) => ({
        name,
        type: typeof value === "number" ? 10 : typeof value === "boolean" ? 5 : 3,
        value,
        ...(name === focused ? { focused: true } : {}),
      })),
    },
  ];
}

/** APPLICATION_COMMAND: `/client <verb> option:value …`. */
export function slashCommand(verb: string, options: Record<string, OptionValue> = {}, who: Who = {}) {
  return {
    ...envelope(2, who),
    data: { id: "1140000000000000001", name: "client", type: 1, options: subcommandOptions(verb, options) },
  };
}

/** APPLICATION_COMMAND for a verb inside a subcommand group: `/client billing paid …`. */
export function groupedCommand(group: string, verb: string, options: Record<string, OptionValue> = {}, who: Who = {}) {
  return {
    ...envelope(2, who),
    data: {
      id: "1140000000000000001",
      name: "client",
      type: 1,
      options: [{ name: group, type: 2, options: subcommandOptions(verb, options) }],
    },
  };
}

/** A message of the channel, as `resolved.messages` carries it: the client's, unless patched. */
export interface ChannelMessage {
  id: string;
  content: string;
  author: Record<string, unknown>;
  attachments: Record<string, unknown>[];
  [field: string]: unknown;
}
export const CLIENT_USER = "1160000000000000007";

/** APPLICATION_COMMAND, the message command "Log to Tact" (data.type 3) on a message of CHANNEL. */
export function messageCommand(content: string, who: Who = {}, patch: (message: ChannelMessage) => void = () => {}) {
  const id = "1150000000000000042";
  const message: ChannelMessage = {
    id,
    channel_id: CHANNEL,
    type: 0,
    content,
    author: { id: CLIENT_USER, username: "wile", global_name: "Wile E.", discriminator: "0", avatar: null },
    attachments: [],
    embeds: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: "2026-11-26T15:40:00.000000+00:00",
    edited_timestamp: null,
    flags: 0,
    components: [],
  };
  patch(message);
  return {
    ...envelope(2, who),
    data: {
      id: "1140000000000000009",
      name: "Log to Tact",
      type: 3,
      target_id: id,
      resolved: { messages: { [id]: message } },
    },
  };
}

/** APPLICATION_COMMAND_AUTOCOMPLETE: the user is typing `focused`. */
export function autocomplete(
  verb: string,
  options: Record<string, OptionValue>,
  focused: string,
  who: Who = {},
  group?: string,
) {
  const sub = subcommandOptions(verb, options, focused);
  return {
    ...envelope(4, who),
    data: {
      id: "1140000000000000001",
      name: "client",
      type: 1,
      options: group ? [{ name: group, type: 2, options: sub }] : sub,
    },
  };
}

/** The message a component sits on (enough of it for the payload). */
function messageWith(customId: string, ephemeral: boolean, channelId: string) {
  return {
    id: nextId(),
    channel_id: channelId,
    type: 20,
    content: "",
    embeds: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: "2026-11-27T10:00:00.000000+00:00",
    edited_timestamp: null,
    flags: ephemeral ? 64 : 0,
    author: { id: APP_ID, username: "Tact", bot: true, discriminator: "0", avatar: null },
    components: [{ type: 1, id: 1, components: [{ type: 2, id: 2, custom_id: customId, label: "…", style: 2 }] }],
  };
}

/** MESSAGE_COMPONENT: a button press. */
export function buttonPress(customId: string, who: Who = {}, ephemeral = true) {
  const base = envelope(3, who);
  return {
    ...base,
    message: messageWith(customId, ephemeral, base.channel_id),
    data: { custom_id: customId, component_type: 2 },
  };
}

/** MESSAGE_COMPONENT: a choice in a string select. */
export function selectChoice(customId: string, value: string, who: Who = {}) {
  const base = envelope(3, who);
  return {
    ...base,
    message: messageWith(customId, false, base.channel_id),
    data: { custom_id: customId, component_type: 3, values: [value] },
  };
}

/** MODAL_SUBMIT, with the text inputs inside label components (Discord's current shape). */
export function modalSubmit(customId: string, values: Record<string, string>, who: Who = {}, fromButton = true) {
  const base = envelope(5, who);
  return {
    ...base,
    ...(fromButton ? { message: messageWith("open", false, base.channel_id) } : {}),
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value], i) => ({
        type: 18,
        id: i * 2 + 1,
        component: { type: 4, id: i * 2 + 2, custom_id: id, value },
      })),
    },
  };
}

export function ping() {
  return { id: nextId(), application_id: APP_ID, type: 1, token: "ping-token", version: 1 };
}
