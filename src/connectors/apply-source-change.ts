import { findClientById } from "../../db/queries/clients.ts";
import type { ConnectionRow } from "../../db/queries/connections.ts";
import {
  findInvoiceById,
  findInvoiceByNumber,
  findInvoiceBySource,
  type InvoiceRow,
  syncedLines,
  updateInvoice,
} from "../../db/queries/invoices.ts";
import {
  clientsNamed,
  findSourceObject,
  lockSourceObject,
  type SourceObjectRow,
  sourceChildren,
  updateSourceObject,
} from "../../db/queries/source-objects.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { Context, CoreServices } from "../core/context.ts";
import { buildContext } from "../core/create-core.ts";
import { localDate } from "../domain/dates.ts";
import { changeDueDate } from "../invoices/change-due-date.ts";
import { changeInvoice } from "../invoices/change-invoice.ts";
import { recordGivenUp, standingOf } from "../invoices/record-history.ts";
import { writeInvoice } from "../invoices/record-invoice.ts";
import { applyPaymentLines, type NewLine } from "../invoices/record-payment.ts";
import { today } from "../invoices/today.ts";
import { writeVoid } from "../invoices/void-invoice.ts";
import type { SourceChange, SourceCredit, SourceCustomer, SourceInvoice } from "./connector.ts";
import { mergeCredit, mergeCustomer, mergeInvoice } from "./merge-source-data.ts";
import { sourceLabel } from "./source-label.ts";
import { checkSourceChange } from "./validate-source-change.ts";

export interface SyncTarget {
  connection: ConnectionRow;
  workspace: WorkspaceRow;
}

/** What a sync did, summed over its changes (shown by /client sync). */
export interface SyncCounts {
  seen: number;
  recorded: number;
  payments: number;
  credits: number;
  voided: number;
  dueChanged: number;
  waiting: number;
}

export function emptyCounts(): SyncCounts {
  return { seen: 0, recorded: 0, payments: 0, credits: 0, voided: 0, dueChanged: 0, waiting: 0 };
}

export function addCounts(into: SyncCounts, more: SyncCounts): void {
  for (const key of Object.keys(into) as (keyof SyncCounts)[]) into[key] += more[key];
}

/**
 * Applies one change from a source, in one transaction: the mirror row is locked (two
 * replicas receiving the same webhook queue here), merged with what it held, then Tact's
 * invoice is brought in line through the invoice use cases. Applying the same change again,
 * or an older one after it, changes nothing. Throws MalformedChangeError (nothing written)
 * for a change that is not well formed.
 */
export async function applySourceChange(
  services: CoreServices,
  target: SyncTarget,
  change: SourceChange,
): Promise<SyncCounts> {
  checkSourceChange(change);
  const counts = emptyCounts();
  counts.seen = 1;
  await services.db.transaction(async (tx) => {
    const ctx = syncContext({ ...services, db: tx }, target);
    const at = services.clock.now();
    const key = {
      workspaceId: target.workspace.id,
      connectionId: target.connection.id,
      kind: change.kind,
      externalId: change.externalId,
    };
    const row = await lockSourceObject(tx, key, at);
    const old = Object.keys(row.data).length > 0 ? row.data : undefined;
    const version = Math.max(row.version, change.version);
    if (change.kind === "invoice") {
      const data = mergeInvoice(old as SourceInvoice | undefined, row.version, change.invoice, change.version);
      await updateSourceObject(tx, row.id, { data: { ...data }, version, parentId: data.customerId, updatedAt: at });
      await reconcileInvoice(ctx, target, { ...row, data: { ...data }, version }, counts);
    } else if (change.kind === "credit_note") {
      const data = mergeCredit(old as SourceCredit | undefined, row.version, change.credit, change.version);
      await updateSourceObject(tx, row.id, { data: { ...data }, version, parentId: data.invoiceId, updatedAt: at });
      const parent = await findSourceObject(tx, target.connection.id, "invoice", data.invoiceId);
      if (parent) await reconcileInvoice(ctx, target, await relock(ctx, target, parent), counts);
    } else {
      const data = mergeCustomer(old as SourceCustomer | undefined, row.version, change.customer, change.version);
      await updateSourceObject(tx, row.id, { data: { ...data }, version, updatedAt: at });
      const clientId = row.clientId ?? (await matchByName(ctx, target, row, data.name));
      if (clientId !== undefined) await reconcileWaiting(ctx, target, change.externalId, counts);
    }
  });
  return counts;
}

/**
 * `/client link acme stripe cus_123`: the customer's invoices go to this client from now on,
 * and those waiting are recorded now. Returns what was recorded.
 */
