import {
  activeClientKindStats,
  type ClientKindStats,
  openOffboardingsOf,
  recentIncidentsBy,
} from "../../db/queries/home.ts";
import type { Context } from "../core/context.ts";
import { type Advice, adviseFor } from "../domain/advice.ts";
import { sumByCurrency } from "../domain/money.ts";
import { DAY_MS, RECENT_DAYS } from "../incidents/log-incident.ts";
import { loadAssessments } from "../invoices/load-assessments.ts";
import { type Message, message } from "../messages/message.ts";
import { renderAdvice } from "../messages/render-advice.ts";
import { homeResumeButton } from "./home-resume.ts";

/** Advice that says a client needs the owner's attention (a pattern, not a one-off). */
const SERIOUS: ReadonlySet<Advice["id"]> = new Set([
  "manyTroubles",
  "latePattern",
  "conductRepeat",
  "conductPersistent",
  "advicePattern",
  "ethics",
]);

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
  const [stats, invoices, wizards] = await Promise.all([
    activeClientKindStats(ctx.db, ctx.workspace.id, new Date(now.getTime() - RECENT_DAYS * DAY_MS)),
    loadAssessments(ctx, { which: "open" }),
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

  const watch = clientsToWatch(stats);
  const lines = watch
    .slice(0, HOME_WATCH_MAX)
    .map((c) => `• ${t.home.watchLine({ name: c.displayName, slug: c.slug, why: renderAdvice(c.advice, t, fmt) })}`);
  if (watch.length > HOME_WATCH_MAX) lines.push(t.home.watchMore({ count: watch.length - HOME_WATCH_MAX }));
  m.text([t.home.watchTitle, ...(lines.length > 0 ? lines : [t.home.watchNone])].join("\n"));

  const overdue = invoices.filter((a) => a.overdue);
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

interface Watched {
  slug: string;
  displayName: string;
  advice: Advice;
  weight: number;
}

/** Clients whose record shows a pattern, the most troubled first, each with its main reason. */
function clientsToWatch(stats: readonly ClientKindStats[]): Watched[] {
  const byClient = new Map<number, ClientKindStats[]>();
  for (const s of stats) byClient.set(s.clientId, [...(byClient.get(s.clientId) ?? []), s]);
  const out: Watched[] = [];
  for (const rows of byClient.values()) {
    const serious = adviseFor(rows).filter((a) => SERIOUS.has(a.id));
    const first = serious[0];
    const row = rows[0];
    if (!first || !row) continue;
    out.push({
      slug: row.slug,
      displayName: row.displayName,
      advice: first,
      weight: rows.reduce((n, r) => n + r.recent, 0) * 100 + serious.length,
    });
  }
  return out.sort((a, b) => b.weight - a.weight || a.displayName.localeCompare(b.displayName));
}
