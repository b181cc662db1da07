import { createHash } from "node:crypto";
import { alertsSentFor, allIncidentsOf, invoiceEvents } from "../../db/queries/client-record.ts";
import { type ClientRow, clientAliasList } from "../../db/queries/clients.ts";
import { evidenceOf } from "../../db/queries/evidence.ts";
import { memberNames } from "../../db/queries/members.ts";
import { offboardingsOf } from "../../db/queries/offboardings.ts";
import { clientRecords } from "../clients/client-records.ts";
import type { Context } from "../core/context.ts";
import type { Effect } from "../core/effects.ts";
import { localDate } from "../domain/dates.ts";
import { textMessage } from "../messages/message.ts";
import { clientAccounts } from "./client-accounts.ts";
import { recordMarkdown } from "./record-markdown.ts";
import { recordPdf } from "./record-pdf.ts";
import { buildRecord } from "./render-record.ts";
import { wizardOf } from "./wizard-record.ts";

/**
 * The client's written record for the person asking (the owner), as two files sent together:
 * the Markdown, and a PDF of the same content that ends with the Markdown file's SHA-256 (a
 * DM with both attached on Slack and Discord, two files under DATA_DIR/exports in the
 * console). A fixed number of queries, whatever the size of the record.
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
  const [events, alerts, evidence] = await Promise.all([
    invoiceEvents(ctx.db, ws, invoiceIds),
    alertsSentFor(ctx.db, ws, invoiceIds),
    evidenceOf(
      ctx.db,
      ws,
      incidents.map((i) => i.id),
    ),
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
  const doc = buildRecord(ctx.t, ctx.fmt, {
    workspaceName: ctx.workspace.name,
    today,
    latePayments: records.get(client.id)?.facts.latePayments ?? [],
    client,
    aliases,
    exportedAt: now,
    exportedBy: ctx.user.id,
    incidents,
    evidence,
    names,
    accounts,
    invoiceEvents: events,
    alerts,
    wizards: offboardings.map(wizardOf),
  });
  const r = ctx.t.offboarding.record;
  const markdown = recordMarkdown(doc);
  const mdName = r.filename({ slug: client.slug, date: today });
  const pdfName = mdName.replace(/\.md$/, ".pdf");
  // What anyone can check a copy against: the Markdown file's exact bytes (UTF-8).
  const hash = createHash("sha256").update(markdown, "utf8").digest("hex");
  const workspace = ctx.workspace.name ?? ctx.workspace.externalId;
  const period = { from: ctx.fmt.date(doc.period.from), to: ctx.fmt.date(doc.period.to) };
  const pdf = await recordPdf(doc, {
    locale: ctx.locale,
    header: r.pdf.header({ workspace, client: client.displayName, ...period }),
    page: r.pdf.page,
    closing: {
      title: r.pdf.checkTitle,
      before: r.pdf.checkBefore({ file: mdName }),
      hash,
      after: r.pdf.checkAfter({ file: mdName }),
      commands: r.pdf.checkCommands({ file: mdName }),
    },
    info: { title: doc.title, author: workspace, subject: `SHA-256 ${mdName} ${hash}`, createdAt: now },
  });
  return {
    type: "file",
    userId: ctx.user.id,
    files: [
      { filename: mdName, content: markdown, contentType: "text/markdown; charset=utf-8" },
      { filename: pdfName, content: pdf, contentType: "application/pdf" },
    ],
    message: textMessage(ctx.t.offboarding.exportReady({ client: client.displayName })),
  };
}
