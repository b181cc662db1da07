import type { Logger } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../adapters/discord/discord-adapter.ts";
import { readConfig } from "../../src/config.ts";
import type { Core } from "../../src/core/create-core.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { type Harness, silentLog, useHarness } from "../support/harness.ts";
import { discordHeaders, discordKeys } from "../support/signed-requests.ts";
import { FakeDiscordApi } from "./fake-discord-api.ts";
import { APP_ID, GUILD, OWNER } from "./payloads.ts";

export interface DiscordHarness {
  h: Harness;
  api: FakeDiscordApi;
  adapter: DiscordAdapter;
  /** Posts a signed interaction to /discord/interactions; waits for every later answer too. */
  send(payload: object): Promise<{ status: number; body: Record<string, unknown> | undefined; text: string }>;
  /** Posts a signed interaction and returns once the first answer is in (later ones may follow). */
  sendNoWait(payload: object): Promise<{ status: number; body: Record<string, unknown> | undefined }>;
  /** Posts raw bytes with the given headers (to test refusals). */
  post(body: string, headers: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Headers for `body` signed with the app's key as Discord would at `at` (a replay, a skewed clock). */
  sign(body: string, at: Date | string): Record<string, string>;
  publicKeyHex: string;
  /** Tact's HTTP server, e.g. `http://127.0.0.1:1234`. */
  url: string;
}

/**
 * The real adapter in HTTP interactions mode on a real HTTP server, a fake Discord API
 * behind DISCORD_API_URL, the core on the test database. The guild's owner is OWNER.
 */
export function useDiscord(
  options: {
    deferAfterMs?: number;
    wrapCore?: (core: Core) => Core;
    log?: Logger;
    env?: Record<string, string>;
    /** A harness shared with other adapters (one database); a new one by default. */
    harness?: Harness;
  } = {},
): DiscordHarness {
  const h = options.harness ?? useHarness();
  const keys = discordKeys();
  const d = { h, publicKeyHex: keys.publicKeyHex } as DiscordHarness;
  let http: HttpServer;
  let base = "";
  beforeAll(async () => {
    d.api = new FakeDiscordApi();
    await d.api.start();
    http = createHttpServer(options.log ?? silentLog);
    const config = readConfig({
      DISCORD_TOKEN: "test-bot-token",
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: d.api.url,
      PORT: "0",
      ...options.env,
    });
    d.adapter = createDiscordAdapter(
      {
        core: options.wrapCore ? options.wrapCore(h.core) : h.core,
        config,
        log: options.log ?? silentLog,
        http,
        clock: h.clock,
      },
      { restRetries: 0, deferAfterMs: options.deferAfterMs ?? 2_000 },
    );
    const port = await http.listen(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    d.url = base;
  });
  beforeEach(() => {
    d.api.reset();
    d.api.addGuild({ id: GUILD, name: "Studio Nord", owner_id: OWNER });
  });
  afterEach(async () => {
    await d.adapter.idle();
  });
  afterAll(async () => {
    await d.adapter?.stop();
    await http?.close();
    await d.api?.stop();
  });
  d.sign = (body, at) => discordHeaders(keys.privateKey, body, at);
  d.post = async (body, headers) => {
    const res = await fetch(`${base}/discord/interactions`, { method: "POST", headers, body });
    return { status: res.status, text: await res.text() };
  };
  /** An interaction signed with Discord's key, posted; the response and its text. */
  const signed = async (payload: object) => {
    const body = JSON.stringify(payload);
    const headers = discordHeaders(keys.privateKey, body, h.clock.now());
    const res = await fetch(`${base}/discord/interactions`, { method: "POST", headers, body });
    return { res, text: await res.text() };
  };
  d.sendNoWait = async (payload) => {
    const { res, text } = await signed(payload);
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  d.send = async (payload) => {
    const { res, text } = await signed(payload);
    await d.adapter.idle();
    const json = res.headers.get("content-type")?.includes("json")
      ? (JSON.parse(text) as Record<string, unknown>)
      : undefined;
    return { status: res.status, body: json, text };
  };
  return d;
}
