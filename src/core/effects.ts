import type { Form, Message } from "../messages/message.ts";

/** What the core asks an adapter to do. Adapters perform effects; they decide nothing. */
export type Effect =
  /** Visible only to the person who invoked (Slack ephemeral, Discord ephemeral). */
  | { type: "reply"; message: Message }
  /** A post in a channel of the workspace. */
  | { type: "post"; channelId: string; message: Message }
  /** A direct message to one user. */
  | { type: "dm"; userId: string; message: Message }
  /** Replace the message that held the button that was pressed. */
  | { type: "update"; message: Message }
  /** Open a form for the invoker (needs the platform's trigger; console reads the next line). */
  | { type: "form"; form: Form }
  /**
   * A file for one user (Slack file upload in the DM, Discord attachment, console: a path).
   * `delivered` runs once the whole file has reached them (the export's audit entry). When
   * the file cannot be delivered, the user is told, and the request's later effects (which
   * may announce it) are not performed.
   */
  | {
      type: "file";
      userId: string;
      filename: string;
      content: string;
      message: Message;
      delivered?: () => Promise<void>;
    };

export const reply = (message: Message): Effect => ({ type: "reply", message });
export const post = (channelId: string, message: Message): Effect => ({
  type: "post",
  channelId,
  message,
});
export const dm = (userId: string, message: Message): Effect => ({ type: "dm", userId, message });
export const update = (message: Message): Effect => ({ type: "update", message });
