import { beforeEach } from "vitest";
import { textFromSlack } from "../../adapters/slack/slack-text.ts";
import type { FakeCall } from "../slack/fake-slack-api.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "../slack/slack-harness.ts";
import { type Contract, commandText, type Driver, strings, tick, type Where, type Who } from "./driver.ts";

type Json = Record<string, unknown>;
const IDS: Record<Who, string> = { owner: OWNER, member: MEMBER };
const GENERAL = "C0GENERAL";

/** A message someone was shown, and where: enough to press its buttons as Slack would send it. */
interface Shown {
  who: string;
  channel: string;
  ts?: string;
  ephemeral: boolean;
  body: Json;
}

/** As Slack shows mrkdwn text: entities decoded. */
const read = (body: unknown) => strings(body).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Action ids of the buttons and selects of a message. */
function actionIds(body: Json): string[] {
  return ((body.blocks as Json[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .map((e) => String(e.action_id));
}

/** Tact's Slack adapter over HTTP (signed requests, Slack's payloads) and the fake Web API. */
export function slackDriver(c: Contract): Driver {
  const s = useSlack({ harness: c.h, log: c.log });
  const shown: Shown[] = [];
  const forms = new Map<string, Json>();
  beforeEach(() => {
    shown.length = 0;
    forms.clear();
  });

  /** Runs a request by `user` in `channel`; records and returns what it showed them. */
  async function request(user: string, channel: string, send: () => Promise<unknown>): Promise<string> {
    const [responses, calls] = [s.fake.responses.length, s.fake.calls.length];
    await send();
    const mine: Shown[] = s.fake.responses
      .slice(responses)
      .map((r) => ({ who: user, channel, ephemeral: true, body: r.body }));
    if (s.viewAck) mine.push({ who: user, channel, ephemeral: true, body: s.viewAck });
    for (const call of s.fake.calls.slice(calls)) {
      const a = call.args;
      if (call.method === "views.open") forms.set(user, a.view as Json);
      if (call.method === "chat.postEphemeral") mine.push({ who: String(a.user), channel, ephemeral: true, body: a });
      if (call.method === "chat.update") mine.push({ who: user, channel, ts: String(a.ts), ephemeral: false, body: a });
      if (call.method === "chat.postMessage" && String(a.channel).startsWith("D")) {
        const ts = String(call.answer?.ts);
        mine.push({ who: String(a.channel).slice(1), channel: String(a.channel), ts, ephemeral: false, body: a });
      }
    }
    shown.push(...mine);
    s.viewAck = undefined;
    return mine
      .filter((m) => m.who === user)
      .map((m) => read(m.body))
      .join("\n");
  }

  const channelOf = (who: Who, where: Where) => (where.dm ? `D${IDS[who]}` : GENERAL);
  const posts = (filter: (call: FakeCall) => boolean) => s.fake.callsTo("chat.postMessage").filter(filter);

  return {
    name: "slack",
    workspace: TEAM,
    ids: IDS,
    teamChannel: "C0BILLING",
    send(cmd, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const channel = channelOf(where.who ?? "owner", where);
      return request(user, channel, () => s.command(commandText(cmd), { user, channel }));
    },
    async press(actionId, where = {}) {
      const seen = IDS[where.who ?? "owner"];
      const on = shown.findLast((m) => m.who === seen && actionIds(m.body).includes(actionId));
      if (!on) throw new Error(`no button ${actionId} shown to ${seen}`);
      const user = IDS[where.by ?? where.who ?? "owner"];
      const as = { user, channel: on.channel, ephemeral: on.ephemeral, ...(on.ts ? { messageTs: on.ts } : {}) };
      return request(user, on.channel, () => s.press(actionId, as));
    },
    async submit(values, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const view = forms.get(user);
      if (!view) throw new Error(`no form open for ${user}`);
      const blocks = (view.blocks as Json[]).filter((b) => b.type === "input");
      // Typed text, or a choice in a select as Slack reports its state.
      const state = (b: Json, v = values[String(b.block_id)] ?? "") =>
        (b.element as Json).type === "static_select"
          ? { type: "static_select", selected_option: { text: { type: "plain_text", text: v }, value: v } }
          : v;
      const byBlock = Object.fromEntries(blocks.map((b) => [String(b.block_id), state(b)]));
      return request(user, channelOf(where.who ?? "owner", where), () =>
        s.submit(String(view.private_metadata), byBlock, { user }),
      );
    },
    dms: (who) => posts((p) => p.args.channel === `D${IDS[who]}`).map((p) => read(p.args)),
    files(who) {
      const names = new Map(
        s.fake.callsTo("files.getUploadURLExternal").map((u) => [String(u.answer?.file_id), String(u.args.filename)]),
      );
      return s.fake
        .callsTo("files.completeUploadExternal")
        .filter((done) => done.args.channel_id === `D${IDS[who]}`)
        .flatMap((done) => done.args.files as { id: string }[])
        .map((f) => ({ name: names.get(f.id) ?? "", bytes: s.fake.uploadedBytes.get(f.id) ?? Buffer.alloc(0) }));
    },
    posted: (channel) => posts((p) => p.args.channel === channel).map((p) => read(p.args)),
    tick: () => tick(c, s.adapter.outbox),
    pings: () => s.sent().match(/<!(channel|here|everyone)|<@[UW][A-Z0-9]+|<!subteam/g) ?? [],
    sent: () => s.sent(),
    // What Slack sends when someone types @channel, @here, @everyone, @sam and a user group.
    mentions: {
      typed: "<!channel> <!here> <!everyone> <@U0SAM> <!subteam^S0DEVS|@devs>",
      shown: ["@channel @here @everyone <@U0SAM> @devs"],
    },
    received: (note) => textFromSlack(note),
  };
}
