import type { AlertSent, InvoiceEvent } from "../../db/queries/client-record.ts";
import type { ClientRow } from "../../db/queries/clients.ts";
import type { EvidenceRow } from "../../db/queries/evidence.ts";
import type { IncidentRow } from "../../db/queries/incidents.ts";
import type { HistoryLine } from "../../db/queries/open-invoices.ts";
import type { ChargeResult } from "../domain/charges/index.ts";
import { daysBetween, localDate } from "../domain/dates.ts";
import type { LatePayment } from "../domain/late-payments.ts";
import { isSentChannel } from "../domain/sent-channels.ts";
import { recordEvidence } from "../evidence/record-evidence.ts";
import { explainCharges } from "../invoices/explain-charges.ts";
import type { GivenUp } from "../invoices/record-history.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { AccountInvoice, ClientAccounts } from "./client-accounts.ts";
import { RecordBuilder, type RecordDocument } from "./record-document.ts";
import { renderLetters, renderWizard } from "./record-letters.ts";
import { recordMarkdown } from "./record-markdown.ts";
import { periodOf, recordTimeline } from "./record-timeline.ts";
import type { Wizard } from "./wizard-record.ts";

/** Everything the written record shows about one client. */
export interface RecordData {
  workspaceName: string | null;
  client: ClientRow;
  aliases: string[];
  exportedAt: Date;
  exportedBy: string;
  /** The export's day in the workspace's time zone. */
  today: string;
  incidents: IncidentRow[];
  /** Messages kept as evidence, by incident id. */
  evidence?: ReadonlyMap<number, EvidenceRow> | undefined;
  /** Display names by user id (reporters, payers, the owner). */
  names: Map<string, string>;
  accounts: ClientAccounts;
  /** The client's late payments as the card counts them (src/invoices/client-records.ts). */
  latePayments: readonly LatePayment[];
  invoiceEvents: InvoiceEvent[];
  alerts: AlertSent[];
  /** Newest first. */
  wizards: Wizard[];
}

/** Who did something, by name: "Tact" for what Tact worked out or did itself. */
export type NameOf = (id: string) => string;

/** The client's written record as Markdown (PLAYBOOK.md §3, step 6). Pure. */
export function renderRecord(t: Catalog, fmt: Formatter, data: RecordData): string {
  return recordMarkdown(buildRecord(t, fmt, data));
}

/**
 * The client's written record (PLAYBOOK.md §3, step 6): incidents, late payments, invoices
 * with their states and dates, payments, reminders, charges, both letters, every wizard step,
 * and one timeline of all of it with who and when. Pure.
 */
