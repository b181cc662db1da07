import { once } from "node:events";
import { Events } from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../adapters/discord/discord-adapter.ts";
import { findWorkspace } from "../../db/queries/workspaces.ts";
import { readConfig } from "../../src/config.ts";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { tableCounts } from "../support/db-counts.ts";
import { silentLog, useHarness } from "../support/harness.ts";
import { FakeDiscordApi } from "./fake-discord-api.ts";
import { FakeGateway } from "./fake-gateway.ts";
import { APP_ID, autocomplete, buttonPress, GUILD, groupedCommand, MEMBER, OWNER, slashCommand } from "./payloads.ts";

const h = useHarness();
let api: FakeDiscordApi;
let gateway: FakeGateway;
let adapter: DiscordAdapter;

beforeAll(async () => {
  api = new FakeDiscordApi();
  await api.start();
  api.addGuild({ id: GUILD, name: "Studio Nord", owner_id: OWNER });
  gateway = new FakeGateway(api);
  // No DISCORD_PUBLIC_KEY: gateway mode.
  const config = readConfig({
    DISCORD_TOKEN: "test-bot-token",
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: api.url,
  });
  adapter = createDiscordAdapter(
    { core: h.core, config, log: silentLog, http: createHttpServer(silentLog), clock: h.clock },
    { restRetries: 0 },
  );
  const client = adapter.client;
  if (!client) throw new Error("gateway mode has a client");
  const ready = once(client, Events.ClientReady);
  await adapter.start?.();
  await ready;
});

afterAll(async () => {
  await adapter?.stop();
  await gateway?.close();
  await api?.stop();
});

/** Dispatches an interaction on the gateway and resolves with the bot's callback. */
async function interact(payload: { id: string; token: string }) {
  const route = `/interactions/${payload.id}/${payload.token}/callback`;
  const callback = api.waitFor((c) => c.route === route);
  gateway.dispatch("INTERACTION_CREATE", payload);
  const call = await callback;
  await adapter.idle();
  return call;
}

describe("Discord gateway mode", () => {
  it("connects with the minimal intents and no public key, and takes the server's owner from the gateway", async () => {
    expect(adapter.mode).toBe("gateway");
    expect(gateway.identified[0]).toMatchObject({ token: "test-bot-token", intents: 1 });
    const refused = await interact(groupedCommand("config", "lang", { lang: "fr" }, { user: MEMBER }));
    expect(JSON.stringify(refused.body)).toContain("Only the workspace owner");
  });

  it("runs slash commands, autocomplete and buttons through the same handler, answering by REST", async () => {
    const added = await interact(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    expect(added.auth).toBeUndefined();
    expect(added.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(JSON.stringify(added.body)).toContain("ACME Corp");

    const logged = await interact(slashCommand("late", { client: "acme" }, { user: MEMBER }));
    expect(JSON.stringify(logged.body)).toContain("Logged late payment for ACME Corp.");

    const choices = await interact(autocomplete("show", { client: "acm" }, "client"));
    expect(choices.body).toEqual({ type: 8, data: { choices: [{ name: "ACME Corp (acme)", value: "acme" }] } });

    const undone = await interact(buttonPress("undo:1", { user: MEMBER }));
    expect(JSON.stringify(undone.body)).toContain("Withdrawn: the late payment for ACME Corp");
    // The gateway already said who owns the server: no lookup.
    expect(api.find("GET", `/guilds/${GUILD}`)).toEqual([]);
  });
  it("stops posting to a server that removed it, keeps its data, and is back when the server adds it again", async () => {
    await interact(slashCommand("add", { slug: "acme", name: "ACME Corp" }, { user: OWNER }));
    const removedAt = async () => (await findWorkspace(h.db.db, "discord", GUILD))?.deactivatedAt ?? null;
    expect(await removedAt()).toBeNull();

    // An outage at Discord (unavailable) is not a removal; the command after it is answered
    // once the event before it was handled.
    gateway.dispatch("GUILD_DELETE", { id: GUILD, unavailable: true });
    await interact(slashCommand("list", {}, { user: OWNER }));
    expect(await removedAt()).toBeNull();

    gateway.dispatch("GUILD_DELETE", { id: GUILD });
    await vi.waitFor(async () => expect(await removedAt()).not.toBeNull());
    expect((await tableCounts(h.db.db)).clients).toBe(1);

    const guild = api.guilds.get(GUILD);
    if (!guild) throw new Error("the fake knows the server");
    gateway.guildCreate(guild);
    await vi.waitFor(async () => expect(await removedAt()).toBeNull());
  });

  it.each([
    { lang: "en", id: "1110000000000000031", owner: "1130000000000000031", locale: "en-US", first: "Welcome to Tact" },
    { lang: "fr", id: "1110000000000000032", owner: "1130000000000000032", locale: "fr", first: "Bienvenue dans Tact" },
  ])("sends the owner of a server it joins the welcome by DM, once ($lang)", async (c) => {
    const guild = { id: c.id, name: "Atelier", owner_id: c.owner, preferred_locale: c.locale };
    api.addGuild(guild);
    const dmRoute = `/channels/9${c.owner}/messages`;
    gateway.guildCreate(guild);
    const welcome = await api.waitFor((call) => call.method === "POST" && call.route === dmRoute);
    const body = JSON.stringify(welcome.body);
    expect(body).toContain(c.first);
    expect(body).toContain("/client config currency EUR");
    // Its help button carries the server, for a press in the DM.
    expect(body).toContain(`"custom_id":"@${c.id}/help"`);
    expect((welcome.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });

    // A reconnection's GUILD_CREATE sends nothing more.
    gateway.guildCreate(guild);
    await interact(slashCommand("list", {}, { user: OWNER }));
    await adapter.idle();
    expect(api.find("POST", dmRoute)).toHaveLength(1);
  });
});
