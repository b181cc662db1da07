import { integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { incidents } from "./incidents.ts";
import { workspaces } from "./workspaces.ts";

/**
 * A message kept as evidence, exactly as the platform gave it. Captured when someone starts
 * logging from a message (the form is then open); `incident_id` is set when the form is
 * submitted. Never edited afterwards.
 */
export const evidence = pgTable(
  "evidence",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    incidentId: integer("incident_id").references(() => incidents.id, { onDelete: "cascade" }),
    /** Who started logging it: only they may submit the form. */
    capturedBy: text("captured_by").notNull(),
    /** 'slack' | 'discord' | 'console' */
    platform: text("platform").notNull(),
    channelId: text("channel_id").notNull(),
    messageId: text("message_id").notNull(),
    /** The message's text as given ('' when it holds only files). */
    text: text("text").notNull(),
    /** null when the author is unknown (a deleted user). */
    authorId: text("author_id"),
    authorName: text("author_name"),
    postedAt: timestamp("posted_at", { withTimezone: true }).notNull(),
    link: text("link"),
    /** Files attached to the message (not kept, only counted). */
    files: integer("files").notNull().default(0),
    capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("evidence_incident").on(t.incidentId)],
);