export function buildRecord(t: Catalog, fmt: Formatter, data: RecordData): RecordDocument {
  const r = t.offboarding.record;
  const name: NameOf = (id) => (id === "auto" ? r.tact : (data.names.get(id) ?? id));
  const { client } = data;
  const b = new RecordBuilder();
  const timeline = recordTimeline(t, fmt, data, name);
  const period = periodOf(timeline, data.today, localDate(client.createdAt, fmt.timeZone));

  if (data.workspaceName) b.paragraph(r.workspace({ name: data.workspaceName }));
  b.paragraph(
    r.exported({
      date: fmt.dateTime(data.exportedAt),
      by: name(data.exportedBy),
      status: r.statuses[client.status as keyof typeof r.statuses] ?? client.status,
    }),
  );
  b.paragraph(r.period({ from: fmt.date(period.from), to: fmt.date(period.to) }));
  b.paragraph(r.since({ date: fmt.date(client.createdAt) }));
  if (data.aliases.length > 0) b.paragraph(r.aliases({ aliases: data.aliases.join(", ") }));

  const withdrawn = (i: IncidentRow) =>
    i.withdrawnAt ? ` (${r.withdrawn({ date: fmt.date(i.withdrawnAt), by: name(i.withdrawnBy ?? "") })})` : "";
  // Lessons are the owner's own kind of entry: apart, never among the incidents (issue #14).
  const incidents = data.incidents.filter((i) => i.kind !== "lesson");
  const lessons = data.incidents.filter((i) => i.kind === "lesson");
  b.heading(r.incidents({ count: incidents.length }));
  b.table(
    r.incidentHead,
    incidents.map((i) => [
      fmt.dateTime(i.occurredAt),
      t.incidents.kinds[i.kind] + withdrawn(i),
      name(i.source === "auto" ? "auto" : i.reporterId),
      i.invoiceRef ?? "",
      i.note ?? "",
    ]),
    r.nothing.incidents,
  );
  recordEvidence(b, t, fmt, incidents, data.evidence);

  const byInvoice = new Map(data.accounts.invoices.map((a) => [`invoice:${a.invoice.id}`, a]));
  const states = invoiceStates(data.invoiceEvents, fmt.timeZone);
  b.heading(r.latePayments({ count: data.latePayments.length }));
  if (data.latePayments.length > 0) b.paragraph(r.latePaymentsHow);
  b.table(
    r.latePaymentHead,
    data.latePayments.map((p) => {
      const a = byInvoice.get(p.key);
      return latePaymentRow(t, fmt, p, a, a ? states.get(a.invoice.id) : undefined);
    }),
    r.nothing.latePayments,
  );

  if (lessons.length > 0) {
    b.heading(r.lessonList({ count: lessons.length }));
    b.table(
      r.lessonHead,
      lessons.map((l) => [fmt.dateTime(l.occurredAt), name(l.reporterId), (l.note ?? "") + withdrawn(l)]),
      r.nothing.lessons,
    );
  }

  const invoices = data.accounts.invoices;
  const numberOf = new Map(invoices.map((a) => [a.invoice.id, a.invoice.number]));
  const lateOf = new Map(data.latePayments.map((p) => [p.key, p]));
  b.heading(r.invoices);
  b.table(
    r.invoiceHead,
    invoices.map((a) => {
      const paid = a.payments.filter((p) => p.kind !== "charges").reduce((n, p) => n + p.amountMinor, 0);
      const state = states.get(a.invoice.id);
      return [
        a.invoice.number,
        fmt.date(a.invoice.issuedOn),
        fmt.date(a.invoice.dueOn),
        fmt.money(a.invoice.amountMinor, a.invoice.currency),
        fmt.money(paid, a.invoice.currency),
        fmt.money(a.outstandingMinor, a.invoice.currency),
        daysLateCell(t, a, lateOf.get(`invoice:${a.invoice.id}`), state, data.today),
        invoiceStatus(t, fmt, a, state),
      ];
    }),
    r.nothing.invoices,
  );
  b.list(
    data.invoiceEvents
      .filter((e) => e.action === "invoice.written-off")
      .map((e) => {
        const currency = String(e.details.currency ?? "EUR");
        return r.writtenOff({
          date: fmt.dateTime(e.at),
          invoice: numberOf.get(e.invoiceId) ?? "?",
          principal: fmt.money(Number(e.details.principalMinor ?? 0), currency),
          charges: fmt.money(Number(e.details.chargesMinor ?? 0), currency),
          by: name(e.actorId),
        });
      }),
  );

  b.heading(r.payments);
  b.table(
    r.paymentHead,
    invoices.flatMap((a) =>
      a.payments.map((p) => [
        fmt.date(p.paidOn),
        a.invoice.number,
        r.paymentKinds[p.kind],
        fmt.money(p.amountMinor, a.invoice.currency),
        name(p.recordedBy),
      ]),
    ),
    r.nothing.payments,
  );

  // When each reminder was first drafted, beside when (and how) it was sent.
  const drafted = new Map<string, Date>();
  for (const e of data.invoiceEvents) {
    const key = `${e.invoiceId}:${String(e.details.kind ?? "")}`;
    if (e.action === "invoice.reminder-drafted" && !drafted.has(key)) drafted.set(key, e.at);
  }
  b.heading(r.reminders);
  b.list(
    [
      ...invoices
        .flatMap((a) => a.reminders.map((x) => ({ invoice: a.invoice.number, id: a.invoice.id, ...x })))
        .sort((a, b) => a.sentOn.localeCompare(b.sentOn))
        .map((x) => {
          const draftedAt = drafted.get(`${x.id}:${x.kind}`);
          const channel = x.channel && isSentChannel(x.channel) ? t.reminders.channels[x.channel] : null;
          return r.reminderSent({
            date: fmt.date(x.sentOn),
            invoice: x.invoice,
            stage: t.invoices.stageKinds[x.kind] ?? x.kind,
            by: name(x.recordedBy),
            later: x.confirmedLater,
            via: channel ? t.reminders.sentVia({ channel }) : "",
            drafted: draftedAt ? fmt.dateTime(draftedAt) : "",
          });
        }),
      ...data.alerts.map((a) =>
        r.alertPosted({
          date: a.sentAt ? fmt.dateTime(a.sentAt) : "?",
          invoice: numberOf.get(a.invoiceId) ?? "?",
          stage: a.stage,
        }),
      ),
    ],
    r.nothing.reminders,
  );

  // The charges that were owed stay, marked, once an invoice is written off, waived or voided:
  // as computed on that day, from its history (DESIGN.md §7).
  b.heading(r.charges);
  b.list(
    invoices.flatMap((a) => {
      const given = givenUpOf(a);
      const charges = given ? givenCharges(given, a) : a.charges;
      if (charges.totalMinor <= 0) return [];
      const money = (minor: number) => fmt.money(minor, a.invoice.currency);
      const status = given
        ? r.givenUpStatus({ kind: given.kind as GivenUp["kind"], date: fmt.date(given.onDay) })
        : (r.chargesStatuses[a.invoice.chargesStatus as keyof typeof r.chargesStatuses] ?? "");
      return [
        {
          text: r.chargesLine({
            invoice: a.invoice.number,
            total: money(charges.totalMinor),
            interest: money(charges.interestMinor),
            fee: money(charges.fee?.minor ?? 0),
            days: charges.daysLate,
            status,
          }),
          sub: explainCharges(charges, given ? given.settledMinor : a.chargesSettledMinor, t, fmt, client.slug),
        },
      ];
    }),
    r.nothing.charges,
  );

  renderLetters(b, t, fmt, data.wizards);
  for (const w of data.wizards) renderWizard(b, t, fmt, w, name);

  b.heading(r.timeline);
  b.paragraph(r.timelineHow);
  b.table(
    r.timelineHead,
    timeline.map((e) => [e.at ? fmt.dateTime(e.at) : fmt.date(e.day), e.who, e.what]),
    r.nothing.timeline,
  );
  return { title: r.title({ client: client.displayName, slug: client.slug }), period, blocks: b.blocks };
}

