import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Platform installations (Slack OAuth), stored as the platform hands them over. */
export const installations = pgTable("installations", {
  /** e.g. `slack:T123` or `slack:enterprise:E123` */
  key: text("key").primaryKey(),
  platform: text("platform").notNull(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
