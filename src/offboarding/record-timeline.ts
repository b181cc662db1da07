import type { InvoiceEvent } from "../../db/queries/client-record.ts";
import { sourceLabel } from "../connectors/source-label.ts";
import { localDate } from "../domain/dates.ts";
import { isSentChannel } from "../domain/sent-channels.ts";
import { stepKey } from "../domain/wizard/wizard-steps.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { NameOf, RecordData } from "./render-record.ts";

/** One line of the record's timeline: when (a day, and the time when it is known), who, what. */
export interface TimelineEntry {
  /** The local day. */
  day: string;
  /** The instant, for what Tact saw happen; null for a day someone gave (a payment's, a due date). */
  at: Date | null;
  who: string;
  what: string;
}

/**
 * Everything in the record in one chronological list (issue #14): the client, incidents and
 * lessons, invoices, the late payments worked out from them, payments, what happened to
 * invoices (voids, write-offs, disputes, new due dates, waived charges), reminders, alerts,
 * the letters, the conversation and every wizard step. Within a day, what has only a day
 * comes first, then the rest by time; equal entries keep the order above.
 */
export function recordTimeline(t: Catalog, fmt: Formatter, data: RecordData, name: NameOf): TimelineEntry[] {
  const te = t.offboarding.record.entries;
  const zone = fmt.timeZone;
  const tact = t.offboarding.record.tact;
  const out: TimelineEntry[] = [];
  const at = (instant: Date, who: string, what: string) =>
    out.push({ day: localDate(instant, zone), at: instant, who, what });
  const on = (day: string, who: string, what: string) => out.push({ day, at: null, who, what });
  const { client } = data;

  at(client.createdAt, name(client.createdBy), te.clientAdded({ client: client.displayName }));

  for (const i of data.incidents) {
    const who = name(i.source === "auto" ? "auto" : i.reporterId);
    const kind = t.incidents.kinds[i.kind];
    if (i.kind === "lesson") at(i.occurredAt, who, te.lesson({ note: i.note ?? "" }));
    else at(i.occurredAt, who, te.incident({ kind, invoice: i.invoiceRef ?? "", note: i.note ?? "" }));
    if (i.withdrawnAt) at(i.withdrawnAt, name(i.withdrawnBy ?? ""), te.withdrawn({ kind }));
  }

  const numberOf = new Map<number, string>();
  for (const a of data.accounts.invoices) {
    const inv = a.invoice;
    numberOf.set(inv.id, inv.number);
    const money = (minor: number) => fmt.money(minor, inv.currency);
    on(
      inv.issuedOn,
      inv.source ? sourceLabel(inv.source) : name(inv.createdBy),
      te.invoiceIssued({ invoice: inv.number, amount: money(inv.amountMinor), due: fmt.date(inv.dueOn) }),
    );
    for (const p of a.payments) {
      on(
        p.paidOn,
        name(p.recordedBy),
        te.payment({
          kind: t.offboarding.record.paymentKinds[p.kind],
          invoice: inv.number,
          amount: money(p.amountMinor),
        }),
      );
    }
    for (const x of a.reminders) {
      const channel = x.channel && isSentChannel(x.channel) ? t.reminders.channels[x.channel] : null;
      on(
        x.sentOn,
        name(x.recordedBy),
        te.reminderSent({
          stage: t.invoices.stageKinds[x.kind] ?? x.kind,
          invoice: inv.number,
          via: channel ? t.reminders.sentVia({ channel }) : "",
        }),
      );
    }
  }

  for (const p of data.latePayments) {
    if (p.days === null || p.dated !== "due" || !p.invoice) continue;
    on(p.on, tact, te.latePayment({ invoice: p.invoice, days: p.days, unpaid: p.unpaid }));
  }

  for (const e of data.invoiceEvents) {
    const what = invoiceEvent(t, fmt, e, numberOf.get(e.invoiceId) ?? String(e.details.number ?? "?"));
    if (what) at(e.at, name(e.actorId), what);
  }
  for (const a of data.alerts) {
    if (a.sentAt) at(a.sentAt, tact, te.alert({ invoice: numberOf.get(a.invoiceId) ?? "?", stage: a.stage }));
  }

  for (const w of data.wizards) {
    const owner = name(w.row.ownerUserId);
    const r = t.offboarding.record;
    for (const e of w.state.history) {
      at(
        new Date(e.at),
        owner,
        te.step({
          step: e.step,
          title: t.offboarding.stepTitles[stepKey(e.step)],
          event: r.events[e.type],
          reason: [e.reason, e.remindOn ? r.remindOn({ date: fmt.date(e.remindOn) }) : undefined]
            .filter(Boolean)
            .join("; "),
        }),
      );
    }
    const { conversation, why, next } = w.texts;
    if (conversation) on(conversation.on, owner, te.conversation({ notes: conversation.notes }));
    for (const [title, letter] of [
      [r.whyTitle, why],
      [r.nextTitle, next],
    ] as const) {
      if (letter) at(new Date(letter.at), owner, te.letterKept({ title, own: letter.source === "own" }));
      if (letter?.sent) {
        const via = t.reminders.sentVia({ channel: t.reminders.channels[letter.sent.channel] });
        on(letter.sent.on, owner, te.letterSent({ title, via }));
      }
    }
  }

  return out
    .map((e, i) => ({ e, i }))
    .sort(
      (x, y) =>
        x.e.day.localeCompare(y.e.day) ||
        (x.e.at?.getTime() ?? Number.NEGATIVE_INFINITY) - (y.e.at?.getTime() ?? Number.NEGATIVE_INFINITY) ||
        x.i - y.i,
    )
    .map((x) => x.e);
}

/** What happened to an invoice, from the audit log; null for what the record does not show (snoozes). */
function invoiceEvent(t: Catalog, fmt: Formatter, e: InvoiceEvent, invoice: string): string | null {
  const te = t.offboarding.record.entries;
  const d = e.details;
  const money = (key: string) => fmt.money(Number(d[key] ?? 0), String(d.currency ?? "EUR"));
  const day = (key: string) => (typeof d[key] === "string" ? fmt.date(d[key] as string) : "?");
  switch (e.action) {
    case "invoice.voided":
      return te.voided({ invoice });
    case "invoice.written-off":
      return te.writtenOff({ invoice, principal: money("principalMinor"), charges: money("chargesMinor") });
    case "invoice.due-changed":
      return te.dueChanged({ invoice, from: day("from"), to: day("to") });
    case "invoice.disputed":
      return te.disputed({ invoice, note: typeof d.note === "string" ? d.note : "" });
    case "invoice.resumed":
      return te.resumed({
        invoice,
        outcome: d.outcome === "upheld" || d.outcome === "not-upheld" ? d.outcome : null,
        days: Number(d.days ?? 0),
        interest: money("interestMinor"),
      });
    case "invoice.reminder-drafted": {
      const kind = String(d.kind ?? "") as keyof Catalog["invoices"]["stageKinds"];
      return te.reminderDrafted({ stage: t.invoices.stageKinds[kind] ?? kind, invoice });
    }
    case "invoice.charges-waived":
      return te.chargesWaived({ invoice, amount: money("waivedMinor") });
    default:
      return null;
  }
}

/** The period the record covers: from its first entry (or the day the client was added) to today. */
export function periodOf(
  timeline: readonly TimelineEntry[],
  today: string,
  added: string,
): { from: string; to: string } {
  const [first = added] = [added, today, ...timeline.map((e) => e.day)].sort();
  return { from: first, to: today };
}
