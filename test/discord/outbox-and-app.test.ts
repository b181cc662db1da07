import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { startApp } from "../../src/app.ts";
import { readConfig } from "../../src/config.ts";
import { dm, post, reply } from "../../src/core/effects.ts";
import { message, textMessage } from "../../src/messages/message.ts";
import { silentLog } from "../support/harness.ts";
import { discordHeaders, discordKeys } from "../support/signed-requests.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { APP_ID, GUILD, OWNER, slashCommand } from "./payloads.ts";

const d = useDiscord();
const guild = { externalId: GUILD, locale: "en" } as const;

describe("the Discord outbox (what the scheduler sends)", () => {
  it("posts in a channel, DMs a user with the server in its buttons' ids, and sends a file", async () => {
    await d.send(slashCommand("help", {}));
    const outbox = d.adapter.outbox;
    await outbox.send(guild, post("1160000000000000001", textMessage("Morning digest")));
    await outbox.send(
      guild,
      dm(
        OWNER,
        message("Reminder")
          .text("Time to resume")
          .buttons([{ id: "wizard:1:3:resume", label: "Resume" }])
          .build(),
      ),
    );
    const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0x82, 0xac, 0x00, 0xff]);
    await outbox.send(guild, {
      type: "file",
      userId: OWNER,
      files: [
        { filename: "acme-record.md", content: "# ACME Corp\n", contentType: "text/markdown; charset=utf-8" },
        { filename: "acme-record.pdf", content: pdf, contentType: "application/pdf" },
      ],
      message: textMessage("The record"),
    });
    expect(d.api.find("POST", "/channels/1160000000000000001/messages")[0]?.body).toMatchObject({
      content: "Morning digest",
      allowed_mentions: { parse: [] },
    });
    const toOwner = d.api.find("POST", `/channels/9${OWNER}/messages`);
    expect(JSON.stringify(toOwner[0]?.body)).toContain(`"custom_id":"@${GUILD}/wizard:1:3:resume"`);
    // Both files on one message, the PDF's bytes as they were (not text).
    const [md, sent] = toOwner[1]?.files ?? [];
    expect(md).toMatchObject({
      name: "acme-record.md",
      content: "# ACME Corp\n",
      type: "text/markdown; charset=utf-8",
    });
    expect(sent).toMatchObject({ name: "acme-record.pdf", type: "application/pdf" });
    expect([...(sent?.bytes ?? [])]).toEqual([...pdf]);
    expect(toOwner[1]?.body).toMatchObject({
      content: "The record",
      attachments: [
        { id: 0, filename: "acme-record.md" },
        { id: 1, filename: "acme-record.pdf" },
      ],
    });
    // Discord opens the DM channel once and the bot remembers it.
    expect(d.api.find("POST", "/users/@me/channels")).toHaveLength(1);
  });

  it("sends a file when Slack's SDK (and its own undici) installed the process-wide agent", async () => {
    // Bolt's Socket Mode loads undici 7, which installs its agent process-wide when it loads
    // first; discord.js (undici 6) then dispatched its uploads on it and they failed.
    const fromSocketMode = createRequire(createRequire(import.meta.url).resolve("@slack/socket-mode"));
    const undici7 = fromSocketMode("undici") as typeof import("undici");
    const previous = undici7.getGlobalDispatcher();
    undici7.setGlobalDispatcher(new undici7.Agent());
    try {
      await d.send(slashCommand("help", {}));
      await d.adapter.outbox.send(guild, {
        type: "file",
        userId: OWNER,
        files: [{ filename: "acme-record.md", content: "# ACME Corp — é\n", contentType: "text/markdown" }],
        message: textMessage("The record"),
      });
    } finally {
      undici7.setGlobalDispatcher(previous);
    }
    const withFile = d.api.find("POST", `/channels/9${OWNER}/messages`).filter((c) => c.files?.length);
    expect(withFile.at(-1)?.files).toMatchObject([{ name: "acme-record.md", content: "# ACME Corp — é\n" }]);
  });

  it("throws Discord's refusal, so the scheduler retries later, and refuses a reply nobody asked for", async () => {
    d.api.forbiddenChannels.add("1160000000000000002");
    await expect(d.adapter.outbox.send(guild, post("1160000000000000002", textMessage("x")))).rejects.toThrow(
      /Missing Access/,
    );
    await expect(d.adapter.outbox.send(guild, reply(textMessage("x")))).rejects.toThrow(/cannot send a "reply"/);
  });
});

describe("npm start with Discord configured", () => {
  it("serves /discord/interactions on the app's one HTTP server, next to /healthz", async () => {
    const keys = discordKeys();
    const config = readConfig({
      DISCORD_TOKEN: "test-bot-token",
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: d.api.url,
      PORT: "0",
    });
    const app = await startApp({ config, log: silentLog, clock: d.h.clock, database: d.h.db });
    try {
      expect(app.outboxes.map((o) => o.platform)).toEqual(["discord"]);
      const base = `http://127.0.0.1:${app.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const body = JSON.stringify(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
      const res = await fetch(`${base}/discord/interactions`, {
        method: "POST",
        headers: discordHeaders(keys.privateKey, body, d.h.clock.now()),
        body,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ type: 4, data: { content: expect.stringContaining("ACME Corp") } });
      const forged = await fetch(`${base}/discord/interactions`, {
        method: "POST",
        headers: discordHeaders(discordKeys().privateKey, body, d.h.clock.now()),
        body,
      });
      expect(forged.status).toBe(401);
    } finally {
      await app.stop();
    }
  });
});
