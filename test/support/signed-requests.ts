import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { slackSignature } from "../../adapters/slack/verify-slack-request.ts";

/**
 * Requests as Slack and Discord send them to Tact, signed: shared by the tests, the soak
 * suite and the bench.
 */
export interface SignedRequest {
  /** Where Tact receives it: /slack/events or /discord/interactions. */
  path: string;
  headers: Record<string, string>;
  /** The exact bytes signed. */
  body: string;
}

/** A timestamp header: the time in seconds, or a value given as is (a malformed one). */
function timestamp(at: Date | string): string {
  return typeof at === "string" ? at : String(Math.floor(at.getTime() / 1000));
}

/** The headers Slack sends: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function slackHeaders(
  secret: string,
  body: string,
  at: Date | string = new Date(),
  contentType = "application/x-www-form-urlencoded",
): Record<string, string> {
  const ts = timestamp(at);
  // Exactly this content type for forms: Bolt compares it without parameters.
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": ts,
    "x-slack-signature": slackSignature(secret, ts, body),
  };
}

const SLASH_COMMAND = JSON.parse(
  readFileSync(new URL("../slack/fixtures/slash-command.json", import.meta.url), "utf8"),
) as Record<string, string>;

/** `/client` as Slack posts it: Slack's documented fields (test/slack/fixtures) with these, signed at `at`. */
export function slackCommand(secret: string, fields: Record<string, string>, at?: Date): SignedRequest {
  const body = new URLSearchParams({ ...SLASH_COMMAND, ...fields }).toString();
  return { path: "/slack/events", headers: slackHeaders(secret, body, at), body };
}

export interface DiscordKeys {
  /** What the developer portal shows (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
  /** The half Discord keeps. */
  privateKey: KeyObject;
}

/** A new Ed25519 key pair standing for an application's. */
export function discordKeys(): DiscordKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { publicKeyHex: der.subarray(der.length - 32).toString("hex"), privateKey };
}

/**
 * The headers Discord sends with an interaction: `timestamp + body` signed with the key, at
 * `at` (Tact refuses timestamps more than five minutes from its now).
 */
export function discordHeaders(
  privateKey: KeyObject,
  body: string,
  at: Date | string = new Date(),
): Record<string, string> {
  const ts = timestamp(at);
  return {
    "content-type": "application/json",
    "x-signature-ed25519": sign(null, Buffer.from(ts + body, "utf8"), privateKey).toString("hex"),
    "x-signature-timestamp": ts,
    "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
  };
}

/** An interaction as Discord posts it over HTTP, signed. */
export function discordInteraction(keys: DiscordKeys, payload: object, at?: Date): SignedRequest {
  const body = JSON.stringify(payload);
  return { path: "/discord/interactions", headers: discordHeaders(keys.privateKey, body, at), body };
}

/** Sends a signed request to Tact listening at `base` (`http://127.0.0.1:port`). */
export function send(base: string, request: SignedRequest): Promise<Response> {
  return fetch(`${base}${request.path}`, { method: "POST", headers: request.headers, body: request.body });
}
