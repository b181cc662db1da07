import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { type As, useHarness } from "../support/harness.ts";

const h = useHarness();
const inAcme: As = { platform: "slack", channel: "C0ACME", user: "sam" };

async function rows<T>(query: string): Promise<T[]> {
  return queryRows<T>(h.db.db, sql.raw(query));
}

async function setUp(): Promise<void> {
  await h.run("/client add acme ACME Corp", { platform: "slack" });
  await h.run("/client add globex Globex", { platform: "slack" });
}

describe("linking a channel to a client", () => {
  it("links the channel it is typed in, audits it, and lists it on the card", async () => {
    await setUp();
    const text = await h.say("/client channel acme", inAcme);
    expect(text).toContain("C0ACME is now linked to ACME Corp");
    expect(await rows("select client_id, channel_id, linked_by from client_channels")).toEqual([
      { client_id: 1, channel_id: "C0ACME", linked_by: "sam" },
    ]);
    const [audit] = await rows<{ action: string; actor_id: string }>(
      "select action, actor_id from audit_log where action like 'client.channel%'",
    );
    expect(audit).toEqual({ action: "client.channel.linked", actor_id: "sam" });
    await h.say("/client channel acme <#C0SUPPORT|acme-support>", inAcme);
    const card = await h.say("/client show acme", { platform: "slack" });
    expect(card).toContain("Channels: #C0ACME, #acme-support");
    expect(await h.say("/client show globex", { platform: "slack" })).not.toContain("Channels:");
  });

  it("uses the channel's name when the platform gives it, and a Discord mention's id", async () => {
    await setUp();
    await h.handle({
      platform: "slack",
      workspaceId: "console",
      userId: "sam",
      channelId: "C0ACME",
      channelName: "acme-project",
      isDm: false,
      input: { kind: "text", text: "channel acme" },
    });
    await h.run("/client add globex Globex", { platform: "discord" });
    await h.run("/client channel globex <#123456789012345678>", { platform: "discord", channel: "999" });
    expect(await rows("select channel_id, channel_name from client_channels order by id")).toEqual([
      { channel_id: "C0ACME", channel_name: "acme-project" },
      { channel_id: "123456789012345678", channel_name: "123456789012345678" },
    ]);
  });

  it("unlinks with off, and says so when there was nothing to unlink", async () => {
    await setUp();
    await h.run("/client channel acme", inAcme);
    expect(await h.say("/client channel acme off", inAcme)).toContain("C0ACME is no longer linked to ACME Corp");
    expect(await rows("select * from client_channels")).toEqual([]);
    expect(await h.say("/client channel acme off", inAcme)).toContain("is not linked to ACME Corp. Nothing changed");
    const audits = await rows<{ action: string }>(
      "select action from audit_log where action like 'client.channel%' order by id",
    );
    expect(audits.map((a) => a.action)).toEqual(["client.channel.linked", "client.channel.unlinked"]);
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    await setUp();
    const cases: [string, As, string][] = [
      ["/client channel nobody", inAcme, `I don't know a client called "nobody"`],
      ["/client channel acme", { platform: "console" }, "The console has no channels"],
      ["/client channel acme", { ...inAcme, dm: true }, "A direct message cannot be linked"],
      ["/client channel acme acme-project", inAcme, `"acme-project" is not a channel I can link`],
      ["/client channel acme #acme-project", inAcme, `"#acme-project" is not a channel I can link`],
      ["/client channel acme <#C1|a> <#C2|b>", inAcme, "is not a channel I can link"],
    ];
    for (const [line, as, expected] of cases) expect(await h.say(line, as)).toContain(expected);
    await h.run("/client channel acme", inAcme);
    expect(await h.say("/client channel globex", inAcme)).toContain(
      "C0ACME is already linked to ACME Corp. A channel belongs to one client: unlink it first with /client channel acme off",
    );
    expect(await h.say("/client channel acme", inAcme)).toContain("already linked to ACME Corp. Nothing changed");
    expect(await rows("select client_id from client_channels")).toEqual([{ client_id: 1 }]);
  });

  it("refuses a channel the platform says is in another workspace", async () => {
    await h.run("/client add acme ACME Corp", { platform: "discord", workspace: "guild-1" });
    const asked: string[] = [];
    const effects = await h.handle({
      platform: "discord",
      workspaceId: "guild-1",
      userId: "sam",
      channelId: "111",
      isDm: false,
      input: { kind: "text", text: "channel acme <#222>" },
      channelInWorkspace: async (id) => {
        asked.push(id);
        return false;
      },
    });
    expect(JSON.stringify(effects)).toContain("#222 is not a channel of this workspace. Nothing was linked.");
    expect(asked).toEqual(["222"]);
    expect(await rows("select * from client_channels")).toEqual([]);
  });

  it("answers in French with French typography", async () => {
    await setUp();
    await h.run("/client config lang fr", { platform: "slack" });
    const text = await h.say("/client channel acme", inAcme);
    expect(text).toContain("C0ACME est désormais lié à ACME Corp. Les commandes peuvent y omettre le client\u00a0:");
  });
});

