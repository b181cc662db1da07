import { clientNames } from "../../db/queries/clients.ts";
import { openOffboardingsOf, recentIncidentsBy } from "../../db/queries/home.ts";
import { clientRecords } from "../clients/client-records.ts";
import type { Context } from "../core/context.ts";
import { sumByCurrency } from "../domain/money.ts";
import { rank } from "../domain/risk.ts";
import { type Message, message } from "../messages/message.ts";
import { riskHeadline } from "../messages/render-risk.ts";
import { homeResumeButton } from "./home-resume.ts";

export const HOME_WATCH_MAX = 10;
export const HOME_RECENT_MAX = 10;

/**
 * A person's home page in Tact (Slack's App Home). The owner sees the clients that need
 * attention, what is overdue and any offboarding in progress with a way back into it; everyone
 * else sees their own recent logs and how to log one. A fixed number of queries.
 */
export async function buildHome(ctx: Context): Promise<Message> {
  return ctx.user.isOwner ? ownerHome(ctx) : memberHome(ctx);
}

async function ownerHome(ctx: Context): Promise<Message> {
  const { t, fmt } = ctx;
  const now = ctx.clock.now();
  const [records, names, wizards] = await Promise.all([
    clientRecords(ctx.db, { workspace: ctx.workspace, now }),
    clientNames(ctx.db, ctx.workspace.id),
    openOffboardingsOf(ctx.db, ctx.workspace.id, ctx.user.id),
  ]);
  const m = message(t.home.title).header(t.home.title).context(t.home.ownerIntro);

  for (const w of wizards) {
    m.text(
      t.home.wizardLine({
        client: w.displayName,
        step: w.currentStep,
        paused: w.state === "paused",
        since: fmt.date(w.updatedAt),
      }),
    );
    const button = homeResumeButton(w, t);
    if (button) m.buttons([button]);
  }

  // Clients at risk or worse, the most serious first; former clients aside, and one whose
  // wizard is on this page (this owner's, above) rather than listed twice.
  const inWizard = new Set(wizards.map((w) => w.clientId));
  const active = new Map(names.filter((c) => c.status !== "offboarded" && !inWizard.has(c.id)).map((c) => [c.id, c]));
  const watch = [...records.values()]
    .filter((r) => active.has(r.clientId) && rank(r.risk.level) >= rank("at-risk"))
    .sort((a, b) => rank(b.risk.level) - rank(a.risk.level));
  const lines = watch.slice(0, HOME_WATCH_MAX).map((r) => {
    const client = active.get(r.clientId);
    const why = riskHeadline(r.risk, t, fmt);
    return `• ${t.home.watchLine({ name: client?.displayName ?? "", slug: client?.slug ?? "", why })}`;
  });
  if (watch.length > HOME_WATCH_MAX) lines.push(t.home.watchMore({ count: watch.length - HOME_WATCH_MAX }));
  m.text([t.home.watchTitle, ...(lines.length > 0 ? lines : [t.home.watchNone])].join("\n"));

  const overdue = [...records.values()].flatMap((r) => r.assessments.filter((a) => a.overdue));
  const sum = (pick: (a: (typeof overdue)[number]) => number) =>
    sumByCurrency(overdue.map((a) => ({ minor: pick(a), currency: a.source.invoice.currency }))).map((x) =>
      fmt.money(x.minor, x.currency),
    );
  const charges = sum((a) => a.chargesOwedMinor);
  const line =
    overdue.length === 0
      ? t.home.overdueNone
      : t.home.overdueTotal({
          amounts: fmt.list(sum((a) => a.outstandingMinor)),
          invoices: overdue.length,
          charges: charges.length > 0 ? fmt.list(charges) : undefined,
        });
  m.text([t.home.overdueTitle, line].join("\n"));
  m.divider().context(t.home.ownerHelp);
  return m.build();
}

async function memberHome(ctx: Context): Promise<Message> {
  const { t, fmt } = ctx;
  const mine = await recentIncidentsBy(ctx.db, ctx.workspace.id, ctx.user.id, HOME_RECENT_MAX);
  const m = message(t.home.title).header(t.home.title).context(t.home.memberIntro);
  const lines = mine.map(
    (i) =>
      `• ${t.home.recentLine({
        date: fmt.date(i.occurredAt),
        kind: i.invoiceRef
          ? `${t.incidents.kinds[i.kind]} (${t.incidents.onInvoice({ invoice: i.invoiceRef })})`
          : t.incidents.kinds[i.kind],
        client: i.clientName,
        note: i.note ?? "",
      })}`,
  );
  m.text([t.home.recentTitle, ...(lines.length > 0 ? lines : [t.home.recentNone])].join("\n"));
  m.divider().text([t.home.helpTitle, t.home.memberHelp].join("\n"));
  return m.build();
}