export async function linkCustomer(
  services: CoreServices,
  target: SyncTarget,
  customerId: string,
  client: { id: number; slug: string },
  by: string,
): Promise<SyncCounts> {
  const counts = emptyCounts();
  await services.db.transaction(async (tx) => {
    const ctx = syncContext({ ...services, db: tx }, target);
    const at = services.clock.now();
    const row = await lockSourceObject(
      tx,
      {
        workspaceId: target.workspace.id,
        connectionId: target.connection.id,
        kind: "customer",
        externalId: customerId,
      },
      at,
    );
    await updateSourceObject(tx, row.id, { clientId: client.id, linkedBy: "explicit", updatedAt: at });
    await ctx.audit(
      {
        action: "source.customer-linked",
        subjectType: "client",
        subjectId: client.id,
        details: { ...sourceDetails(target, customerId), client: client.slug, by, from: row.clientId },
      },
      tx,
    );
    await reconcileWaiting(ctx, target, customerId, counts);
  });
  return counts;
}

/** Records what waits for a customer now that it has a client. */
async function reconcileWaiting(ctx: Context, target: SyncTarget, customerId: string, counts: SyncCounts) {
  const invoices = await sourceChildren(ctx.db, target.connection.id, "invoice", customerId);
  for (const row of invoices) {
    if (row.invoiceId !== null) continue;
    await reconcileInvoice(ctx, target, await relock(ctx, target, row), counts);
  }
}

async function relock(ctx: Context, target: SyncTarget, row: SourceObjectRow): Promise<SourceObjectRow> {
  return lockSourceObject(
    ctx.db,
    {
      workspaceId: target.workspace.id,
      connectionId: target.connection.id,
      kind: row.kind,
      externalId: row.externalId,
    },
    ctx.clock.now(),
  );
}

/** Brings Tact's invoice in line with the mirror row of a source invoice (locked by the caller). */
async function reconcileInvoice(ctx: Context, target: SyncTarget, row: SourceObjectRow, counts: SyncCounts) {
  const inv = row.data as unknown as SourceInvoice;
  if (inv.status === "draft" || !inv.number) return;
  const source = target.connection.source;
  const details = sourceDetails(target, row.externalId);
  const at = ctx.clock.now();
  const clientId = await customerClient(ctx, target, inv);
  if (clientId === undefined) {
    counts.waiting += 1;
    return;
  }
  let invoice: InvoiceRow | undefined =
    row.invoiceId !== null
      ? await findInvoiceById(ctx.db, ctx.workspace.id, row.invoiceId)
      : await findInvoiceBySource(ctx.db, ctx.workspace.id, source, row.externalId);
  const isNew = !invoice;
  if (!invoice) {
    invoice = await recordSynced(ctx, target, row, inv, clientId, counts);
    if (!invoice) return;
  }
  if (row.invoiceId !== invoice.id || row.problem !== null) {
    await updateSourceObject(ctx.db, row.id, { invoiceId: invoice.id, problem: null, updatedAt: at });
  }
  if (invoice.dueOn !== inv.dueOn && inv.dueOn >= invoice.issuedOn) {
    await changeDueDate(ctx, invoice, inv.dueOn, details);
    invoice = { ...invoice, dueOn: inv.dueOn };
    counts.dueChanged += 1;
  }
  const day = today(ctx);
  const notAfterToday = (d: string) => (d > day ? day : d);
  // Just recorded: nothing of it was paid through the sync yet.
  const lines = isNew
    ? { externalIds: new Set<string>(), paidMinor: 0 }
    : await syncedLines(ctx.db, ctx.workspace.id, invoice.id, source);
  const added: NewLine[] = [];
  if (inv.paidMinor > lines.paidMinor) {
    const changedOn = localDate(new Date(row.version * 1000), ctx.workspace.timezone);
    added.push({
      kind: "payment",
      amountMinor: inv.paidMinor - lines.paidMinor,
      paidOn: notAfterToday(inv.paidOn ?? changedOn),
      source,
      // The running total paid names the line: the same total seen twice is one payment.
      externalId: `${row.externalId}:paid:${inv.paidMinor}`,
    });
  }
  for (const note of await sourceChildren(ctx.db, target.connection.id, "credit_note", row.externalId)) {
    const credit = note.data as unknown as SourceCredit;
    if (credit.voided || !(credit.amountMinor > 0) || lines.externalIds.has(note.externalId)) continue;
    added.push({
      kind: "credit",
      amountMinor: credit.amountMinor,
      paidOn: notAfterToday(credit.issuedOn),
      source,
      externalId: note.externalId,
    });
  }
  if (added.length > 0) {
    const paying = added.some((l) => l.kind === "payment");
    await changeInvoice(ctx, invoice, (tx, current) =>
      applyPaymentLines(tx, ctx, current, added, paying ? "invoice.paid" : "invoice.credited", details),
    );
    counts.payments += added.filter((l) => l.kind === "payment").length;
    counts.credits += added.filter((l) => l.kind === "credit").length;
    invoice = (await findInvoiceById(ctx.db, ctx.workspace.id, invoice.id)) ?? invoice;
  }
  if (inv.status === "void" && invoice.status !== "void") {
    await changeInvoice(ctx, invoice, (tx, current) => writeVoid(tx, ctx, current, details));
    counts.voided += 1;
  } else if (inv.status === "uncollectible" && invoice.status === "open") {
    await writeOff(ctx, invoice, details);
    counts.voided += 1;
  }
}

/**
 * Records a source invoice for its client. An invoice typed in before the source was
 * connected (same number, client, currency and amount) becomes the synced one; another
 * invoice holding the number leaves this one waiting, with the reason.
 */
