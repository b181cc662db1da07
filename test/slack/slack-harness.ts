import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { readConfig } from "../../src/config.ts";
import type { Core } from "../../src/core/create-core.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { installationRecords } from "../../src/installations/installation-records.ts";
import { createSecretBox } from "../../src/secrets/secret-box.ts";
import { type Harness, silentLog, useHarness } from "../support/harness.ts";
import { slackHeaders } from "../support/signed-requests.ts";
import { FakeSlackApi, type FakeUser } from "./fake-slack-api.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const TEAM = "T0TEAM";
export const OWNER = "U0OWNER";
export const MEMBER = "U0SAM";

export const USERS: FakeUser[] = [
  { id: OWNER, name: "dana", real_name: "Dana Owner", tz: "Europe/Paris", locale: "en-GB", is_primary_owner: true },
  { id: MEMBER, name: "sam", real_name: "Sam Member", tz: "Europe/Paris", locale: "en-GB" },
];

type Json = Record<string, unknown>;

/** The settings of a Slack app installed by OAuth on many workspaces (no single bot token). */
export const OAUTH_APP = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: "1234.5678",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_STATE_SECRET: "state-secret-of-some-length",
};

export function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Json;
}

export interface Slack {
  h: Harness;
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  http: HttpServer;
  /** Base URL of Tact's HTTP server. */
  url: string;
  /** Signs and posts a raw body to /slack/events, as Slack does. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  /** A slash command (`/client <text>`), answered and fully handled. */
  command(text: string, as?: As): Promise<{ status: number; responseUrl: string; triggerId: string }>;
  /** A button press on a message Tact sent. */
  press(actionId: string, as?: PressAs): Promise<number>;
  /** A choice in a select menu (static_select) of a message Tact sent. */
  choose(selectId: string, value: string, as?: PressAs): Promise<number>;
  /**
   * A modal submitted with values by block id: text, or an element's state as Slack sends it
   * (`{ type: "datepicker", selected_date }`). Its acknowledgement's JSON, if any, is in `viewAck`.
   */
  submit(privateMetadata: string, values: Record<string, string | Json>, as?: As): Promise<number>;
  /** The JSON the last submission was acknowledged with (`response_action: "errors"`…). */
  viewAck: Json | undefined;
  /** A type-ahead's options request (block_suggestion), answered with its options. */
  suggest(blockId: string, value: string, as?: As): Promise<Json>;
  /** An Events API delivery. */
  event(name: string, patch?: (body: Json) => void): Promise<number>;
  /** Effects a request produced: response_url posts, then Web API calls. */
  sent(): string;
}

export type PressAs = As & { ephemeral?: boolean; messageTs?: string; home?: boolean };

export interface As {
  user?: string;
  userName?: string;
  channel?: string;
  team?: string;
  headers?: Record<string, string>;
  /** Same trigger id as a previous request (a resend). */
  triggerId?: string;
}

let seq = 0;
const nameOf = (user: string) => (user === MEMBER ? "sam" : "dana");
const nextId = () => `${Date.now()}${++seq}`;

/**
 * Tact's Slack adapter on a real port over a test database, talking to a fake Slack Web API.
 * A fresh adapter per test (its caches start empty, like the database); one fake per file.
 */
