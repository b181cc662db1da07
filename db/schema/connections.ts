import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { invoices } from "./invoices.ts";
import { workspaces } from "./workspaces.ts";

export const invoiceSources = ["stripe", "xero"] as const;
export type InvoiceSource = (typeof invoiceSources)[number];

/**
 * A workspace's link to an invoice source (issue #17): at most one per source. Secrets are
 * stored encrypted (src/secrets); a connection made from the settings (STRIPE_SECRET_KEY…)
 * stores none. The sync columns make each connection its own small job: claimed under a
 * lease by one process, retried with backoff after a failure (src/connectors/sync-worker.ts).
 */
export const connections = pgTable(
  "connections",
  {
    /** Random, not sequential: it appears in the webhook URL (`/stripe/webhooks/<id>`). */
    id: text("id").primaryKey(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    source: text("source").$type<InvoiceSource>().notNull(),
    /** 'settings' (the deployment's environment) or 'command' (/client connect). */
    origin: text("origin").notNull(),
    /** Encrypted secrets the source needs (API key, webhook secret, OAuth tokens), as one envelope. */
    secrets: text("secrets"),
    /** The source's own account or tenant id, when known. */
    accountId: text("account_id"),
    /** The account's name as the source shows it (a Xero organisation's), when known. */
    accountName: text("account_name"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the 12-month backfill finished; null until then (the next sync is a backfill). */
    backfilledAt: timestamp("backfilled_at", { withTimezone: true }),
    /** Changes up to this instant are in; the next catch-up lists what changed after it. */
    syncedUntil: timestamp("synced_until", { withTimezone: true }),
    lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
    /** What the last successful sync saw and changed. */
    lastSyncCounts: jsonb("last_sync_counts").$type<Record<string, number>>().notNull().default({}),
    nextSyncAt: timestamp("next_sync_at", { withTimezone: true }).notNull().defaultNow(),
    syncAttempts: integer("sync_attempts").notNull().default(0),
    failingSince: timestamp("failing_since", { withTimezone: true }),
    lastError: text("last_error"),
    claimedBy: text("claimed_by"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /**
     * A webhook said something changed (Xero's notifications carry no data): the worker syncs
     * the connection as soon as it can, whatever its next_sync_at. Cleared when a sync claims it.
     */
    syncRequestedAt: timestamp("sync_requested_at", { withTimezone: true }),
    /**
     * Set while the connection cannot sync until the owner acts: its OAuth tokens were refused
     * (expired or revoked), or an organisation is still to be chosen. Nothing is claimed meanwhile.
     */
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    /** Why: 'tokens-refused' | 'access-refused' | 'choose-account'. */
    pauseReason: text("pause_reason"),
  },
  (t) => [
    uniqueIndex("connections_workspace_source").on(t.workspaceId, t.source),
    index("connections_due").on(t.nextSyncAt),
  ],
);

export const sourceObjectKinds = ["invoice", "credit_note", "customer"] as const;
export type SourceObjectKind = (typeof sourceObjectKinds)[number];

/**
 * The source's invoices, credit notes and customers as last seen, keyed by (connection, kind,
 * external id): the mirror a sync reconciles Tact's invoices with. An invoice of a customer
 * not linked to a client waits here (invoice_id null) until the owner links it.
 */
export const sourceObjects = pgTable(
  "source_objects",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    kind: text("kind").$type<SourceObjectKind>().notNull(),
    externalId: text("external_id").notNull(),
    /** The customer of an invoice, the invoice of a credit note. */
    parentId: text("parent_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** When the source said what `data` holds (seconds): an older event never undoes a newer one. */
    version: bigint("version", { mode: "number" }).notNull().default(0),
    /** A customer: the client it is linked to. */
    clientId: integer("client_id").references(() => clients.id, { onDelete: "set null" }),
    /** A customer: 'explicit' (/client link) or 'name' (matched on a display name or alias). */
    linkedBy: text("linked_by"),
    /** An invoice: Tact's invoice once recorded. */
    invoiceId: integer("invoice_id").references(() => invoices.id, { onDelete: "set null" }),
    /** Why an invoice of a linked customer still waits (e.g. its number is taken by another invoice). */
    problem: text("problem"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("source_objects_key").on(t.connectionId, t.kind, t.externalId),
    index("source_objects_parent").on(t.connectionId, t.kind, t.parentId),
    index("source_objects_waiting").on(t.workspaceId).where(sql`${t.kind} = 'invoice' and ${t.invoiceId} is null`),
  ],
);
