import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

export const clientStatuses = ["active", "offboarding", "offboarded"] as const;
export type ClientStatus = (typeof clientStatuses)[number];

export const clients = pgTable(
  "clients",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    displayName: text("display_name").notNull(),
    status: text("status").$type<ClientStatus>().notNull().default("active"),
    /** Language of letters and reminders to this client ('en' | 'fr'); null = workspace locale. */
    language: text("language"),
    hosted: boolean("hosted").notNull().default(false),
    /** Client terms overriding the workspace defaults (law, rate, fee, stages…). */
    terms: jsonb("terms").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("clients_workspace_slug").on(t.workspaceId, t.slug),
    index("clients_workspace_name").on(t.workspaceId, sql`lower(${t.displayName})`),
  ],
);

export const clientAliases = pgTable(
  "client_aliases",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("client_aliases_workspace_alias").on(t.workspaceId, t.alias)],
);

export const clientNameKinds = ["slug", "alias"] as const;

/**
 * One namespace per workspace for the names clients answer to: each client's slug and each
 * alias has a row here, written by triggers on `clients` and `client_aliases` (migration
 * 0007), so a name is a slug or an alias of one client, never both, whatever runs at once.
 */
export const clientNames = pgTable(
  "client_names",
  {
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    kind: text("kind").$type<(typeof clientNameKinds)[number]>().notNull(),
  },
  (t) => [
    primaryKey({ name: "client_names_workspace_name", columns: [t.workspaceId, t.name] }),
    index("client_names_client").on(t.clientId),
  ],
);
