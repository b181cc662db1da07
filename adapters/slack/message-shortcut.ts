import type { MessageShortcut } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { CapturedMessage, Invocation } from "../../src/core/invocation.ts";

/** The message shortcut's callback id, as declared in manifest.yml. */
export const LOG_MESSAGE_CALLBACK_ID = "log_message";

interface SlackMessage {
  ts: string;
  text?: string;
  user?: string;
  username?: string;
  bot_id?: string;
  user_profile?: { real_name?: string; display_name?: string; name?: string };
  files?: unknown[];
}

/**
 * "Log to Tact" on a Slack message: the message as Slack sent it (its text exactly, still in
 * Slack's markup: the core keeps it as data and shows it escaped), its author, its time and
 * its permalink, asked of `chat.getPermalink` (none when Slack will not give one).
 */
export async function capturedFromSlack(client: WebClient, shortcut: MessageShortcut): Promise<CapturedMessage> {
  const message = shortcut.message as SlackMessage;
  const profile = message.user_profile;
  let link: string | undefined;
  try {
    const answer = await client.chat.getPermalink({ channel: shortcut.channel.id, message_ts: message.ts });
    link = answer.permalink;
  } catch {
    link = undefined;
  }
  return {
    channelId: shortcut.channel.id,
    messageId: message.ts,
    text: message.text ?? "",
    authorId: message.user ?? message.bot_id,
    authorName: profile?.real_name || profile?.display_name || profile?.name || message.username,
    postedAt: new Date(Math.round(Number(message.ts) * 1000)),
    link,
    files: Array.isArray(message.files) ? message.files.length : 0,
  };
}

/** The invocation a message shortcut makes. */
export function shortcutInvocation(shortcut: MessageShortcut, message: CapturedMessage): Invocation {
  const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
  return {
    platform: "slack",
    workspaceId: teamId,
    userId: shortcut.user.id,
    userName: shortcut.user.username ?? shortcut.user.name,
    channelId: shortcut.channel.id,
    channelName: shortcut.channel.name,
    isDm: shortcut.channel.id.startsWith("D"),
    input: { kind: "message", message },
    requestId: shortcut.trigger_id,
  };
}
