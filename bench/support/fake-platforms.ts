import { randomBytes } from "node:crypto";
import { FakeDiscordApi } from "../../test/discord/fake-discord-api.ts";
import { GUILD } from "../../test/discord/payloads.ts";
import { FakeSlackApi } from "../../test/slack/fake-slack-api.ts";
import { type SignedRequest, slackCommand } from "../../test/support/signed-requests.ts";

export const BOT_TEAM = "T0BENCH0";
export const SLACK_OWNER = "U0OWNER";
export const DISCORD_OWNER = "2000000000000000001";
export const SLACK_SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";

/** The tests' fake Slack and Discord, with the bench's people (the owner, U0P0…U0P49) and server. */
export interface FakePlatforms {
  slack: FakeSlackApi;
  discord: FakeDiscordApi;
}

export async function startFakePlatforms(): Promise<FakePlatforms> {
  const people = [SLACK_OWNER, ...Array.from({ length: 50 }, (_, i) => `U0P${i}`)];
  const slack = await FakeSlackApi.start({
    teamId: BOT_TEAM,
    users: people.map((id) => ({
      id,
      name: id.toLowerCase(),
      real_name: `Person ${id}`,
      tz: "Europe/Paris",
      locale: "en-GB",
      is_primary_owner: id === SLACK_OWNER,
    })),
  });
  slack.now = () => Date.now();
  const discord = new FakeDiscordApi();
  await discord.start();
  discord.addGuild({ id: GUILD, name: "Bench server", owner_id: DISCORD_OWNER });
  return { slack, discord };
}

export async function closeFakePlatforms(fake: FakePlatforms): Promise<void> {
  await fake.slack.close();
  await fake.discord.stop();
}

/** `/client <text>` from `user` in `team`, signed; an answer that comes later arrives as `id`. */
export function benchCommand(fake: FakePlatforms, team: string, user: string, text: string, id: string): SignedRequest {
  return slackCommand(SLACK_SIGNING_SECRET, {
    team_id: team,
    user_id: user,
    user_name: user.toLowerCase(),
    text,
    response_url: fake.slack.responseUrl(id),
    trigger_id: `${id}.${randomBytes(3).toString("hex")}`,
  });
}

/** Resolves once `count` answers have reached their response_url. */
export function answersArrived(fake: FakePlatforms, count: number, ms = 120_000): Promise<void> {
  return fake.slack.waitFor((slack) => slack.answeredAt.size >= count, ms, `${count} answers`);
}
