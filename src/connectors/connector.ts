import type { InvoiceSource } from "../../db/schema/connections.ts";
import type { MalformedChangeError } from "./validate-source-change.ts";

/**
 * The core's view of an invoice source (issue #17). Each source lives in its own folder
 * (connectors/stripe, connectors/xero) with its SDK; it turns the source's listings and
 * webhook events into these plain changes, and the core (apply-source-change.ts) turns them
 * into Tact's own invoice use cases: record, pay, part-pay, credit, void, change the due date.
 */

/** An invoice as the source has it, in Tact's terms: days in the workspace's time zone, minor units. */
export interface SourceInvoice {
  customerId: string;
  /** The customer's name as the invoice carries it, to match a client when no link exists. */
  customerName: string | null;
  /** Null while a draft (nothing is recorded for a draft). */
  number: string | null;
  /** ISO 4217, upper case. */
  currency: string;
  totalMinor: number;
  issuedOn: string;
  dueOn: string;
  /** Everything paid so far: it only grows, so an older event never takes a payment back. */
  paidMinor: number;
  /** The day of the latest payment, if the source says. */
  paidOn: string | null;
  status: "draft" | "open" | "paid" | "void" | "uncollectible";
}

/** A credit note against an invoice. */
export interface SourceCredit {
  invoiceId: string;
  amountMinor: number;
  issuedOn: string;
  /** A voided credit note credits nothing. */
  voided: boolean;
}

export interface SourceCustomer {
  name: string | null;
}

/**
 * One change, keyed by the source's id of the object. `version` is when the source said it
 * (seconds since 1970): events may arrive late and in any order, and an older one never
 * undoes what a newer one said.
 */
export type SourceChange = { externalId: string; version: number; eventId?: string | undefined } & (
  | { kind: "invoice"; invoice: SourceInvoice }
  | { kind: "credit_note"; credit: SourceCredit }
  | { kind: "customer"; customer: SourceCustomer }
);

/** What a connector is given to reach the source for one connection. */
export interface ConnectorAccount {
  connectionId: string;
  /** The source's account the connection reads (Xero: the organisation's tenant id), when it has one. */
  accountId: string | null;
  /** The source's credentials (API key, tokens), decrypted for this call only. */
  secrets: Readonly<Record<string, string>>;
  /** The workspace's time zone: the source's instants become days in it. */
  timezone: string;
  /**
   * Stores new credentials for this connection, sealed (an OAuth source whose refresh token
   * rotates calls it before using the new tokens).
   */
  saveSecrets(secrets: Readonly<Record<string, string>>): Promise<void>;
}

export interface SyncWindow {
  /** List what changed after this instant (a catch-up); undefined = backfill. */
  since?: Date | undefined;
  /** A backfill lists invoices created from this instant on (12 months back). */
  backfillFrom: Date;
  now: Date;
}

/**
 * A source connected through OAuth 2.0's authorization-code flow (Xero) rather than a key
 * typed in a form: `/client connect` sends the owner to `authorizeUrl`, the source sends the
 * browser back to `/<source>/callback`, and the core keeps the tokens sealed.
 */
export interface OAuthConnect {
  /** The source's consent page for this (single-use) state. */
  authorizeUrl(state: string): string;
  /**
   * Exchanges the callback's code for tokens (the connection's secrets) and lists the
   * accounts (organisations) they may read. Throws SourceError when the source refuses.
   */
  exchange(code: string, now: Date): Promise<{ secrets: Record<string, string>; accounts: SourceAccount[] }>;
}

export interface SourceAccount {
  id: string;
  name: string;
}

export interface Connector {
  source: InvoiceSource;
  /** The source's name as users see it ("Stripe"). */
  label: string;
  /** Present for sources connected through OAuth (the form asking for a key is not used). */
  oauth?: OAuthConnect | undefined;
  /**
   * Every change in the window, every page, oldest first where the source allows. An object
   * Tact cannot read comes as its MalformedChangeError, so one bad object does not stop the
   * others. Throws SourceError when the source cannot be reached (retried with backoff).
   */
  changes(account: ConnectorAccount, window: SyncWindow): AsyncIterable<SourceChange | MalformedChangeError>;
  /** Checks credentials typed in /client connect; returns the source's account id. */
  verify(secrets: Readonly<Record<string, string>>): Promise<{ accountId: string | null }>;
}

/** The source's error, said without secrets: the message the owner sees in /client sync. */
export class SourceError extends Error {
  /**
   * Set when the source refused the connection's credentials for good (an OAuth refresh token
   * expired or revoked, access to the organisation removed): the connection is paused and the
   * owner told, once, to connect again. Retrying would only be refused again.
   */
  readonly pause: "tokens-refused" | "access-refused" | undefined;
  /** The source asked not to be called again before this long (HTTP 429's Retry-After). */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    /** Worth retrying later (the source was down or slow), or not (a refused key). */
    readonly retryable: boolean,
    options: { pause?: "tokens-refused" | "access-refused"; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = "SourceError";
    this.pause = options.pause;
    this.retryAfterMs = options.retryAfterMs;
  }
}
