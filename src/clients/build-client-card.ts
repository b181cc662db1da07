import { type ClientRow, clientAliasList } from "../../db/queries/clients.ts";
import { latestIncidents } from "../../db/queries/incidents.ts";
import { memberNames } from "../../db/queries/members.ts";
import { incidentKinds } from "../../db/schema/incidents.ts";
import type { Context } from "../core/context.ts";
import { adviseFor } from "../domain/advice.ts";
import { clientRecords } from "../invoices/client-records.ts";
import { addInvoiceSection } from "../invoices/invoice-card-section.ts";
import { type Message, message } from "../messages/message.ts";
import { renderAdvice } from "../messages/render-advice.ts";

export const CARD_LATEST = 5;

/**
 * The client card: counts by kind (90 days / all time; late payments include invoices that
 * went overdue), the latest incidents with who reported them and when, the open invoices
 * with what they cost so far and how, the risk level and the playbook's advice, with reasons.
 */
export async function buildClientCard(ctx: Context, client: ClientRow): Promise<Message> {
  const { t, fmt } = ctx;
  const now = ctx.clock.now();
  const [records, latest, aliases] = await Promise.all([
    clientRecords(ctx.db, { workspace: ctx.workspace, now, clientIds: [client.id] }),
    latestIncidents(ctx.db, ctx.workspace.id, client.id, CARD_LATEST),
    clientAliasList(ctx.db, ctx.workspace.id, client.id),
  ]);
  const names = await memberNames(
    ctx.db,
    ctx.workspace.id,
    latest.map((i) => i.reporterId),
  );

  const title = `${client.displayName} (${client.slug})`;
  const card = message(title).header(title);
  const context: string[] = [t.clients.card.since({ date: fmt.date(client.createdAt) })];
  if (client.status === "offboarded") context.unshift(t.clients.card.status({ status: t.clients.former }));
  if (aliases.length > 0) context.push(t.clients.card.aliases({ aliases: aliases.join(", ") }));
  card.context(context.join(" · "));

  const record = records.get(client.id);
  const stats = record?.stats ?? [];
  if (stats.length === 0) {
    card.text(t.clients.card.noIncidents);
  } else {
    const byKind = new Map(stats.map((s) => [s.kind, s]));
    card.fields(
      incidentKinds
        .filter((k) => byKind.has(k))
        .map((k) => {
          const s = byKind.get(k);
          return {
            label: t.incidents.kinds[k],
            value: t.clients.card.countValue({ recent: s?.recent ?? 0, total: s?.total ?? 0 }),
          };
        }),
      t.clients.card.counts,
    );
  }
  if (latest.length > 0) {
    card.divider();
    card.text(
      [
        t.clients.card.latest,
        ...latest.map((i) =>
          t.clients.card.incidentLine({
            date: fmt.dateTime(i.occurredAt),
            kind: i.invoiceRef
              ? `${t.incidents.kinds[i.kind]} (${t.incidents.onInvoice({ invoice: i.invoiceRef })})`
              : t.incidents.kinds[i.kind],
            reporter: i.source === "auto" ? "Tact" : (names.get(i.reporterId) ?? i.reporterId),
            note: i.note ?? "",
          }),
        ),
      ].join("\n"),
    );
  }
  addInvoiceSection(ctx, card, record);
  card.divider();
  // Past the final notice means one was sent: before that, the next step is a reminder.
  const pastFinal = record?.assessments.find(
    (a) => a.overdue && (a.stage.last?.kind === "final" || a.stage.last?.kind === "suspension"),
  );
  const facts = pastFinal && { number: pastFinal.source.invoice.number, days: pastFinal.stage.daysLate };
  const advice = adviseFor(stats, pastFinal?.terms.hosted ? { hostedUnpaid: facts } : { overdueFinal: facts }).map(
    (a) => `• ${renderAdvice(a, t, fmt)}`,
  );
  card.text([t.clients.card.advice, ...advice].join("\n"));
  return card.build();
}