async function recordSynced(
  ctx: Context,
  target: SyncTarget,
  row: SourceObjectRow,
  inv: SourceInvoice,
  clientId: number,
  counts: SyncCounts,
): Promise<InvoiceRow | undefined> {
  const source = target.connection.source;
  const details = sourceDetails(target, row.externalId);
  const number = (inv.number ?? "").trim().replace(/^#/, "");
  const at = ctx.clock.now();
  const client = await findClientById(ctx.db, ctx.workspace.id, clientId);
  if (!client) return undefined;
  const values = {
    number,
    amountMinor: inv.totalMinor,
    currency: inv.currency,
    issuedOn: inv.issuedOn,
    dueOn: laterDay(inv.dueOn, inv.issuedOn),
    source,
    externalId: row.externalId,
  };
  // Recorded straight away in the usual case; a number already taken is looked at after.
  const created = await writeInvoice(ctx, client, values, details);
  if (created) {
    counts.recorded += 1;
    return created;
  }
  const existing = await findInvoiceByNumber(ctx.db, ctx.workspace.id, number);
  const same =
    existing?.source === null &&
    existing.clientId === clientId &&
    existing.currency === inv.currency &&
    existing.amountMinor === inv.totalMinor;
  if (!existing || !same) {
    await updateSourceObject(ctx.db, row.id, { problem: "number-taken", updatedAt: at });
    counts.waiting += 1;
    return undefined;
  }
  await updateInvoice(ctx.db, ctx.workspace.id, existing.id, { source, externalId: row.externalId });
  await ctx.audit({ action: "invoice.now-synced", subjectType: "invoice", subjectId: existing.id, details }, ctx.db);
  return { ...existing, source, externalId: row.externalId };
}

/**
 * The client of an invoice's customer: its link, else the one client whose display name or
 * alias is exactly the customer's name (the link is then kept). Undefined: the invoice waits.
 */
async function customerClient(ctx: Context, target: SyncTarget, inv: SourceInvoice): Promise<number | undefined> {
  const known = await findSourceObject(ctx.db, target.connection.id, "customer", inv.customerId);
  if (known?.clientId != null) return known.clientId;
  const row = await lockSourceObject(
    ctx.db,
    {
      workspaceId: target.workspace.id,
      connectionId: target.connection.id,
      kind: "customer",
      externalId: inv.customerId,
    },
    ctx.clock.now(),
  );
  if (row.clientId !== null) return row.clientId;
  const name = (row.data as Partial<SourceCustomer>).name ?? inv.customerName;
  if (name && !(row.data as Partial<SourceCustomer>).name) {
    await updateSourceObject(ctx.db, row.id, { data: { name }, updatedAt: ctx.clock.now() });
  }
  return matchByName(ctx, target, row, name ?? null);
}

async function matchByName(
  ctx: Context,
  target: SyncTarget,
  row: SourceObjectRow,
  name: string | null,
): Promise<number | undefined> {
  if (!name) return undefined;
  const matches = await clientsNamed(ctx.db, ctx.workspace.id, name);
  const [only] = matches;
  if (matches.length !== 1 || !only) return undefined;
  await updateSourceObject(ctx.db, row.id, { clientId: only.id, linkedBy: "name", updatedAt: ctx.clock.now() });
  await ctx.audit(
    {
      action: "source.customer-linked",
      subjectType: "client",
      subjectId: only.id,
      details: { ...sourceDetails(target, row.externalId), by: "name", name },
    },
    ctx.db,
  );
  return only.id;
}

/** Marked uncollectible at the source: written off here, with the amounts given up, audited. */
async function writeOff(ctx: Context, invoice: InvoiceRow, details: Record<string, unknown>) {
  await changeInvoice(ctx, invoice, async (tx, a) => {
    await updateInvoice(tx, ctx.workspace.id, invoice.id, { status: "void", chargesStatus: "waived" });
    await recordGivenUp(tx, ctx, "write-off", standingOf(a), { details });
    await ctx.audit(
      {
        action: "invoice.written-off",
        subjectType: "invoice",
        subjectId: invoice.id,
        details: {
          number: invoice.number,
          currency: invoice.currency,
          principalMinor: a.outstandingMinor,
          chargesMinor: a.chargesOwedMinor,
          ...details,
        },
      },
      tx,
    );
  });
}

function sourceDetails(target: SyncTarget, externalId: string): Record<string, unknown> {
  return { source: target.connection.source, externalId, connection: target.connection.id };
}

/** A request-like context for work a source asked for: audited as the source itself. */
export function syncContext(services: CoreServices, target: SyncTarget): Context {
  const source = target.connection.source;
  return buildContext(
    services,
    {
      platform: target.workspace.platform as Context["invocation"]["platform"],
      workspaceId: target.workspace.externalId,
      userId: source,
      userName: sourceLabel(source),
      channelId: "",
      isDm: false,
      input: { kind: "text", text: "" },
    },
    target.workspace,
  );
}

/** The later of two ISO days (a due date before the issue date is read as due when issued). */
function laterDay(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}