export function useSlack(
  options: {
    env?: Record<string, string>;
    wrapCore?: (core: Core) => Core;
    log?: Logger;
    ackWithinMs?: number;
    /** A harness shared with other adapters (one database); a new one by default. */
    harness?: Harness;
  } = {},
): Slack {
  const h = options.harness ?? useHarness();
  const s = { h } as Slack;
  beforeAll(async () => {
    s.fake = await FakeSlackApi.start({ teamId: TEAM, users: USERS });
  });
  beforeEach(async () => {
    s.fake.reset();
    s.http = createHttpServer(options.log ?? silentLog);
    const config = readConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_API_URL: s.fake.apiUrl,
      ...options.env,
    });
    s.adapter = createSlackAdapter(
      {
        core: options.wrapCore ? options.wrapCore(h.core) : h.core,
        config,
        log: options.log ?? silentLog,
        http: s.http,
        clock: h.clock,
        installations: installationRecords(h.db.db, h.clock, createSecretBox(randomBytes(32))),
      },
      { retries: 0, ...(options.ackWithinMs === undefined ? {} : { ackWithinMs: options.ackWithinMs }) },
    );
    const port = await s.http.listen(0, "127.0.0.1");
    s.url = `http://127.0.0.1:${port}`;
    await s.adapter.start?.();
    s.fake.reset();
  });
  afterEach(async () => {
    await s.adapter.stop();
    await s.http.close();
  });
  afterAll(async () => {
    await s.fake?.close();
  });

  s.post = async (body, contentType, headers = {}) => {
    const res = await fetch(`${s.url}/slack/events`, {
      method: "POST",
      headers: { ...slackHeaders(SIGNING_SECRET, body, h.clock.now(), contentType), ...headers },
      body,
    });
    const text = await res.text();
    await s.adapter.settled();
    return new Response(text || null, { status: res.status, headers: res.headers });
  };

  s.command = async (text, as = {}) => {
    const id = nextId();
    const responseUrl = s.fake.responseUrl(`c${id}`);
    const triggerId = as.triggerId ?? `${id}.1.trigger`;
    const fields = {
      ...(fixture("slash-command") as Record<string, string>),
      team_id: as.team ?? TEAM,
      team_domain: "acme-agency",
      channel_id: as.channel ?? "C0GENERAL",
      channel_name: "general",
      user_id: as.user ?? OWNER,
      user_name: as.userName ?? (as.user === MEMBER ? "sam" : "dana"),
      text,
      response_url: responseUrl,
      trigger_id: triggerId,
    };
    const res = await s.post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", as.headers);
    // The answer may have come in the acknowledgement itself: Slack shows it first.
    const acked = await res.text();
    if (acked && res.headers.get("content-type")?.includes("json")) {
      s.fake.recordAck(`c${id}`, JSON.parse(acked) as Json);
    }
    return { status: res.status, responseUrl, triggerId };
  };

  s.press = (actionId, as = {}) => interact({ action_id: actionId, value: actionId, type: "button" }, as);
  s.choose = (selectId, value, as = {}) =>
    interact(
      {
        action_id: selectId,
        type: "static_select",
        selected_option: { text: { type: "plain_text", text: value }, value },
      },
      as,
    );

  const interact = async (element: Json, as: PressAs) => {
    const body = fixture("block-actions");
    const user = as.user ?? OWNER;
    const team = as.team ?? TEAM;
    const channel = as.channel ?? "C0GENERAL";
    body.team = { id: team, domain: "acme-agency" };
    body.user = { id: user, username: nameOf(user), name: nameOf(user), team_id: team };
    body.trigger_id = as.triggerId ?? `${nextId()}.2.trigger`;
    body.response_url = s.fake.responseUrl(`a${nextId()}`);
    if (as.home) {
      delete body.channel;
      delete body.message;
      delete body.response_url;
      body.container = { type: "view", view_id: "VHOME" };
      body.view = { id: "VHOME", type: "home", team_id: team };
    } else {
      body.channel = { id: channel, name: channel.startsWith("D") ? "directmessage" : "general" };
      body.container = {
        type: "message",
        message_ts: as.messageTs ?? "1700000000.000001",
        channel_id: channel,
        is_ephemeral: as.ephemeral ?? false,
      };
    }
    const [action] = body.actions as Json[];
    const { value: _value, text: _text, ...base } = action ?? {};
    body.actions = [{ ...base, ...element }];
    const res = await s.post(
      new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
      "application/x-www-form-urlencoded",
      as.headers,
    );
    return res.status;
  };

  s.submit = async (privateMetadata, values, as = {}) => {
    const body = fixture("view-submission");
    const user = as.user ?? OWNER;
    const team = as.team ?? TEAM;
    body.team = { id: team, domain: "acme-agency" };
    body.user = { id: user, username: nameOf(user), name: nameOf(user), team_id: team };
    body.trigger_id = as.triggerId ?? `${nextId()}.3.trigger`;
    const view = body.view as Json;
    view.private_metadata = privateMetadata;
    view.state = {
      values: Object.fromEntries(
        Object.entries(values).map(([block, value]) => [
          block,
          { value: typeof value === "string" ? { type: "plain_text_input", value } : value },
        ]),
      ),
    };
    const res = await s.post(
      new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
      "application/x-www-form-urlencoded",
      as.headers,
    );
    const acked = await res.text();
    s.viewAck = acked && res.headers.get("content-type")?.includes("json") ? (JSON.parse(acked) as Json) : undefined;
    return res.status;
  };

  s.suggest = async (blockId, value, as = {}) => {
    const user = as.user ?? OWNER;
    const team = as.team ?? TEAM;
    const body = {
      type: "block_suggestion",
      user: { id: user, username: "dana", name: "dana", team_id: team },
      container: { type: "view", view_id: "V0FORM" },
      api_app_id: "A0TACT",
      token: "verification-token",
      action_id: "value",
      block_id: blockId,
      value,
      team: { id: team, domain: "acme-agency" },
      enterprise: null,
      is_enterprise_install: false,
      view: { id: "V0FORM", team_id: team, type: "modal", callback_id: "tact-form", private_metadata: "{}" },
    };
    const res = await s.post(
      new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
      "application/x-www-form-urlencoded",
      as.headers,
    );
    return (await res.json()) as Json;
  };

  s.event = async (name, patch) => {
    const body = fixture(name);
    body.team_id = TEAM;
    body.event_id = `Ev${nextId()}`;
    patch?.(body);
    const res = await s.post(JSON.stringify(body), "application/json");
    return res.status;
  };

  s.sent = () => s.fake.everythingSent();
  return s;
}