describe("commands in a linked channel", () => {
  it("may leave out the client: the first word is the client only when it names a known one", async () => {
    await setUp();
    await h.run("/client invoice acme INV-7 100 EUR due 2026-10-01", { platform: "slack" });
    await h.run("/client channel acme", inAcme);
    const lines = [
      "/client late",
      "/client late INV-7 second reminder ignored",
      "/client scope added a blog",
      "/client scope globex wants a shop",
      "/client note Dana called",
      "/client note ACME called",
      '/client scope "acme" asked for a logo',
    ];
    for (const line of lines) expect(await h.say(line, inAcme)).not.toContain("I don't know");
    const logged = await rows<{ slug: string; kind: string; note: string | null; invoice_ref: string | null }>(
      "select c.slug, i.kind, i.note, i.invoice_ref from incidents i join clients c on c.id = i.client_id where i.source = 'slack' order by i.id",
    );
    expect(logged).toEqual([
      { slug: "acme", kind: "late", note: null, invoice_ref: null },
      { slug: "acme", kind: "late", note: "second reminder ignored", invoice_ref: "INV-7" },
      { slug: "acme", kind: "scope", note: "added a blog", invoice_ref: null },
      { slug: "globex", kind: "scope", note: "wants a shop", invoice_ref: null },
      { slug: "acme", kind: "note", note: "Dana called", invoice_ref: null },
      // A known client's name, whatever its case: the client.
      { slug: "acme", kind: "note", note: "called", invoice_ref: null },
      { slug: "acme", kind: "scope", note: "asked for a logo", invoice_ref: null },
    ]);
    expect(await h.say("/client show", inAcme)).toContain("ACME Corp (acme)");
    expect(await h.say("/client show globex", inAcme)).toContain("Globex (globex)");
  });

  it("still needs the client elsewhere, and after unlinking", async () => {
    await setUp();
    await h.run("/client channel acme", inAcme);
    expect(await h.say("/client scope added a blog", { platform: "slack", channel: "C0OTHER" })).toContain(
      `I don't know a client called "added"`,
    );
    await h.run("/client channel acme off", inAcme);
    expect(await h.say("/client late", inAcme)).toContain("client");
    expect(await rows("select * from incidents")).toEqual([]);
  });
  it("on Discord too: a client option left out in a linked channel is the channel's client", async () => {
    const guild = { platform: "discord" as const, workspace: "guild-9", channel: "555000111222333444", user: "owner" };
    await h.run("/client add acme ACME Corp", guild);
    await h.run("/client add globex Globex", guild);
    await h.run("/client channel acme", guild);
    const options = async (verb: string, given: Record<string, string>, channelId = guild.channel) =>
      h.handle({
        platform: "discord",
        workspaceId: guild.workspace,
        userId: "sam",
        userName: "sam",
        channelId,
        isDm: false,
        input: { kind: "options", verb, options: given },
        workspaceHints: { ownerUserId: "owner" },
      });
    await options("late", {});
    await options("scope", { note: "added a blog" });
    await options("scope", { client: "globex", note: "wants a shop" });
    // Elsewhere the client is still needed, and nothing is written without it.
    const elsewhere = await options("scope", { note: "no client here" }, "555000111222333999");
    expect(JSON.stringify(elsewhere)).toContain("client");
    expect(
      await rows("select c.slug, i.kind, i.note from incidents i join clients c on c.id = i.client_id order by i.id"),
    ).toEqual([
      { slug: "acme", kind: "late", note: null },
      { slug: "acme", kind: "scope", note: "added a blog" },
      { slug: "globex", kind: "scope", note: "wants a shop" },
    ]);
  });
});
