import type { AlertSent, InvoiceEvent } from "../../db/queries/client-record.ts";
import type { ClientRow } from "../../db/queries/clients.ts";
import type { IncidentRow } from "../../db/queries/incidents.ts";
import type { HistoryLine } from "../../db/queries/open-invoices.ts";
import type { ChargeResult } from "../domain/charges/index.ts";
import { STEP_COUNT, stepKey } from "../domain/wizard/wizard-steps.ts";
import { describeHistory } from "../invoices/describe-history.ts";
import { explainCharges } from "../invoices/explain-charges.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import { isLocale } from "../messages/locale.ts";
import type { AccountInvoice, ClientAccounts } from "./client-accounts.ts";
import type { LetterRecord, Wizard } from "./wizard-record.ts";

/** Everything the written record shows about one client. */
export interface RecordData {
  client: ClientRow;
  aliases: string[];
  exportedAt: Date;
  exportedBy: string;
  incidents: IncidentRow[];
  /** Display names by user id (reporters, payers, the owner). */
  names: Map<string, string>;
  accounts: ClientAccounts;
  invoiceEvents: InvoiceEvent[];
  alerts: AlertSent[];
  /** Newest first. */
  wizards: Wizard[];
}

/**
 * The client's written record as Markdown (PLAYBOOK.md §3, step 6): incidents, invoices,
 * payments, reminders, charges, both letters and every wizard step with its date. Pure.
 * Text typed by people is escaped so it can never break the document's structure.
 */