/** The write-off, void or waiver that gave up an invoice's charges (or the invoice), if any. */
function givenUpOf(a: AccountInvoice): HistoryLine | undefined {
  return a.history.findLast((e) => e.kind === "write-off" || e.kind === "void" || e.kind === "waiver");
}

/** The charges as computed on the day they were given up (kept in the history), else their amounts alone. */
function givenCharges(given: HistoryLine, a: AccountInvoice): ChargeResult {
  const kept = given.details.charges as ChargeResult | undefined;
  if (kept && Array.isArray(kept.segments) && typeof kept.totalMinor === "number") return kept;
  const law = a.charges.law === "none" ? "contract" : a.charges.law;
  return {
    ...a.charges,
    daysLate: given.daysLate,
    segments: [],
    notes: [],
    interestMinor: given.interestMinor,
    fee: given.feeMinor > 0 ? { minor: given.feeMinor, reference: `${law}-fee` } : null,
    totalMinor: given.interestMinor + given.feeMinor,
  };
}

/** A late payment: its invoice, due date, days late or still unpaid, and the amounts. */
function latePaymentRow(
  t: Catalog,
  fmt: Formatter,
  p: LatePayment,
  a: AccountInvoice | undefined,
  state: InvoiceState | undefined,
): string[] {
  const r = t.offboarding.record;
  const money = (minor: number) => (a ? fmt.money(minor, a.invoice.currency) : "");
  const charges = (minor: number, complete: boolean) =>
    // Never a total that silently leaves interest out (DESIGN.md §4).
    complete ? money(minor) : r.chargesIncomplete({ amount: money(minor) });
  const on = p.dated === "due" ? fmt.date(p.on) : r.loggedOn({ date: fmt.date(p.on) });
  const closing = a && p.closed ? a.history.findLast((e) => e.kind === p.closed?.kind) : undefined;
  if (a && p.closed && closing) {
    // Written off or voided while unpaid: unpaid until then, and what was given up.
    const after = { days: closing.daysLate, date: fmt.date(closing.onDay) };
    return [
      p.invoice ?? "",
      on,
      p.closed.kind === "write-off" ? r.writtenOffAfter(after) : r.voidedAfter(after),
      money(a.invoice.amountMinor),
      money(closing.principalMinor),
      money(closing.chargesMinor),
      r.logged({ count: p.logs }),
    ];
  }
  // A paid invoice whose charges were written off stays a payment made late.
  const off = a?.invoice.status === "void" ? state?.writtenOff : undefined;
  if (a && off) {
    // Closed by a write-off: unpaid until then, and what was given up.
    const days = Math.max(0, daysBetween(a.invoice.dueOn, off.on));
    return [
      p.invoice ?? "",
      on,
      r.writtenOffAfter({ days, date: fmt.date(off.on) }),
      money(a.invoice.amountMinor),
      money(off.principalMinor),
      money(off.chargesMinor),
      r.logged({ count: p.logs }),
    ];
  }
  const days = p.unpaid
    ? r.stillUnpaid({ days: p.days ?? 0 })
    : p.days === null
      ? r.daysUnknown
      : r.daysLate({ days: p.days });
  return [
    p.invoice ?? "",
    on,
    days,
    a ? money(a.invoice.amountMinor) : "",
    a ? money(a.outstandingMinor) : "",
    a ? charges(a.charges.totalMinor, a.charges.complete) : "",
    r.logged({ count: p.logs }),
  ];
}

