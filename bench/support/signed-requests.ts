import { createHmac, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export const SLACK_SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
export const DISCORD_APP_ID = "1900000000000000001";
export const DISCORD_GUILD = "1910000000000000001";

/** An HTTP request ready to send: path, headers and the exact body that was signed. */
export interface BenchRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A slash command as Slack sends it: form-encoded fields, signed with the signing secret. */
export function slackCommand(input: {
  team: string;
  user: string;
  text: string;
  responseUrl: string;
  triggerId: string;
  nowSeconds?: number;
}): BenchRequest {
  const body = new URLSearchParams({
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    team_id: input.team,
    team_domain: "bench-agency",
    enterprise_id: "",
    enterprise_name: "",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: input.user,
    user_name: input.user.toLowerCase(),
    command: "/client",
    text: input.text,
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
    api_app_id: "A0BENCH",
    is_enterprise_install: "false",
  }).toString();
  const timestamp = String(input.nowSeconds ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", SLACK_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    path: "/slack/events",
    headers: {
      // Exactly this content type: Bolt compares it without parameters.
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": signature,
    },
    body,
  };
}

export interface DiscordKeys {
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function discordKeys(): DiscordKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { publicKeyHex: der.subarray(der.length - 32).toString("hex"), privateKey };
}

/** `/client <verb> option:value…` in a server channel, as Discord sends it over HTTP, signed. */
export function discordCommand(
  keys: DiscordKeys,
  input: { id: string; user: string; verb: string; options: Record<string, string> },
): BenchRequest {
  const user = { id: input.user, username: `user${input.user.slice(-4)}`, global_name: null, discriminator: "0" };
  const body = JSON.stringify({
    id: input.id,
    application_id: DISCORD_APP_ID,
    type: 2,
    token: `bench-token-${input.id}`,
    version: 1,
    locale: "en-US",
    guild_locale: "en-US",
    guild_id: DISCORD_GUILD,
    channel_id: "1920000000000000001",
    channel: { id: "1920000000000000001", type: 0, guild_id: DISCORD_GUILD, name: "clients" },
    member: { user, roles: [], permissions: "2248473465835073", nick: null, joined_at: "2025-01-01T00:00:00Z" },
    app_permissions: "2248473465835073",
    entitlements: [],
    authorizing_integration_owners: { "0": DISCORD_GUILD },
    context: 0,
    data: {
      id: "1930000000000000001",
      name: "client",
      type: 1,
      options: [
        {
          name: input.verb,
          type: 1,
          options: Object.entries(input.options).map(([name, value]) => ({ name, type: 3, value })),
        },
      ],
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
  return {
    path: "/discord/interactions",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
    body,
  };
}
