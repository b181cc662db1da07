import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { workspaces } from "./workspaces.ts";

/**
 * Channels linked to a client (`/client channel acme`): in one, commands may leave out the
 * client. A channel is linked to one client at most; a client may have several channels.
 */
export const clientChannels = pgTable(
  "client_channels",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** The platform's channel id (Slack `C123`, Discord snowflake). */
    channelId: text("channel_id").notNull(),
    /** The name it was linked under, for display (never used to find it). */
    channelName: text("channel_name").notNull(),
    linkedBy: text("linked_by").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("client_channels_workspace_channel").on(t.workspaceId, t.channelId),
    index("client_channels_client").on(t.workspaceId, t.clientId),
  ],
);
