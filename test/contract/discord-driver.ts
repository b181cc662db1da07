import { beforeEach } from "vitest";
import { useDiscord } from "../discord/discord-test-setup.ts";
import { buttonPress, GUILD, MEMBER, modalSubmit, OWNER, slashCommand } from "../discord/payloads.ts";
import { type Contract, type Driver, strings, tick, type Who } from "./driver.ts";

type Json = Record<string, unknown>;
const IDS: Record<Who, string> = { owner: OWNER, member: MEMBER };

/** A message someone was shown: in a DM or in the server's channel. */
interface Shown {
  who: string;
  dm: boolean;
  body: Json;
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

/** Tact's Discord adapter over HTTP interactions (signed, Discord's payloads) and the fake REST API. */
export function discordDriver(c: Contract): Driver {
  const d = useDiscord({ harness: c.h, log: c.log });
  const shown: Shown[] = [];
  /** HTTP answers to interactions (message bodies Discord shows): checked for pings with the REST calls. */
  const answers: Json[] = [];
  /** The modal open for each person: its id, where, and which of its fields are selects. */
  const forms = new Map<string, { customId: string; dm: boolean; selects: string[] }>();
  beforeEach(() => {
    shown.length = 0;
    answers.length = 0;
    forms.clear();
  });

  async function request(user: string, dm: boolean, payload: object): Promise<string> {
    const calls = d.api.calls.length;
    const res = await d.send(payload);
    const mine: Shown[] = [];
    const answer = (body: Json | undefined) => {
      const data = body?.data as Json | undefined;
      if (body?.type === 9 && data) {
        const fields = (data.components as { component: Json }[]).map((label) => label.component);
        const selects = fields.filter((f) => f.type === 3).map((f) => String(f.custom_id));
        forms.set(user, { customId: String(data.custom_id), dm, selects });
      } else if (data) {
        answers.push(data);
        mine.push({ who: user, dm, body: data });
      }
    };
    answer(res.body);
    for (const call of d.api.calls.slice(calls)) {
      if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(call.route)) answer(call.body);
      else if (call.route.startsWith("/webhooks/") && call.body) mine.push({ who: user, dm, body: call.body });
      const dmTo = /^\/channels\/9(\d+)\/messages$/.exec(call.route)?.[1];
      if (dmTo && call.method === "POST" && call.body) mine.push({ who: dmTo, dm: true, body: call.body });
    }
    shown.push(...mine);
    return mine
      .filter((m) => m.who === user)
      .map((m) => read(m.body))
      .join("\n");
  }

  const messages = (channel: (id: string) => boolean) =>
    d.api
      .find("POST", /^\/channels\/\d+\/messages$/)
      .filter((call) => channel(call.route.split("/")[2] ?? ""))
      .map((call) => read(call.body));

  return {
    name: "discord",
    workspace: GUILD,
    ids: IDS,
    teamChannel: "1160000000000000001",
    send(cmd, where = {}) {
      const user = IDS[where.who ?? "owner"];
      return request(user, where.dm ?? false, slashCommand(cmd.verb, cmd.args, { user, dm: where.dm ?? false }));
    },
    async press(actionId, where = {}) {
      const seen = IDS[where.who ?? "owner"];
      const on = shown.findLast((m) => m.who === seen && customIds(m.body).some((id) => id.endsWith(actionId)));
      const customId = on && customIds(on.body).find((id) => id === actionId || id.endsWith(`/${actionId}`));
      if (!on || !customId) throw new Error(`no button ${actionId} shown to ${seen}`);
      const user = IDS[where.by ?? where.who ?? "owner"];
      return request(user, on.dm, buttonPress(customId, { user, dm: on.dm }, false));
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
      return request(user, form.dm, payload);
    },
    dms: (who) => messages((channel) => channel === `9${IDS[who]}`),
    files: (who) =>
      d.api
        .find("POST", `/channels/9${IDS[who]}/messages`)
        .flatMap((call) => call.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.bytes ?? f.content) }))),
    posted: (channel) => messages((id) => id === channel),
    tick: () => tick(c, d.adapter.outbox),
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
