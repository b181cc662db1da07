import { beforeEach } from "vitest";
import { useDiscord } from "../discord/discord-test-setup.ts";
import {
  buttonPress,
  CHANNEL,
  CLIENT_USER,
  GUILD,
  groupedCommand,
  MEMBER,
  messageCommand,
  modalSubmit,
  OWNER,
  slashCommand,
} from "../discord/payloads.ts";
import { type Contract, type Driver, pressable, type Shown, strings, tick, type Who } from "./driver.ts";

type Json = Record<string, unknown>;
const IDS: Record<Who, string> = { owner: OWNER, member: MEMBER };

/** A message someone was shown (nobody in particular: a channel post): in a DM or in the server. */
interface Seen {
  who: string | undefined;
  dm: boolean;
  body: Json;
  as: Shown;
}

/** As Discord shows markdown: escapes and the word joiner that stops @everyone pinging undone. */
const read = (body: unknown) =>
  strings(body)
    .replace(/\u2060/g, "")
    .replace(/\\(.)/g, "$1");

/** Custom ids of the components of a message. */
function customIds(body: Json): string[] {
  return ((body.components as Json[] | undefined) ?? []).flatMap((row) =>
    ((row.components as Json[] | undefined) ?? []).map((c) => String(c.custom_id)),
  );
}

const privateOr = (body: Json | undefined, otherwise: Shown): Shown =>
  ((Number(body?.flags) || 0) & 64) === 64 ? "private" : otherwise;

