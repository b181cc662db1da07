import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../adapters/discord/discord-adapter.ts";
import { createSlackAdapter, type SlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import { readConfig } from "../../../src/config.ts";
import { type Core, createCore } from "../../../src/core/create-core.ts";
import { createHttpServer, type HttpServer } from "../../../src/http/create-http-server.ts";
import { configSecrets, createLogger } from "../../../src/log.ts";
import { FakeDiscordApi } from "../../discord/fake-discord-api.ts";
import { APP_ID, OWNER as DISCORD_OWNER, GUILD } from "../../discord/payloads.ts";
import { FakeSlackApi } from "../../slack/fake-slack-api.ts";
import { fixture, SIGNING_SECRET, OWNER as SLACK_OWNER, TEAM, USERS } from "../../slack/slack-harness.ts";
import { everyCommand } from "../../support/every-command.ts";
import { type Harness, useHarness } from "../../support/harness.ts";
import { discordHeaders, discordKeys, slackHeaders } from "../../support/signed-requests.ts";

export { DISCORD_OWNER, GUILD, SIGNING_SECRET, SLACK_OWNER, TEAM };

export const SECRETS = {
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: "xoxb-2222222222-3333333333-ReliabilityTokenValue",
  DISCORD_TOKEN: "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GrEliA.reliability-token-value-0123456789",
};

export interface HttpAnswer {
  status: number;
  text: string;
  headers: Headers;
}

export interface Platforms {
  h: Harness;
  core: Core;
  slackApi: FakeSlackApi;
  discordApi: FakeDiscordApi;
  slack: SlackAdapter;
  discord: DiscordAdapter;
  url: string;
  /** Every log line written while the test ran (JSON). */
  logs: string[];
  /** Raw bytes to /slack/events; signed with the signing secret unless `sign` is false or another secret. */
  slackPost(
    body: string,
    options?: { contentType?: string; sign?: string | false; timestamp?: number; headers?: Record<string, string> },
  ): Promise<HttpAnswer>;
  /** A slash command's form fields (Slack's documented shape) with some fields replaced. */
  slackCommandBody(text: string, fields?: Record<string, string>): string;
  /** A slash command, signed and fully handled; its answer (acknowledgement, response_url, Web API), as one string. */
  slackCommand(text: string, fields?: Record<string, string>): Promise<{ status: number; answer: string }>;
  /** Raw bytes to /discord/interactions with these headers. */
  discordPost(body: string, headers: Record<string, string>): Promise<HttpAnswer>;
  /** Raw bytes signed with Discord's key (a body Discord itself would never send). */
  discordSigned(body: string): Promise<HttpAnswer>;
  /** An interaction, signed by Discord's key, fully handled; the HTTP answer and any later messages. */
  discordSend(payload: object, timestamp?: string): Promise<{ status: number; answer: string }>;
  /** Everything Tact sent to either platform and wrote in its logs, as one string. */
  everythingOut(): string;
}

let seq = 0;

/**
 * Tact's Slack and Discord adapters in HTTP mode on one real HTTP server, as app.ts mounts
 * them, over the test database, talking to the fake Slack and Discord APIs; the core logs
 * through the production logger (redaction included) into `logs`.
 */
export function usePlatforms(): Platforms {
  const h = useHarness();
  const keys = discordKeys();
  const p = { h, logs: [] as string[] } as Platforms;
  let http: HttpServer;

  beforeAll(async () => {
    p.slackApi = await FakeSlackApi.start({ teamId: TEAM, users: USERS });
    p.discordApi = new FakeDiscordApi();
    await p.discordApi.start();
  });
  beforeEach(async () => {
    p.logs.length = 0;
    p.slackApi.reset();
    p.discordApi.reset();
    p.discordApi.addGuild({ id: GUILD, name: "Studio Nord", owner_id: DISCORD_OWNER });
    const config = readConfig({
      ...SECRETS,
      SLACK_API_URL: p.slackApi.apiUrl,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: p.discordApi.url,
    });
    const log = createLogger({
      level: "debug",
      secrets: configSecrets(config),
      stream: { write: (line: string) => void p.logs.push(line) },
    });
    p.core = createCore({ db: h.db.db, clock: h.clock, log, dataDir: "/tmp/tact-test-data", ...everyCommand });
    http = createHttpServer(log);
    const deps = { core: p.core, config, log, http, clock: h.clock };
    p.slack = createSlackAdapter(deps, { retries: 0 });
    p.discord = createDiscordAdapter(deps, { restRetries: 0, deferAfterMs: 2_000 });
    const port = await http.listen(0, "127.0.0.1");
    p.url = `http://127.0.0.1:${port}`;
    await p.slack.start?.();
    p.slackApi.reset();
  });
  afterEach(async () => {
    await p.slack.stop();
    await p.discord.idle();
    await http.close();
  });
  afterAll(async () => {
    await p.slackApi?.close();
    await p.discordApi?.stop();
  });

  const answer = async (res: Response): Promise<HttpAnswer> => ({
    status: res.status,
    text: await res.text(),
    headers: res.headers,
  });

  p.slackPost = async (body, options = {}) => {
    const timestamp = String(options.timestamp ?? Math.floor(h.clock.now().getTime() / 1000));
    const secret = options.sign === undefined ? SIGNING_SECRET : options.sign;
    const res = await fetch(`${p.url}/slack/events`, {
      method: "POST",
      headers: {
        ...(secret === false ? {} : slackHeaders(secret, body, timestamp)),
        "content-type": options.contentType ?? "application/x-www-form-urlencoded",
        ...options.headers,
      },
      body,
    });
    const out = await answer(res);
    await p.slack.settled();
    return out;
  };

  p.slackCommandBody = (text, fields = {}) => {
    const id = `${++seq}`;
    return new URLSearchParams({
      ...(fixture("slash-command") as Record<string, string>),
      team_id: TEAM,
      team_domain: "acme-agency",
      channel_id: "C0GENERAL",
      channel_name: "general",
      user_id: SLACK_OWNER,
      user_name: "dana",
      text,
      response_url: p.slackApi.responseUrl(`r${id}`),
      trigger_id: `${id}.1.reliability`,
      ...fields,
    }).toString();
  };

  p.slackCommand = async (text, fields) => {
    const before = p.slackApi.responses.length;
    const calls = p.slackApi.calls.length;
    const res = await p.slackPost(p.slackCommandBody(text, fields));
    const answers = [
      // The answer in the acknowledgement comes first, then response_url posts and Web API calls.
      ...(res.text ? [res.text] : []),
      ...p.slackApi.responses.slice(before).map((r) => JSON.stringify(r.body)),
      ...p.slackApi.calls.slice(calls).map((c) => JSON.stringify(c.args)),
    ];
    return { status: res.status, answer: answers.join("\n") };
  };

  p.discordPost = async (body, headers) => {
    const out = await answer(await fetch(`${p.url}/discord/interactions`, { method: "POST", headers, body }));
    await p.discord.idle();
    return out;
  };

  p.discordSigned = (body) => p.discordPost(body, discordHeaders(keys.privateKey, body, h.clock.now()));

  p.discordSend = async (payload, timestamp) => {
    const body = JSON.stringify(payload);
    const calls = p.discordApi.calls.length;
    const res = await p.discordPost(body, discordHeaders(keys.privateKey, body, timestamp ?? h.clock.now()));
    const later = p.discordApi.calls.slice(calls).map((c) => JSON.stringify(c.body ?? {}));
    return { status: res.status, answer: [res.text, ...later].join("\n") };
  };

  p.everythingOut = () => [p.slackApi.everythingSent(), JSON.stringify(p.discordApi.calls), ...p.logs].join("\n");

  return p;
}
