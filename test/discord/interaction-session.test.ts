import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRest } from "../../adapters/discord/discord-rest.ts";
import { DiscordSender } from "../../adapters/discord/discord-sender.ts";
import { InteractionSession } from "../../adapters/discord/interaction-session.ts";
import { PendingForms } from "../../adapters/discord/pending-forms.ts";
import { FixedClock } from "../../src/clock.ts";
import { post, reply } from "../../src/core/effects.ts";
import { textMessage } from "../../src/messages/message.ts";
import { silentLog } from "../support/harness.ts";
import { FakeDiscordApi } from "./fake-discord-api.ts";
import { APP_ID, CHANNEL, GUILD, OWNER, slashCommand } from "./payloads.ts";

const api = new FakeDiscordApi();
beforeAll(() => api.start());
beforeEach(() => api.reset());
afterAll(() => api.stop());

/** A session for a command meant for the channel, recording its first response. */
function publicSession() {
  const raw = slashCommand("digest") as unknown as Exclude<APIInteraction, { type: 1 }>;
  const rest = createRest({ token: "test-bot-token", api: api.url, retries: 0 });
  const initial: APIInteractionResponse[] = [];
  const session = new InteractionSession(raw, {
    rest,
    sender: new DiscordSender(rest),
    applicationId: APP_ID,
    log: silentLog,
    respond: async (r) => {
      initial.push(r);
    },
    forms: new PendingForms(new FixedClock("2026-11-27T10:00:00Z")),
    locale: async () => "en",
    guildId: GUILD,
    userId: OWNER,
    channelId: CHANNEL,
    isDm: false,
    publicCommand: true,
  });
  return { session, initial, original: `/webhooks/${APP_ID}/${raw.token}/messages/@original` };
}

describe("a command meant for the channel", () => {
  it("answers in the channel for everyone, and privately for what is only the invoker's", async () => {
    const { session, initial } = publicSession();
    await session.perform([post(CHANNEL, textMessage("Today's digest")), reply(textMessage("Only for you"))], "en");
    await session.finish();
    expect(initial).toEqual([
      {
        type: 4,
        data: { content: "Today's digest", embeds: [], components: [], allowed_mentions: { parse: [] } },
      },
    ]);
    expect(api.find("POST", /^\/webhooks\//)[0]?.body).toMatchObject({ content: "Only for you", flags: 64 });
  });

  it("when deferred, shows the channel's answer in place of 'thinking', never a private one", async () => {
    const { session, initial, original } = publicSession();
    await session.defer();
    expect(initial).toEqual([{ type: 5, data: {} }]);
    await session.perform([reply(textMessage("Only for you"))], "en");
    await session.finish();
    // The private answer is a private follow-up; the public "thinking…" is removed.
    expect(api.find("PATCH", original)).toEqual([]);
    expect(api.find("POST", /^\/webhooks\//)[0]?.body).toMatchObject({ content: "Only for you", flags: 64 });
    expect(api.find("DELETE", original)).toHaveLength(1);
  });
});
