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
   * A submitted form was refused: the messages by field id, to show under the fields while the
   * form stays open (Slack); where a form cannot stay open (Discord), said privately with a way
   * back to `form`, which holds what was typed. `values` is what was submitted.
   */
  | { type: "formErrors"; errors: Record<string, string>; values: Record<string, string>; form?: Form | undefined }
  /**
   * Files for one user, sent together (Slack file upload in the DM, Discord attachments on one
   * message, console: paths). `delivered` runs once every file has reached them (the export's
   * audit entry). When they cannot be delivered, the user is told, and the request's later
   * effects (which may announce them) are not performed.
   */
  | {
      type: "file";
      userId: string;
      files: FileAttachment[];
      message: Message;
      delivered?: () => Promise<void>;
    };

/** One file of a `file` effect: text (Markdown, CSV), or bytes (a PDF). */
export interface FileAttachment {
  filename: string;
  content: string | Uint8Array;
  /** The MIME type, e.g. `text/markdown; charset=utf-8` or `application/pdf`. */
  contentType: string;
}

/** A file's bytes: text as UTF-8. */
export function fileBytes(file: FileAttachment): Buffer {
  return typeof file.content === "string"
    ? Buffer.from(file.content, "utf8")
    : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
}

export const reply = (message: Message): Effect => ({ type: "reply", message });
export const post = (channelId: string, message: Message): Effect => ({
  type: "post",
  channelId,
  message,
});
export const dm = (userId: string, message: Message): Effect => ({ type: "dm", userId, message });
export const update = (message: Message): Effect => ({ type: "update", message });
