import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/**
 * One step of an OAuth connection in flight (issue #17, Xero): the `state` sent to the
 * source's consent page, or the token of the page choosing among several organisations.
 * Bound to the workspace and the owner who asked, used once, and expiring. Only a hash of the
 * token is kept: a copy of the database cannot finish anyone's connection.
 */
export const oauthStates = pgTable(
  "oauth_states",
  {
    /** SHA-256 (hex) of the random token the owner's browser carries. */
    id: text("id").primaryKey(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    source: text("source").notNull(),
    /** 'authorize' (the consent page's state) or 'choose-account' (several organisations). */
    purpose: text("purpose").notNull(),
    /** For 'choose-account': the connection and the organisations offered (ids and names, no secret). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("oauth_states_expires").on(t.expiresAt)],
);
