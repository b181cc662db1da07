import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { workspaces } from "./workspaces.ts";

/** The owner's private wizard for letting a client go; one in progress per client. */
export const offboardings = pgTable(
  "offboardings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    ownerUserId: text("owner_user_id").notNull(),
    /** 'in_progress' | 'paused' | 'done' | 'cancelled' */
    state: text("state").notNull().default("in_progress"),
    currentStep: integer("current_step").notNull().default(1),
    /** Per step: status, dates, what the owner recorded. */
    steps: jsonb("steps").$type<Record<string, unknown>>().notNull().default({}),
    /** Letters and other texts, drafted or replaced by the owner. */
    texts: jsonb("texts").$type<Record<string, unknown>>().notNull().default({}),
    remindOn: text("remind_on"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("offboardings_one_open_per_client")
      .on(t.workspaceId, t.clientId)
      .where(sql`${t.state} in ('in_progress', 'paused')`),
  ],
);
