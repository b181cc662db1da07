import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Platform installations (Slack OAuth). The installation as the platform hands it over is
 * kept encrypted in `sealed` (src/secrets); `data` holds it without its tokens. A row from
 * before encryption has its tokens in `data` and no `sealed`, until Tact seals it at start.
 */
export const installations = pgTable("installations", {
  /** e.g. `slack:T123` or `slack:enterprise:E123` */
  key: text("key").primaryKey(),
  platform: text("platform").notNull(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  sealed: text("sealed"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
