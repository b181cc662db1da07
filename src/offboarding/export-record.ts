import { alertsSentFor, allIncidentsOf, invoiceEvents } from "../../db/queries/client-record.ts";
import { type ClientRow, clientAliasList } from "../../db/queries/clients.ts";
import { memberNames } from "../../db/queries/members.ts";
import { offboardingsOf } from "../../db/queries/offboardings.ts";
import type { Context } from "../core/context.ts";
import type { Effect } from "../core/effects.ts";
import { localDate } from "../domain/dates.ts";
import { clientRecords } from "../invoices/client-records.ts";
import { textMessage } from "../messages/message.ts";
import { clientAccounts } from "./client-accounts.ts";
import { renderRecord } from "./render-record.ts";
import { wizardOf } from "./wizard-record.ts";

/**
 * The client's written record as a Markdown file for the person asking (the owner): a DM
 * attachment on Slack and Discord, a file under DATA_DIR/exports in the console. A fixed
 * number of queries, whatever the size of the record.
 */
export async function buildRecordFile(ctx: Context, client: ClientRow): Promise<Extract<Effect, { type: "file" }>> {
  const now = ctx.clock.now();
  const today = localDate(now, ctx.workspace.timezone);
  const ws = ctx.workspace.id;
  // Late payments are counted by the card's own function, so the record lists what it counts.
  const [incidents, accounts, aliases, offboardings, records] = await Promise.all([
    allIncidentsOf(ctx.db, ws, client.id),
    clientAccounts(ctx.db, ws, client.id, today),
    clientAliasList(ctx.db, ws, client.id),
    offboardingsOf(ctx.db, ws, client.id),
    clientRecords(ctx.db, { workspace: ctx.workspace, now, clientIds: [client.id] }),
  ]);
  const invoiceIds = accounts.invoices.map((a) => a.invoice.id);
  const [events, alerts] = await Promise.all([
    invoiceEvents(ctx.db, ws, invoiceIds),
    alertsSentFor(ctx.db, ws, invoiceIds),
  ]);
  const people = [
    ctx.user.id,
    ...incidents.flatMap((i) => [i.reporterId, ...(i.withdrawnBy ? [i.withdrawnBy] : [])]),
    ...accounts.invoices.flatMap((a) => a.payments.map((p) => p.recordedBy)),
    ...events.map((e) => e.actorId),
    ...offboardings.map((o) => o.ownerUserId),
    client.createdBy,
    ...accounts.invoices.flatMap((a) => [a.invoice.createdBy, ...a.reminders.map((r) => r.recordedBy)]),
  ];
  const names = await memberNames(ctx.db, ws, people);
  const content = renderRecord(ctx.t, ctx.fmt, {
    workspaceName: ctx.workspace.name,
    today,
    latePayments: records.get(client.id)?.facts.latePayments ?? [],
    client,
    aliases,
    exportedAt: now,
    exportedBy: ctx.user.id,
    incidents,
    names,
    accounts,
    invoiceEvents: events,
    alerts,
    wizards: offboardings.map(wizardOf),
  });
  return {
    type: "file",
    userId: ctx.user.id,
    filename: ctx.t.offboarding.record.filename({ slug: client.slug, date: today }),
    content,
    message: textMessage(ctx.t.offboarding.exportReady({ client: client.displayName })),
  };
}
