import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { clients } from "./clients.ts";
import { workspaces } from "./workspaces.ts";

export const invoiceStatuses = ["open", "paid", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** Amounts are integer minor units of `currency` (cents, pence, yen). Dates are calendar dates. */
export const invoices = pgTable(
  "invoices",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    clientId: integer("client_id")
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").$type<InvoiceStatus>().notNull().default("open"),
    /** Charges (interest + fees) settled or waived: 'open' | 'settled' | 'waived'. */
    chargesStatus: text("charges_status").notNull().default("open"),
    chargesSettledMinor: bigint("charges_settled_minor", { mode: "number" }).notNull().default(0),
    disputedSince: date("disputed_since", { mode: "string" }),
    disputeNote: text("dispute_note"),
    /** Paused periods as [from, to) date pairs, for charges that stop during a dispute. */
    pauses: text("pauses").array().notNull().default(sql`'{}'`),
    snoozedUntil: date("snoozed_until", { mode: "string" }),
    /** Where the invoice comes from when it is synced ('stripe', 'xero'); null when typed in or imported. */
    source: text("source"),
    /** The source's id of the invoice: (source, external id) is unique per workspace. */
    externalId: text("external_id"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invoices_source_external")
      .on(t.workspaceId, t.source, t.externalId)
      .where(sql`${t.source} is not null`),
    uniqueIndex("invoices_workspace_number").on(t.workspaceId, sql`lower(${t.number})`),
    index("invoices_open_due").on(t.workspaceId, t.status, t.dueOn),
    index("invoices_client").on(t.workspaceId, t.clientId),
  ],
);

export const paymentKinds = ["payment", "credit", "charges"] as const;
export type PaymentKind = (typeof paymentKinds)[number];

/** Payments, credit notes and settlements of charges, append-only (a reversal stamps the line). */
export const payments = pgTable(
  "payments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    kind: text("kind").$type<PaymentKind>().notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    /**
     * Paid after the invoice's due date, set as it is written: risk reads a year of late
     * payments, and finding them by comparing every payment with its invoice cost seconds
     * over a million invoices (docs/benchmarks.md, digest tick).
     */
    paidLate: boolean("paid_late").notNull().default(false),
    recordedBy: text("recorded_by").notNull(),
    /** A synced line: its source and the source's key for it (a credit note's id, `in_1:paid:5000`). */
    source: text("source"),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Taken back (`/client unpay`, `/client undo`): the line stays, stamped, and no longer
     * counts towards what was paid; the audit log says why and by whom.
     */
    reversedAt: timestamp("reversed_at", { withTimezone: true }),
    reversedBy: text("reversed_by"),
  },
  (t) => [
    uniqueIndex("payments_source_external")
      .on(t.workspaceId, t.source, t.externalId)
      .where(sql`${t.source} is not null`),
    index("payments_invoice").on(t.workspaceId, t.invoiceId),
    index("payments_late").on(t.workspaceId, t.invoiceId).where(sql`${t.paidLate}`),
  ],
);

export const reminderKinds = ["first", "second", "final", "suspension"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * Each reminder stage a person recorded as sent, with the day it went (PLAYBOOK.md §2): a
 * letter names these dates ("despite our reminders of …"), the next stage waits for them,
 * and a stage is never recorded twice. `kind` is kept rather than only the stage's number, as
 * a client's list of stages can change after a reminder went out.
 */
export const invoiceReminders = pgTable(
  "invoice_reminders",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    /** The stage's position in the client's list when it was sent (1 = first reminder). */
    stage: integer("stage").notNull(),
    kind: text("kind").$type<ReminderKind>().notNull(),
    /** The day it was sent, in the workspace's time zone. */
    sentOn: date("sent_on", { mode: "string" }).notNull(),
    /** How it was sent (email, post, registered letter), when someone said so. */
    channel: text("channel"),
    recordedBy: text("recorded_by").notNull(),
    /**
     * Recorded afterwards: the owner confirmed it was sent outside Tact on `sentOn`, while
     * recording a later stage.
     */
    confirmedLater: boolean("confirmed_later").notNull().default(false),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("invoice_reminders_stage").on(t.workspaceId, t.invoiceId, t.kind)],
);

export const historyKinds = ["write-off", "waiver", "void", "dispute-upheld", "dispute-not-upheld"] as const;
export type HistoryKind = (typeof historyKinds)[number];

/**
 * What was decided about an invoice's money, with the amounts as they stood that day
 * (DESIGN.md §7: nothing is erased from the record). A write-off or a void closes the
 * invoice, a waiver gives up its charges, a dispute's outcome says whether its days stay free
 * of interest. The card, the risk level and the written record read the late payment and the
 * charges that were owed from here once the invoice itself no longer shows them.
 */
export const invoiceHistory = pgTable(
  "invoice_history",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: integer("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    invoiceId: integer("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    kind: text("kind").$type<HistoryKind>().notNull(),
    /** The day it was decided, in the workspace's time zone. */
    onDay: date("on_day", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    /** Principal given up (write-off, void): what was still unpaid that day. */
    principalMinor: bigint("principal_minor", { mode: "number" }).notNull().default(0),
    /** Interest computed to that day; for a dispute, the interest of its days. */
    interestMinor: bigint("interest_minor", { mode: "number" }).notNull().default(0),
    feeMinor: bigint("fee_minor", { mode: "number" }).notNull().default(0),
    /** Charges already paid that day. */
    settledMinor: bigint("settled_minor", { mode: "number" }).notNull().default(0),
    /** Charges owed and given up that day (interest + fee − settled); 0 for a dispute. */
    chargesMinor: bigint("charges_minor", { mode: "number" }).notNull().default(0),
    /** Days late that day. */
    daysLate: integer("days_late").notNull().default(0),
    /**
     * The charges as computed that day (segments, fee, notes), to explain them later in
     * either language; for a dispute, its period (`from`, `to`, `days`).
     */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    note: text("note"),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invoice_history_invoice").on(t.workspaceId, t.invoiceId)],
);
