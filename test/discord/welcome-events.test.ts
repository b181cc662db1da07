import { describe, expect, it } from "vitest";
import { useDiscord } from "./discord-test-setup.ts";
import { APP_ID, buttonPress } from "./payloads.ts";

const d = useDiscord();

/** Discord's APPLICATION_AUTHORIZED webhook event for a server install, as its documentation shows it. */
function authorized(guild: { id: string; owner_id: string; preferred_locale: string }, installer: string) {
  return {
    version: 1,
    application_id: APP_ID,
    type: 1,
    event: {
      type: "APPLICATION_AUTHORIZED",
      timestamp: "2026-11-27T10:00:00.000000+00:00",
      data: {
        integration_type: 0,
        scopes: ["applications.commands", "bot"],
        user: { id: installer, username: "installer", discriminator: "0", global_name: null, avatar: null },
        guild: { ...guild, name: "Atelier", features: [], roles: [], emojis: [] },
      },
    },
  };
}

async function deliver(payload: object, at = d.h.clock.now()): Promise<number> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${d.url}/discord/events`, { method: "POST", headers: d.sign(body, at), body });
  await d.adapter.idle();
  return res.status;
}

describe("joining a server in HTTP mode (Discord's webhook events)", () => {
  it.each([
    {
      lang: "en",
      guild: "1110000000000000041",
      owner: "1130000000000000041",
      locale: "en-US",
      first: "Welcome to Tact",
    },
    {
      lang: "fr",
      guild: "1110000000000000042",
      owner: "1130000000000000042",
      locale: "fr",
      first: "Bienvenue dans Tact",
    },
  ])("sends the server's owner the welcome by DM once ($lang)", async (c) => {
    expect(await deliver({ version: 1, application_id: APP_ID, type: 0 })).toBe(204);
    const guild = { id: c.guild, owner_id: c.owner, preferred_locale: c.locale };
    expect(await deliver(authorized(guild, "1130000000000000099"))).toBe(204);
    const [welcome, ...more] = d.api.find("POST", `/channels/9${c.owner}/messages`);
    expect(more).toEqual([]);
    const body = JSON.stringify(welcome?.body);
    expect(body).toContain(c.first);
    expect(body).toContain("/client add acme ACME Corp");
    expect(body).toContain(`"custom_id":"@${c.guild}/help"`);

    // Authorized again (a re-invite): no second welcome.
    expect(await deliver(authorized(guild, "1130000000000000099"))).toBe(204);
    expect(d.api.find("POST", `/channels/9${c.owner}/messages`)).toHaveLength(1);

    // The button in the DM shows the help, for that server.
    d.api.addGuild({ id: c.guild, name: "Atelier", owner_id: c.owner });
    const help = await d.send({ ...buttonPress(`@${c.guild}/help`, { user: c.owner, dm: true }) });
    expect(JSON.stringify(help.body)).toContain("/client late");
  });

  it("refuses an event not signed by Discord, and ignores a user install", async () => {
    const body = JSON.stringify(
      authorized({ id: "1110000000000000043", owner_id: "1130000000000000043", preferred_locale: "en-US" }, "1"),
    );
    const res = await fetch(`${d.url}/discord/events`, {
      method: "POST",
      headers: { ...d.sign(body, d.h.clock.now()), "x-signature-ed25519": "00".repeat(64) },
      body,
    });
    expect(res.status).toBe(401);
    const user = authorized(
      { id: "1110000000000000044", owner_id: "1130000000000000044", preferred_locale: "en-US" },
      "1",
    );
    user.event.data.integration_type = 1;
    expect(await deliver(user)).toBe(204);
    expect(d.api.find("POST", /^\/channels\/9/)).toEqual([]);
  });
});