export function renderRecord(t: Catalog, fmt: Formatter, data: RecordData): string {
  const r = t.offboarding.record;
  const name = (id: string) => (id === "auto" ? "Tact" : (data.names.get(id) ?? id));
  const out: string[] = [];
  const { client } = data;
  out.push(`# ${inline(r.title({ client: client.displayName, slug: client.slug }))}`, "");
  out.push(
    r.exported({
      date: fmt.dateTime(data.exportedAt),
      by: inline(name(data.exportedBy)),
      status: r.statuses[client.status as keyof typeof r.statuses] ?? client.status,
    }),
  );
  out.push(r.since({ date: fmt.date(client.createdAt) }));
  if (data.aliases.length > 0) out.push(r.aliases({ aliases: inline(data.aliases.join(", ")) }));

  const withdrawn = (i: IncidentRow) =>
    i.withdrawnAt ? ` (${r.withdrawn({ date: fmt.date(i.withdrawnAt), by: name(i.withdrawnBy ?? "") })})` : "";
  // Lessons are the owner's own kind of entry: apart, never among the incidents (issue #14).
  const incidents = data.incidents.filter((i) => i.kind !== "lesson");
  const lessons = data.incidents.filter((i) => i.kind === "lesson");
  section(out, r.incidents({ count: incidents.length }));
  table(
    out,
    r.incidentHead,
    incidents.map((i) => [
      fmt.dateTime(i.occurredAt),
      t.incidents.kinds[i.kind] + withdrawn(i),
      name(i.source === "auto" ? "auto" : i.reporterId),
      i.invoiceRef ?? "",
      i.note ?? "",
    ]),
    r.none,
  );

  if (lessons.length > 0) {
    section(out, r.lessonList({ count: lessons.length }));
    table(
      out,
      r.lessonHead,
      lessons.map((l) => [fmt.dateTime(l.occurredAt), name(l.reporterId), (l.note ?? "") + withdrawn(l)]),
      r.none,
    );
  }

  const writtenOff = new Set(
    data.invoiceEvents.filter((e) => e.action === "invoice.written-off").map((e) => e.invoiceId),
  );
  const invoices = data.accounts.invoices;
  const numberOf = new Map(invoices.map((a) => [a.invoice.id, a.invoice.number]));
  section(out, r.invoices);
  table(
    out,
    r.invoiceHead,
    invoices.map((a) => {
      const paid = a.payments.filter((p) => p.kind !== "charges").reduce((n, p) => n + p.amountMinor, 0);
      // A paid invoice whose charges were written off stays paid.
      const status =
        writtenOff.has(a.invoice.id) && a.invoice.status === "void"
          ? r.invoiceStatuses.writtenOff
          : r.invoiceStatuses[a.invoice.status];
      return [
        a.invoice.number,
        fmt.date(a.invoice.issuedOn),
        fmt.date(a.invoice.dueOn),
        fmt.money(a.invoice.amountMinor, a.invoice.currency),
        fmt.money(paid, a.invoice.currency),
        fmt.money(a.outstandingMinor, a.invoice.currency),
        status,
      ];
    }),
    r.none,
  );

  // Waivers, voids and dispute outcomes, with the amounts of their day (write-offs just above).
  const decided = invoices
    .flatMap((a) => a.history.filter((e) => e.kind !== "write-off").map((e) => ({ number: a.invoice.number, e })))
    .sort((x, y) => x.e.onDay.localeCompare(y.e.onDay) || x.e.id - y.e.id);
  for (const { number, e } of decided) {
    out.push("", `- ${inline(`${describeHistory(number, e, t, fmt)} · ${r.decidedBy({ by: name(e.recordedBy) })}`)}`);
  }

  for (const e of data.invoiceEvents.filter((x) => x.action === "invoice.written-off")) {
    const currency = String(e.details.currency ?? "EUR");
    out.push(
      "",
      `- ${inline(
        r.writtenOff({
          date: fmt.dateTime(e.at),
          invoice: numberOf.get(e.invoiceId) ?? "?",
          principal: fmt.money(Number(e.details.principalMinor ?? 0), currency),
          charges: fmt.money(Number(e.details.chargesMinor ?? 0), currency),
          by: name(e.actorId),
        }),
      )}`,
    );
  }

  section(out, r.payments);
  table(
    out,
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
    r.none,
  );

  section(out, r.reminders);
  const reminders = [
    ...invoices
      .flatMap((a) => a.reminders.map((x) => ({ invoice: a.invoice.number, ...x })))
      .sort((a, b) => a.sentOn.localeCompare(b.sentOn))
      .map(
        (x) =>
          `- ${inline(
            r.reminderSent({
              date: fmt.date(x.sentOn),
              invoice: x.invoice,
              stage: t.invoices.stageKinds[x.kind] ?? x.kind,
              by: name(x.recordedBy),
              later: x.confirmedLater,
            }),
          )}`,
      ),
    ...data.alerts.map(
      (a) =>
        `- ${inline(r.alertPosted({ date: a.sentAt ? fmt.dateTime(a.sentAt) : "?", invoice: numberOf.get(a.invoiceId) ?? "?", stage: a.stage }))}`,
    ),
  ];
  out.push(...(reminders.length > 0 ? reminders : [r.none]));

  // The charges that were owed stay, marked, once an invoice is written off, waived or voided:
  // as computed on that day, from its history (DESIGN.md §7).
  section(out, r.charges);
  const charged = invoices.flatMap(
    (a): { a: AccountInvoice; given: HistoryLine | undefined; charges: ChargeResult }[] => {
      const given = a.history.findLast((e) => e.kind === "write-off" || e.kind === "void" || e.kind === "waiver");
      if (given && given.interestMinor + given.feeMinor > 0) return [{ a, given, charges: givenCharges(given, a) }];
      return a.charges.totalMinor > 0 ? [{ a, given: undefined, charges: a.charges }] : [];
    },
  );
  out.push(
    ...(charged.length > 0
      ? charged.flatMap(({ a, given, charges }) => {
          const money = (minor: number) => fmt.money(minor, a.invoice.currency);
          const status = given
            ? r.givenUpStatus({ kind: given.kind as "write-off" | "void" | "waiver", date: fmt.date(given.onDay) })
            : writtenOff.has(a.invoice.id)
              ? r.invoiceStatuses.writtenOff
              : (r.chargesStatuses[a.invoice.chargesStatus as keyof typeof r.chargesStatuses] ?? "");
          const line = r.chargesLine({
            invoice: a.invoice.number,
            total: money(charges.totalMinor),
            interest: money(charges.interestMinor),
            fee: money(charges.fee?.minor ?? 0),
            days: charges.daysLate,
            status,
          });
          const how = explainCharges(charges, given ? given.settledMinor : a.chargesSettledMinor, t, fmt, client.slug);
          return [`- ${inline(line)}`, ...how.map((l) => `  - ${inline(l)}`)];
        })
      : [r.none]),
  );

  const withLetters = data.wizards.find((w) => w.texts.why || w.texts.next);
  section(out, r.letters);
  for (const [title, letter] of [
    [r.whyTitle, withLetters?.texts.why],
    [r.nextTitle, withLetters?.texts.next],
  ] as const) {
    out.push("", `### ${title}`, "");
    out.push(...(letter ? renderLetter(t, fmt, letter) : [r.notWritten]));
  }

  for (const w of data.wizards) renderWizard(out, t, fmt, w, name);
  return `${out.join("\n")}\n`;
}

