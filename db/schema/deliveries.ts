import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/**
 * One row per thing the scheduler sends. Claimed (inserted) before sending under a unique
 * key, marked sent after: two replicas or a tick that runs twice never post twice.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** 'digest' | 'alert' | 'wizard-reminder' | … */
    kind: text("kind").notNull(),
    /** e.g. the local date for a digest, `invoiceId:stage` for an alert. */
    key: text("key").notNull(),
    /** 'claimed' | 'sent' | 'failed' */
    state: text("state").notNull().default("claimed"),
    attempts: integer("attempts").notNull().default(0),
    claimedBy: text("claimed_by"),
    /** When it was first claimed: a retry looks for what an earlier attempt posted since then. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the scheduler should look at this row again: the end of a claim's lease (a crashed
     * sender's claim is retried after it) or the next retry after a failure. Null once sent or
     * given up, so the retry scan only ever touches rows still in flight.
     */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    /**
     * `effect`: what to send, so that a retry sends exactly what was planned; `uncertain`:
     * an attempt got no clear answer (or its process died), so it may already be posted.
     */
    payload: jsonb("payload").$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("deliveries_unique").on(t.workspaceId, t.kind, t.key),
    // The scheduler's retry scan, each tick: only rows still in flight are indexed.
    index("deliveries_in_flight").on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
  ],
);
