import { clientChannelList } from "../../db/queries/client-channels.ts";
import { type ClientRow, clientAliasList } from "../../db/queries/clients.ts";
import { evidenceOf } from "../../db/queries/evidence.ts";
import { latestIncidents, latestLessons } from "../../db/queries/incidents.ts";
import { memberNames } from "../../db/queries/members.ts";
import type { Context } from "../core/context.ts";
import { adviseFor } from "../domain/advice.ts";
import { localDate } from "../domain/dates.ts";
import { cardQuote } from "../evidence/card-quote.ts";
import { addInvoiceSection } from "../invoices/invoice-card-section.ts";
import { type Message, message } from "../messages/message.ts";
import { renderAdvice } from "../messages/render-advice.ts";
import { describeLatePayment, riskDetails, riskHeadline } from "../messages/render-risk.ts";
import { adviceFacts, clientRecords } from "./client-records.ts";

export const CARD_LATEST = 5;

/**
 * The client card: counts by kind (last 90 days / all time, from the one count every view
 * shows), its late payments one per invoice, the latest incidents with who reported them and
 * when, the lessons learned, the open invoices with what they cost so far and how, the risk
 * level with the facts that set it, and the playbook's advice with its reasons.
 */
export async function buildClientCard(ctx: Context, client: ClientRow): Promise<Message> {
  const { t, fmt } = ctx;
  const now = ctx.clock.now();
  const [records, latest, lessons, aliases, channels] = await Promise.all([
    clientRecords(ctx.db, { workspace: ctx.workspace, now, clientIds: [client.id] }),
    latestIncidents(ctx.db, ctx.workspace.id, client.id, CARD_LATEST),
    latestLessons(ctx.db, ctx.workspace.id, client.id, CARD_LATEST),
    clientAliasList(ctx.db, ctx.workspace.id, client.id),
    clientChannelList(ctx.db, ctx.workspace.id, client.id),
  ]);
  const [names, evidence] = await Promise.all([
    memberNames(
      ctx.db,
      ctx.workspace.id,
      [...latest, ...lessons].map((i) => i.reporterId),
    ),
    evidenceOf(
      ctx.db,
      ctx.workspace.id,
      latest.map((i) => i.id),
    ),
  ]);
  const nameOf = (i: { source: string; reporterId: string }) =>
    i.source === "auto" ? "Tact" : (names.get(i.reporterId) ?? i.reporterId);

  const title = `${client.displayName} (${client.slug})`;
  const card = message(title).header(title);
  const context: string[] = [t.clients.card.since({ date: fmt.date(client.createdAt) })];
  if (client.status === "offboarded") context.unshift(t.clients.card.status({ status: t.clients.former }));
  if (aliases.length > 0) context.push(t.clients.card.aliases({ aliases: aliases.join(", ") }));
  if (channels.length > 0)
    context.push(t.channels.cardLine({ channels: channels.map((c) => `#${c.channelName}`).join(", ") }));
  card.context(context.join(" · "));

  const record = records.get(client.id);
  const counts = record?.facts.counts ?? [];
  if (counts.length === 0) card.text(t.clients.card.noIncidents);
  else
    card.inLocale(t.locale).fields(
      counts.map((c) => ({
        label: t.incidents.kinds[c.kind],
        value: t.clients.card.countValue({ recent: c.recent, total: c.total }),
      })),
      t.clients.card.counts,
    );

  const late = (record?.facts.latePayments ?? []).toReversed();
  if (late.length > 0) {
    card.divider();
    card.text(
      [
        t.clients.card.latePayments,
        ...late
          .slice(0, CARD_LATEST)
          .map((p) => `• ${t.clients.card.latePaymentLine({ payment: describeLatePayment(p, t, fmt), logs: p.logs })}`),
        ...(late.length > CARD_LATEST ? [t.clients.card.more({ count: late.length - CARD_LATEST })] : []),
      ].join("\n"),
    );
  }
  if (latest.length > 0) {
    card.divider();
    card.text(
      [
        t.clients.card.latest,
        ...latest.flatMap((i) => [
          t.clients.card.incidentLine({
            date: fmt.dateTime(i.occurredAt),
            kind: i.invoiceRef
              ? `${t.incidents.kinds[i.kind]} (${t.incidents.onInvoice({ invoice: i.invoiceRef })})`
              : t.incidents.kinds[i.kind],
            reporter: nameOf(i),
            note: i.note ?? "",
          }),
          ...cardQuote(t, evidence.get(i.id)),
        ]),
      ].join("\n"),
    );
  }
  if (lessons.length > 0) {
    card.divider();
    card.text(
      [
        t.clients.card.lessons,
        ...lessons.map((l) =>
          t.clients.card.lessonLine({ date: fmt.date(l.occurredAt), author: nameOf(l), note: l.note ?? "" }),
        ),
      ].join("\n"),
    );
  }
  addInvoiceSection(ctx, card, record);
  if (record) {
    card.divider();
    card.text(
      [
        t.clients.card.risk({ headline: riskHeadline(record.risk, t, fmt) }),
        ...riskDetails(record.risk, t, fmt).map((r) => `• ${r}`),
      ].join("\n"),
    );
  }
  card.divider();
  const today = localDate(now, ctx.workspace.timezone);
  const advice = adviseFor(adviceFacts(record, client.status, today)).map(
    (a) => `• ${renderAdvice(a, t, fmt, client.slug)}`,
  );
  card.text([t.clients.card.advice, ...advice].join("\n"));
  return card.build();
}
