import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { EntryKind } from "../../src/domain/incident-kinds.ts";
import { clients } from "./clients.ts";
import { invoices } from "./invoices.ts";
import { workspaces } from "./workspaces.ts";

export { type EntryKind, type IncidentKind, incidentKinds } from "../../src/domain/incident-kinds.ts";

/**
 * The written record. Rows are never deleted or edited; `/client undo` only stamps
 * `withdrawn_at` (and the audit log says who did it), so the history stays readable.
 */
export const incidents = pgTable(
  "incidents",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    /** An incident kind, or `lesson` (the owner's lessons, never counted as incidents). */
    kind: text("kind").$type<EntryKind>().notNull(),
    note: text("note"),
    /** Invoice number as typed by the reporter (kept even if no such invoice is recorded). */
    invoiceRef: text("invoice_ref"),
    invoiceId: integer("invoice_id").references(() => invoices.id, { onDelete: "set null" }),
    reporterId: text("reporter_id").notNull(),
    /** 'console' | 'slack' | 'discord' | 'auto' (e.g. an invoice that went overdue) | 'import' */
    source: text("source").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: text("withdrawn_by"),
  },
  (t) => [
    index("incidents_client_time").on(t.workspaceId, t.clientId, t.occurredAt),
    index("incidents_reporter_time").on(t.workspaceId, t.reporterId, t.createdAt),
  ],
);