/** Tact's Discord adapter over HTTP interactions (signed, Discord's payloads) and the fake REST API. */
export function discordDriver(c: Contract): Driver {
  const d = useDiscord({ harness: c.h, log: c.log });
  const seen: Seen[] = [];
  let last: Seen[] = [];
  /** HTTP answers to interactions (message bodies Discord shows): checked for pings with the REST calls. */
  const answers: Json[] = [];
  /** The modal open for each person: its id, where, and which of its fields are selects. */
  const forms = new Map<string, { customId: string; dm: boolean; selects: string[] }>();
  beforeEach(() => {
    seen.length = 0;
    answers.length = 0;
    forms.clear();
  });

  /** Sends an interaction by `user` (none: runs a tick); what it showed them. */
  async function request(user: string | undefined, dm: boolean, send: () => Promise<Json | undefined>) {
    const calls = d.api.calls.length;
    const first = await send();
    const mine: Seen[] = [];
    const answer = (body: Json | undefined) => {
      const data = body?.data as Json | undefined;
      if (body?.type === 9 && data && user) {
        const fields = (data.components as { component: Json }[]).map((label) => label.component);
        const selects = fields.filter((f) => f.type === 3).map((f) => String(f.custom_id));
        forms.set(user, { customId: String(data.custom_id), dm, selects });
      } else if (data) {
        answers.push(data);
        mine.push({ who: user, dm, body: data, as: body?.type === 7 ? "update" : privateOr(data, "public") });
      }
    };
    answer(first);
    for (const call of d.api.calls.slice(calls)) {
      if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(call.route)) answer(call.body);
      else if (call.route.startsWith("/webhooks/") && call.body) {
        // A deferred answer edited in: an update when the press was deferred as one (type 6).
        const as = call.method === "PATCH" && first?.type === 6 ? "update" : privateOr(call.body, "public");
        mine.push({ who: user, dm, body: call.body, as });
      }
      const channel = /^\/channels\/(\d+)\/messages$/.exec(call.route)?.[1];
      if (channel && call.method === "POST" && call.body) {
        const toDm = channel.startsWith("9");
        mine.push({
          who: toDm ? channel.slice(1) : undefined,
          dm: toDm,
          body: call.body,
          as: toDm ? "private" : "public",
        });
      }
    }
    seen.push(...mine);
    last = mine.filter((m) => m.who === user);
    return last.map((m) => read(m.body)).join("\n");
  }
  const interaction = (user: string, dm: boolean, payload: object) =>
    request(user, dm, async () => (await d.send(payload)).body);

  const messages = (channel: (id: string) => boolean) =>
    d.api
      .find("POST", /^\/channels\/\d+\/messages$/)
      .filter((call) => channel(call.route.split("/")[2] ?? ""))
      .map((call) => read(call.body));

  return {
    name: "discord",
    workspace: GUILD,
    ids: IDS,
    names: { owner: "Olivia", member: "Sam" },
    timezone: "UTC",
    teamChannel: "1160000000000000001",
    shownAs: () => last.map((m) => m.as),
    send(cmd, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const who = { user, dm: where.dm ?? false };
      const payload = cmd.group
        ? groupedCommand(cmd.group, cmd.verb, cmd.args, who)
        : slashCommand(cmd.verb, cmd.args, who);
      return interaction(user, who.dm, payload);
    },
    async press(actionId, where = {}) {
      const viewer = IDS[where.who ?? "owner"];
      // In a DM, a button's id carries its server (`@<guild>/<action>`).
      const matches = (id: string) => pressable(actionId)(id.replace(/^@\d+\//, ""));
      const on = seen.findLast((m) => (m.who ?? viewer) === viewer && customIds(m.body).some(matches));
      const customId = on && customIds(on.body).find(matches);
      if (!on || !customId) throw new Error(`no button ${actionId} shown to ${viewer}`);
      const user = IDS[where.by ?? where.who ?? "owner"];
      return interaction(user, on.dm, buttonPress(customId, { user, dm: on.dm }, !on.dm && on.as === "private"));
    },
    async logMessage(text, kind, where = {}) {
      const user = IDS[where.who ?? "owner"];
      await interaction(user, false, messageCommand(text, { user }));
      return this.submit({ client: "acme", kind, note: "" }, where);
    },
    quoted: {
      authorId: CLIENT_USER,
      author: "Wile E.",
      link: `https://discord.com/channels/${GUILD}/${CHANNEL}/1150000000000000042`,
    },
    async submit(values, where = {}) {
      const user = IDS[where.who ?? "owner"];
      const form = forms.get(user);
      if (!form) throw new Error(`no form open for ${user}`);
      const payload = modalSubmit(form.customId, values, { user, dm: form.dm });
      // A select's choice comes as its values, not as typed text.
      for (const label of payload.data.components) {
        const { id, custom_id, value } = label.component;
        if (form.selects.includes(custom_id))
          Object.assign(label, { component: { type: 3, id, custom_id, values: [value] } });
      }
      return interaction(user, form.dm, payload);
    },
    dms: (who) => messages((channel) => channel === `9${IDS[who]}`),
    files: (who) =>
      d.api
        .find("POST", `/channels/9${IDS[who]}/messages`)
        .flatMap((call) => call.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.bytes ?? f.content) }))),
    posted: (channel) => messages((id) => id === channel),
    async tick() {
      let report: Awaited<ReturnType<Driver["tick"]>> | undefined;
      await request(undefined, false, async () => {
        report = await tick(c, d.adapter.outbox);
        return undefined;
      });
      return report ?? Promise.reject(new Error("no tick"));
    },
    // Allowed mentions off on every message, and mentions typed in text escaped: shown as typed, not rendered.
    pings: () =>
      [...answers, ...d.api.messageBodies()]
        .filter(
          (m) =>
            JSON.stringify(m.allowed_mentions) !== '{"parse":[]}' ||
            /@(everyone|here)|(^|[^\\])<[@#]/m.test(strings(m)),
        )
        .map((m) => JSON.stringify(m)),
    sent: () => JSON.stringify([answers, d.api.calls.map((call) => call.body)]),
    mentions: {
      typed: "@everyone @here <@1130000000000000002> <@&1150000000000000001>",
      shown: ["@everyone @here <@1130000000000000002> <@&1150000000000000001>"],
    },
    received: (note) => note,
  };
}
