import { beforeEach } from "vitest";
import type { DiscordAdapter } from "../../../adapters/discord/discord-adapter.ts";
import type { SlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import type { Core } from "../../../src/core/create-core.ts";
import { createLogger } from "../../../src/log.ts";
import { useDiscord } from "../../discord/discord-test-setup.ts";
import type { FakeDiscordApi } from "../../discord/fake-discord-api.ts";
import type { FakeSlackApi } from "../../slack/fake-slack-api.ts";
import { fixture, SIGNING_SECRET, OWNER as SLACK_OWNER, TEAM, useSlack } from "../../slack/slack-harness.ts";
import { type Harness, useHarness } from "../../support/harness.ts";
import { slackHeaders } from "../../support/signed-requests.ts";

export { SIGNING_SECRET, TEAM };

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
  /** Tact's HTTP servers: Slack's routes on one, Discord's on the other. */
  slackUrl: string;
  discordUrl: string;
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
}

let seq = 0;

/**
 * Tact's Slack and Discord adapters in HTTP mode (test/slack/slack-harness.ts and
 * test/discord/discord-test-setup.ts) over one core and test database, configured with
 * production-looking secrets; everything logs through the production logger (redaction
 * included) into `logs`.
 */
export function usePlatforms(): Platforms {
  const logs: string[] = [];
  const log = createLogger({
    level: "debug",
    secrets: Object.values(SECRETS),
    stream: { write: (line: string) => void logs.push(line) },
  });
  const h = useHarness("2026-11-27T10:00:00Z", { log });
  const s = useSlack({ harness: h, log, env: { SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN } });
  const d = useDiscord({ harness: h, log, env: { DISCORD_TOKEN: SECRETS.DISCORD_TOKEN } });
  const p = { h, logs } as Platforms;
  beforeEach(() => {
    logs.length = 0;
    Object.assign(p, {
      core: h.core,
      slackApi: s.fake,
      discordApi: d.api,
      slack: s.adapter,
      discord: d.adapter,
      slackUrl: s.url,
      discordUrl: d.url,
    });
  });

  const answer = async (res: Response): Promise<HttpAnswer> => ({
    status: res.status,
    text: await res.text(),
    headers: res.headers,
  });

  p.slackPost = async (body, options = {}) => {
    const timestamp = String(options.timestamp ?? Math.floor(h.clock.now().getTime() / 1000));
    const secret = options.sign === undefined ? SIGNING_SECRET : options.sign;
    const contentType = options.contentType ?? "application/x-www-form-urlencoded";
    const res = await fetch(`${s.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        ...(secret === false ? {} : slackHeaders(secret, body, timestamp, contentType)),
        ...options.headers,
      },
      body,
    });
    const out = await answer(res);
    await s.adapter.settled();
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
      response_url: s.fake.responseUrl(`r${id}`),
      trigger_id: `${id}.1.reliability`,
      ...fields,
    }).toString();
  };

  p.slackCommand = async (text, fields) => {
    const before = s.fake.responses.length;
    const calls = s.fake.calls.length;
    const res = await p.slackPost(p.slackCommandBody(text, fields));
    const answers = [
      // The answer in the acknowledgement comes first, then response_url posts and Web API calls.
      ...(res.text ? [res.text] : []),
      ...s.fake.responses.slice(before).map((r) => JSON.stringify(r.body)),
      ...s.fake.calls.slice(calls).map((c) => JSON.stringify(c.args)),
    ];
    return { status: res.status, answer: answers.join("\n") };
  };

  p.discordPost = async (body, headers) => {
    const out = await answer(await fetch(`${d.url}/discord/interactions`, { method: "POST", headers, body }));
    await d.adapter.idle();
    return out;
  };

  p.discordSigned = (body) => p.discordPost(body, d.sign(body, h.clock.now()));

  p.discordSend = async (payload, timestamp) => {
    const body = JSON.stringify(payload);
    const calls = d.api.calls.length;
    const res = await p.discordPost(body, d.sign(body, timestamp ?? h.clock.now()));
    const later = d.api.calls.slice(calls).map((c) => JSON.stringify(c.body ?? {}));
    return { status: res.status, answer: [res.text, ...later].join("\n") };
  };

  return p;
}
