import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Request ids already applied, so a platform's retry of a slow request is applied once. */
export const processedRequests = pgTable("processed_requests", {
  key: text("key").primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
