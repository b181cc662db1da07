import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** One Slack team, Discord guild or console session. Every other row hangs off one. */
export const workspaces = pgTable(
  "workspaces",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    platform: text("platform").notNull(),
    externalId: text("external_id").notNull(),
    name: text("name"),
    /**
     * Null until the platform has said who owns the workspace (Slack's primary owner, the
     * guild's owner): nobody is guessed, so owner-only actions wait until then.
     */
    ownerUserId: text("owner_user_id"),
    locale: text("locale").notNull().default("en"),
    timezone: text("timezone").notNull().default("UTC"),
    digestChannel: text("digest_channel"),
    digestTime: text("digest_time").notNull().default("09:00"),
    /** ISO weekdays (1 = Monday) on which the digest is posted. */
    digestDays: integer("digest_days").array().notNull().default(sql`'{1,2,3,4,5}'`),
    digestEnabled: boolean("digest_enabled").notNull().default(true),
    /** On a day with nothing to report: post one short line (true) or nothing (false). */
    digestQuietPost: boolean("digest_quiet_post").notNull().default(true),
    /**
     * ISO currency of an amount typed without one. Null until the owner sets it or the first
     * invoice is recorded with a currency (which then becomes the default, once).
     */
    defaultCurrency: text("default_currency"),
    /** Workspace defaults for client terms (law, rate, fee, stages, …); see src/invoices. */
    defaultTerms: jsonb("default_terms").$type<Record<string, unknown>>().notNull().default({}),
    /** Set when the platform tells us the app was uninstalled or its token revoked. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /**
     * When the welcome (the first three steps) was sent to whoever installed Tact: once per
     * workspace, so a restart or a reconnection never sends it again.
     */
    welcomedAt: timestamp("welcomed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("workspaces_platform_external_id").on(t.platform, t.externalId)],
);