/** The charges as computed on the day they were given up (kept in the history), else their amounts alone. */
function givenCharges(given: HistoryLine, a: AccountInvoice): ChargeResult {
  const kept = given.details.charges as ChargeResult | undefined;
  if (kept && Array.isArray(kept.segments) && typeof kept.totalMinor === "number") return kept;
  return {
    ...a.charges,
    daysLate: given.daysLate,
    segments: [],
    notes: [],
    interestMinor: given.interestMinor,
    fee:
      given.feeMinor > 0
        ? { minor: given.feeMinor, reference: `${a.charges.law === "none" ? "contract" : a.charges.law}-fee` }
        : null,
    totalMinor: given.interestMinor + given.feeMinor,
  };
}

function letterMeta(t: Catalog, fmt: Formatter, letter: LetterRecord): string {
  const language = isLocale(letter.language) ? t.offboarding.languages[letter.language] : letter.language;
  return t.offboarding.record.letterMeta({
    date: fmt.dateTime(new Date(letter.at)),
    own: letter.source === "own",
    language,
  });
}

function renderLetter(t: Catalog, fmt: Formatter, letter: LetterRecord): string[] {
  return [
    `_${letterMeta(t, fmt, letter)}_`,
    "",
    ...letter.text.split("\n").map((l) => `> ${escapeBlock(l)}`.trimEnd()),
  ];
}

function renderWizard(out: string[], t: Catalog, fmt: Formatter, w: Wizard, name: (id: string) => string): void {
  const r = t.offboarding.record;
  section(out, r.offboarding);
  out.push(
    r.offboardingMeta({
      started: fmt.dateTime(w.row.startedAt),
      by: inline(name(w.row.ownerUserId)),
      status: r.wizardStatuses[w.state.status],
    }),
    "",
  );
  const x = w.texts;
  const notes: Record<number, string> = {};
  if (x.conversation) notes[1] = r.conversation({ date: fmt.date(x.conversation.on), notes: x.conversation.notes });
  if (x.why) notes[3] = letterMeta(t, fmt, x.why);
  if (x.next) notes[4] = letterMeta(t, fmt, x.next);
  if (x.accounts) notes[5] = r.accounts[x.accounts.decision]({ owed: x.accounts.summary });
  if (x.teamNote)
    notes[7] = r.teamNote({ posted: x.teamNote.posted, channel: x.teamNote.channelId ?? "", text: x.teamNote.text });
  if (x.lessons) notes[8] = r.lessons({ lines: x.lessons.lines.join("; ") });
  const rows = w.state.steps.map((s, i) => {
    const step = i + 1;
    const note = [notes[step], s.reason].filter(Boolean).join(" · ");
    return [
      `${step}/${STEP_COUNT} ${t.offboarding.stepTitles[stepKey(step)]}`,
      r.stepStatuses[s.status],
      s.at ? fmt.dateTime(new Date(s.at)) : "",
      note,
    ];
  });
  table(out, r.stepHead, rows, r.none);
  out.push("", `### ${r.timeline}`, "");
  for (const e of w.state.history) {
    const extra = [e.reason, e.remindOn ? r.remindOn({ date: fmt.date(e.remindOn) }) : undefined].filter(Boolean);
    out.push(
      `- ${fmt.dateTime(new Date(e.at))} · ${r.step({ step: e.step })} · ${r.events[e.type]}${extra.length > 0 ? ` (${inline(extra.join("; "))})` : ""}`,
    );
  }
}

function section(out: string[], title: string): void {
  out.push("", `## ${title}`, "");
}

function table(out: string[], head: readonly string[], rows: string[][], none: string): void {
  if (rows.length === 0) {
    out.push(none);
    return;
  }
  out.push(`| ${head.map(cell).join(" | ")} |`, `|${head.map(() => " --- ").join("|")}|`);
  for (const row of rows) out.push(`| ${row.map(cell).join(" | ")} |`);
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}

/** One line of text typed by someone: no line breaks, no HTML, no Markdown that starts a block. */
function inline(text: string): string {
  return asText(text.replace(/\s*\n\s*/g, " ").trim());
}

/** A line inside a quoted block: shown as typed. */
function escapeBlock(text: string): string {
  return asText(text);
}

/**
 * Text typed by someone, shown as text wherever the Markdown is read (a viewer, a PDF made
 * from it): no HTML, and no link or image, whether written `[click](…)`, `![pixel](…)`,
 * `[ref]: …` or left bare for the viewer to link (`https://…`, `www.…`). Backslash escapes
 * render as the characters themselves.
 */
function asText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[[\]]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\/\//g, "\\://")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}
