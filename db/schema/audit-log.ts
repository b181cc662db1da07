import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/** Append-only: who did what, when. Refused owner-only attempts are recorded here too. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_workspace_time").on(t.workspaceId, t.at),
    // `/client undo` writes `action.undone` naming the entry it took back: once per entry, even
    // when the same Undo is pressed twice at once (the second insert waits, then conflicts).
    uniqueIndex("audit_log_undone_once").on(t.workspaceId, t.subjectId).where(sql`${t.action} = 'action.undone'`),
  ],
);
