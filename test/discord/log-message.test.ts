import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { CHANNEL, GUILD, MEMBER, modalSubmit, OWNER, slashCommand } from "./payloads.ts";

type Json = Record<string, unknown>;

const d = useDiscord();
const TARGET = "1150000000000000042";
const CLIENT_USER = "1160000000000000007";
const RUDE = "@everyone <@1130000000000000002> <@&1170000000000000001> redo it all for free by Monday";

/** APPLICATION_COMMAND, message command (data.type 3) on TARGET, with the message in resolved.messages. */
function messageCommand(patch: (message: Json) => void = () => {}, user = MEMBER): Json {
  const base = slashCommand("show", {}, { user }) as unknown as Json;
  const message: Json = {
    id: TARGET,
    channel_id: CHANNEL,
    type: 0,
    content: RUDE,
    author: { id: CLIENT_USER, username: "wile", global_name: "Wile E.", discriminator: "0", avatar: null },
    attachments: [],
    embeds: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: "2026-11-26T15:40:00.000000+00:00",
    edited_timestamp: null,
    flags: 0,
    components: [],
  };
  patch(message);
  return {
    ...base,
    data: {
      id: "1140000000000000009",
      name: "Log to Tact",
      type: 3,
      target_id: TARGET,
      resolved: { messages: { [TARGET]: message } },
    },
  };
}

/** The modal submitted with the kind chosen in its select and the rest typed. */
function submitted(customId: string, values: { client: string; kind: string; note: string }, user = MEMBER): Json {
  const payload = modalSubmit(
    customId,
    { client: values.client, note: values.note },
    { user },
    false,
  ) as unknown as Json;
  const data = payload.data as { components: Json[] };
  data.components.push({ type: 18, id: 99, component: { type: 3, id: 100, custom_id: "kind", values: [values.kind] } });
  return payload;
}

const contentOf = (body: Json | undefined) => String(((body?.data ?? {}) as Json).content ?? "");

describe('Discord\'s "Log to Tact" message command, over the wire', () => {
  it("opens a modal with the linked client filled in, and logs the message with its link and author", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(slashCommand("channel", { client: "acme" }));
    const opened = await d.send(messageCommand());
    expect(opened.body).toMatchObject({ type: 9, data: { custom_id: "evidence:1", title: "Log to Tact" } });
    const fields = new Map(
      (((opened.body?.data ?? {}) as Json).components as Json[]).map((row) => {
        const input = row.component as Json;
        return [String(input.custom_id), input];
      }),
    );
    expect(fields.get("client")?.value).toBe("acme");
    expect(fields.get("kind")?.type).toBe(3);
    const quote = String(fields.get("quote")?.value);
    expect(quote).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}/${TARGET}`);
    expect(quote).toContain("Wile E.");
    expect(quote).not.toMatch(/@everyone|<@/);

    const done = await d.send(submitted("evidence:1", { client: "acme", kind: "conduct", note: "" }));
    expect(contentOf(done.body)).toContain("Logged disrespect / tension for ACME Corp");
    const [kept] = await queryRows<{ text: string; author_id: string; link: string; reporter_id: string }>(
      d.h.db.db,
      sql`select e.text, e.author_id, e.link, i.reporter_id from evidence e join incidents i on i.id = e.incident_id`,
    );
    expect(kept).toEqual({
      text: RUDE,
      author_id: CLIENT_USER,
      link: `https://discord.com/channels/${GUILD}/${CHANNEL}/${TARGET}`,
      reporter_id: MEMBER,
    });

    const card = await d.send(slashCommand("show", { client: "acme" }));
    const shown = JSON.stringify(card.body);
    expect(shown).toContain("Wile E.");
    expect(shown).not.toMatch(/@everyone|<@1130000000000000002>|<@&/);
  });

  it("says so for a deleted author or a message of files only, and refuses someone else's form", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(
      messageCommand((m) => {
        m.content = "";
        m.author = { id: "456226577798135808", username: "Deleted User", discriminator: "0000", avatar: null };
        m.attachments = [
          {
            id: "1",
            filename: "contract.pdf",
            size: 10,
            url: "https://cdn.discordapp.com/x",
            proxy_url: "https://media.discordapp.net/x",
          },
        ];
      }),
    );
    const refused = await d.send(submitted("evidence:1", { client: "acme", kind: "note", note: "" }, OWNER));
    expect(contentOf(refused.body)).toContain("not yours to submit");
    await d.send(submitted("evidence:1", { client: "acme", kind: "note", note: "" }));
    const card = JSON.stringify((await d.send(slashCommand("show", { client: "acme" }))).body);
    expect(card).toContain("the message holds only a file");
    expect(card).toContain("an unknown author (a deleted user?)");
    const [n] = await queryRows<{ n: number }>(d.h.db.db, sql`select count(*)::int as n from incidents`);
    expect(n?.n).toBe(1);
  });
});
