import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { CHANNEL, GUILD, MEMBER, messageCommand, modalSubmit, OWNER, slashCommand } from "./payloads.ts";

type Json = Record<string, unknown>;

const d = useDiscord();
const RUDE = "@everyone <@1130000000000000002> <@&1170000000000000001> redo it all for free by Monday";

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

/** What only Discord does with "Log to Tact"; logging the message is in test/contract/adapter-contract.test.ts. */
describe('Discord\'s "Log to Tact" message command, over the wire', () => {
  it("opens a modal with the linked client filled in, and the message quoted with its link and author, pinging nobody", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(slashCommand("channel", { client: "acme" }));
    const opened = await d.send(messageCommand(RUDE, { user: MEMBER }));
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
    expect(quote).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}/1150000000000000042`);
    expect(quote).toContain("Wile E.");
    expect(quote).not.toMatch(/@everyone|<@/);
  });

  it("says so for a deleted author or a message of files only, and refuses someone else's form", async () => {
    await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    await d.send(
      messageCommand("", { user: MEMBER }, (m) => {
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
