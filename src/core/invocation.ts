export const platforms = ["console", "slack", "discord"] as const;
export type Platform = (typeof platforms)[number];

/** What the user sent: command text, structured options, a button press or a form. */
export type InvocationInput =
  /** `late acme INV-7 paid again` (the text after `/client`). */
  | { kind: "text"; text: string }
  /** Structured options (Discord sub-command); values as the platform typed them. */
  | { kind: "options"; verb: string; options: Record<string, string | number | boolean> }
  /** A button or select: the action id, e.g. `undo:42`. */
  | { kind: "action"; actionId: string }
  /** A form submitted: its id and the values by field id. */
  | { kind: "form"; formId: string; values: Record<string, string> }
  /** "Log to Tact" on a message (Slack message shortcut, Discord message command). */
  | { kind: "message"; message: CapturedMessage }
  /** Autocomplete of a command option (Discord). */
  | { kind: "autocomplete"; verb: string; option: string; partial: string }
  /**
   * Tact was installed in the workspace (Slack OAuth install, Discord server joined): the user
   * (who installed it, or the server's owner) gets the welcome by direct message, once ever.
   */
  | { kind: "installed" }
  /** Slack's App Home tab was opened (or is refreshed after a press in it): the person's home page. */
  | { kind: "home" }
  /** Tact was removed from the workspace (uninstalled, token revoked, kicked): nothing more is posted there. */
  | { kind: "removed" }
  /** Tact is in the workspace again (reinstalled, a bot token for it, the server joined again). */
  | { kind: "restored" }
  /**
   * A person seen without a command (a console line that is none, a Discord press the adapter
   * answers itself): their name is recorded if given, nothing is created or answered; the
   * locale says which language to speak.
   */
  | { kind: "memberSeen" };

/** Everything the core needs to know about one request, platform-neutral. */
export interface Invocation {
  platform: Platform;
  /** The team, guild or console workspace id, as the platform names it. */
  workspaceId: string;
  userId: string;
  /** A name to record for the user (never used to notify them). */
  userName?: string | undefined;
  channelId: string;
  /** The channel's name when the platform gives it (Slack commands, Discord), for display. */
  channelName?: string | undefined;
  /**
   * Whether a channel the user named belongs to this workspace, asked of the platform by the
   * adapter; absent where the platform's own mention already guarantees it.
   */
  channelInWorkspace?: ((channelId: string) => Promise<boolean>) | undefined;
  /** The user's own locale as the platform reports it, e.g. `fr-FR`. */
  locale?: string | undefined;
  isDm: boolean;
  input: InvocationInput;
  /** Unique per platform request (for logs, and to apply a retried request once). */
  requestId?: string | undefined;
  /**
   * Facts about the workspace, used when it is seen for the first time or its owner is not
   * known yet: given, or asked of the platform only then (`seen`: the workspace exists).
   */
  workspaceHints?: WorkspaceHints | ((seen: boolean) => Promise<WorkspaceHints | undefined>) | undefined;
}

export interface WorkspaceHints {
  name?: string | undefined;
  /** The platform's own owner (Slack primary owner, Discord guild owner). */
  ownerUserId?: string | undefined;
  timezone?: string | undefined;
  defaultChannelId?: string | undefined;
  /** The workspace's language when it is new (`fr-FR`); otherwise the invocation's locale. */
  locale?: string | undefined;
  /** The owner's name, recorded so refusals can say who to ask. */
  ownerName?: string | undefined;
}

/** A message someone chose to log, as the platform gave it. */
export interface CapturedMessage {
  channelId: string;
  /** Slack's `ts`, Discord's message id. */
  messageId: string;
  /** Exactly as sent ('' for a message holding only files). */
  text: string;
  /** Absent when the platform no longer knows the author (a deleted user). */
  authorId?: string | undefined;
  authorName?: string | undefined;
  postedAt: Date;
  link?: string | undefined;
  /** How many files the message holds. */
  files: number;
}