/** When an invoice was closed otherwise than by payment: voided or written off (from the audit log). */
interface InvoiceState {
  voidedOn?: string;
  writtenOff?: { on: string; principalMinor: number; chargesMinor: number };
}

function invoiceStates(events: readonly InvoiceEvent[], timeZone: string): Map<number, InvoiceState> {
  const out = new Map<number, InvoiceState>();
  for (const e of events) {
    const state = out.get(e.invoiceId) ?? {};
    const on = localDate(e.at, timeZone);
    if (e.action === "invoice.voided") state.voidedOn ??= on;
    if (e.action === "invoice.written-off") {
      state.writtenOff ??= {
        on,
        principalMinor: Number(e.details.principalMinor ?? 0),
        chargesMinor: Number(e.details.chargesMinor ?? 0),
      };
    }
    out.set(e.invoiceId, state);
  }
  return out;
}

/** The day the principal was settled: the last payment or credit note. */
function paidOn(a: AccountInvoice): string | undefined {
  return a.payments
    .filter((p) => p.kind !== "charges")
    .map((p) => p.paidOn)
    .sort()
    .at(-1);
}

function daysLateCell(
  t: Catalog,
  a: AccountInvoice,
  late: LatePayment | undefined,
  state: InvoiceState | undefined,
  today: string,
): string {
  const r = t.offboarding.record;
  const due = a.invoice.dueOn;
  if (state?.writtenOff && a.invoice.status === "void") {
    return String(Math.max(0, daysBetween(due, state.writtenOff.on)));
  }
  if (late?.days != null) return late.unpaid ? r.daysSoFar({ days: late.days }) : String(late.days);
  if (a.invoice.status === "void") return "";
  if (a.invoice.status === "paid" || a.outstandingMinor === 0) return "0";
  return due < today ? String(daysBetween(due, today)) : r.notDue;
}

function invoiceStatus(t: Catalog, fmt: Formatter, a: AccountInvoice, state: InvoiceState | undefined): string {
  const s = t.offboarding.record.invoiceState;
  // A paid invoice whose charges were written off stays paid.
  if (state?.writtenOff && a.invoice.status === "void") return s.writtenOff({ date: fmt.date(state.writtenOff.on) });
  const inv = a.invoice;
  if (inv.status === "void") return s.void({ date: state?.voidedOn ? fmt.date(state.voidedOn) : "" });
  // Settled in full: by the status, or by payments recorded against an invoice still marked open.
  if (inv.status === "paid" || (a.outstandingMinor === 0 && a.payments.some((p) => p.kind !== "charges"))) {
    const on = paidOn(a);
    return s.paid({ date: on ? fmt.date(on) : "" });
  }
  return inv.disputedSince ? s.disputed({ date: fmt.date(inv.disputedSince) }) : s.open;
}
