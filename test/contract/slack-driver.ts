import { beforeEach } from "vitest";
import { textFromSlack } from "../../adapters/slack/slack-text.ts";
import type { FakeCall } from "../slack/fake-slack-api.ts";
import { fixture, MEMBER, OWNER, TEAM, useSlack } from "../slack/slack-harness.ts";
import {
  type Contract,
  commandText,
  type Driver,
  pressable,
  type Shown,
  strings,
  tick,
  type Where,
  type Who,
} from "./driver.ts";

type Json = Record<string, unknown>;
const IDS: Record<Who, string> = { owner: OWNER, member: MEMBER };
const GENERAL = "C0GENERAL";

/** A message someone was shown (nobody in particular: a channel post), and where: enough to press its buttons. */
interface Seen {
  who: string | undefined;
  channel: string;
  ts?: string;
  ephemeral: boolean;
  body: Json;
  as: Shown;
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
  const seen: Seen[] = [];
  let last: Seen[] = [];
  const forms = new Map<string, Json>();
  beforeEach(() => {
    seen.length = 0;
    forms.clear();
  });

  /** Runs something that makes Slack calls (a request by `user` in `channel`, a tick); what it showed `user`. */
  async function request(user: string | undefined, channel: string, send: () => Promise<unknown>): Promise<string> {
    const [responses, calls] = [s.fake.responses.length, s.fake.calls.length];
    await send();
    const answer = (body: Json): Seen => {
      const as = body.replace_original === true ? "update" : body.response_type === "in_channel" ? "public" : "private";
      return { who: user, channel, ephemeral: true, body, as };
    };
    const mine = s.fake.responses.slice(responses).map((r) => answer(r.body));
    if (s.viewAck) mine.push(answer(s.viewAck));
    for (const call of s.fake.calls.slice(calls)) {
      const a = call.args;
      const to = String(a.channel);
      if (call.method === "views.open" && user) forms.set(user, a.view as Json);
      if (call.method === "chat.postEphemeral") mine.push({ ...answer(a), who: String(a.user) });
      if (call.method === "chat.update") mine.push({ ...answer(a), ts: String(a.ts), ephemeral: false, as: "update" });
      if (call.method === "chat.postMessage") {
        const dm = to.startsWith("D");
        const where = { channel: to, ts: String(call.answer?.ts), ephemeral: false, body: a };
        mine.push({ ...where, who: dm ? to.slice(1) : undefined, as: dm ? "private" : "public" });
      }
    }
    seen.push(...mine);
    s.viewAck = undefined;
    last = mine.filter((m) => m.who === user);
    return last.map((m) => read(m.body)).join("\n");
  }

  const channelOf = (who: Who, where: Where) => (where.dm ? `D${IDS[who]}` : GENERAL);
  const posts = (filter: (call: FakeCall) => boolean) => s.fake.callsTo("chat.postMessage").filter(filter);

  return {
    name: "slack",
    workspace: TEAM,
    ids: IDS,
    names: { owner: "dana", member: "sam" },
    timezone: "Europe/Paris",
    teamChannel: "C0BILLING",
    shownAs: () => last.map((m) => m.as),
    send(cmd, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const channel = channelOf(where.who ?? "owner", where);
      return request(user, channel, () => s.command(commandText(cmd), { user, channel }));
    },
    async press(actionId, where = {}) {
      const viewer = IDS[where.who ?? "owner"];
      const on = seen.findLast((m) => (m.who ?? viewer) === viewer && actionIds(m.body).some(pressable(actionId)));
      const id = on && actionIds(on.body).find(pressable(actionId));
      if (!on || !id) throw new Error(`no button ${actionId} shown to ${viewer}`);
      const user = IDS[where.by ?? where.who ?? "owner"];
      const as = { user, channel: on.channel, ephemeral: on.ephemeral, ...(on.ts ? { messageTs: on.ts } : {}) };
      return request(user, on.channel, () => s.press(id, as));
    },
    async logMessage(text, kind, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const body = fixture("message-action");
      Object.assign(body, { user: { ...(body.user as Json), id: user }, channel: { id: GENERAL, name: "general" } });
      Object.assign(body.message as Json, { text });
      const form = new URLSearchParams({ payload: JSON.stringify(body) }).toString();
      await request(user, GENERAL, () => s.post(form, "application/x-www-form-urlencoded"));
      return this.submit({ client: "acme", kind, note: "" }, where);
    },
    quoted: {
      authorId: "U0CLIENT",
      author: "Wile E. Coyote",
      link: `https://acme.slack.com/archives/${GENERAL}/p1764400000000100`,
    },
    async submit(values, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const view = forms.get(user);
      if (!view) throw new Error(`no form open for ${user}`);
      const blocks = (view.blocks as Json[]).filter((b) => b.type === "input");
      // Typed text, or a choice in a select as Slack reports its state.
      const state = (b: Json, v = values[String(b.block_id)], type = (b.element as Json).type) =>
        type === "static_select"
          ? {
              type,
              selected_option: v
                ? { text: { type: "plain_text", text: v }, value: v }
                : (b.element as Json).initial_option,
            }
          : type === "datepicker"
            ? { type, selected_date: v ?? null }
            : (v ?? "");
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
    async tick() {
      let report: ReturnType<Driver["tick"]> | undefined;
      await request(undefined, GENERAL, () => (report = tick(c, s.adapter.outbox)));
      return report ?? Promise.reject(new Error("no tick"));
    },
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
