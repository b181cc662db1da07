import { type ClientRow, findClientById } from "../../db/queries/clients.ts";
import { memberNames } from "../../db/queries/members.ts";
import { adviceFacts, clientRecords } from "../clients/client-records.ts";
import type { Context } from "../core/context.ts";
import type { AdviceFacts } from "../domain/advice.ts";
import { resolveTerms } from "../domain/charges/index.ts";
import { addDays, localDate } from "../domain/dates.ts";
import type { LatePayment } from "../domain/late-payments.ts";
import type { KindCount } from "../domain/record-counts.ts";
import { quietRisk, type RiskAssessment } from "../domain/risk.ts";
import { userError } from "../errors.ts";
import { catalogFor } from "../messages/catalog.ts";
import { letterFormatter } from "../messages/letter-formatter.ts";
import { type Locale, toLocale } from "../messages/locale.ts";
import { type ClientAccounts, clientAccounts } from "./client-accounts.ts";
import { draftNextLetter, draftWhyLetter, type LateReasonFacts, type LetterReason } from "./draft-letters.ts";
import { reasonKinds, type Wizard } from "./wizard-record.ts";

/** Days between the letters and the end of hosting, handover and questions. */
export const HANDOVER_DAYS = 30;

/** What the wizard's messages are built from: the client's record as of today. */
export interface WizardFacts {
  client: ClientRow;
  today: string;
  /** The record's counts by kind (the card's): late payments one per invoice, lessons never. */
  counts: readonly KindCount[];
  /** The late payments behind the count, one per invoice, oldest first: what a letter may say of each. */
  latePayments: readonly LatePayment[];
  /** The risk level with its reasons: the card's. */
  risk: RiskAssessment;
  /** What the playbook's advice reads: the card's. */
  advice: AdviceFacts;
  accounts: ClientAccounts;
  /** The name the letters are signed with: the person who started the wizard. */
  signer: string;
  /** The client's language for the letters (else the workspace's). */
  letterLocale: Locale;
  /** Whether the agency hosts the client's site (hosting, domain and access to hand over). */
  hosted: boolean;
}

export async function loadWizardFacts(ctx: Context, client: ClientRow, starterId: string): Promise<WizardFacts> {
  const now = ctx.clock.now();
  const today = localDate(now, ctx.workspace.timezone);
  const { terms } = resolveTerms(ctx.workspace.defaultTerms, client);
  const [records, accounts, names] = await Promise.all([
    clientRecords(ctx.db, { workspace: ctx.workspace, now, clientIds: [client.id] }),
    clientAccounts(ctx.db, ctx.workspace.id, client.id, today),
    memberNames(ctx.db, ctx.workspace.id, [starterId]),
  ]);
  const record = records.get(client.id);
  return {
    client,
    today,
    counts: record?.facts.counts ?? [],
    latePayments: record?.facts.latePayments ?? [],
    risk: record?.risk ?? quietRisk,
    advice: adviceFacts(record, client.status, today),
    accounts,
    signer: names.get(starterId) ?? starterId,
    // The client's terms (issue #3) say its language and whether we host it, else the workspace's.
    letterLocale: toLocale(terms.language ?? ctx.workspace.locale),
    hosted: terms.hosted,
  };
}

/**
 * The reasons a letter can give: the kinds logged for this client, with the card's counts and
 * their first and last days; late payments told apart as the record knows them (paid late,
 * still unpaid, only noted), so a letter never calls an unpaid invoice a payment.
 */
export function availableReasons(facts: WizardFacts): LetterReason[] {
  return reasonKinds.flatMap((kind) => {
    const s = facts.counts.find((x) => x.kind === kind);
    if (!s) return [];
    const reason: LetterReason = { kind, count: s.total, since: s.first, last: s.last };
    return [kind === "late" ? { ...reason, late: lateFacts(facts.latePayments) } : reason];
  });
}

function lateFacts(payments: readonly LatePayment[]): LateReasonFacts {
  const paid = payments.filter((p) => !p.unpaid && p.days !== null);
  const unpaid = payments.filter((p) => p.unpaid);
  const noted = payments.filter((p) => !p.unpaid && p.days === null);
  const first = (list: readonly LatePayment[]) => list[0]?.on ?? "";
  return {
    paid:
      paid.length === 0
        ? null
        : { count: paid.length, since: first(paid), days: paid.length === 1 ? (paid[0]?.days ?? null) : null },
    unpaid: unpaid.map((p) => ({ number: p.invoice ?? "", due: p.on })),
    noted: noted.length === 0 ? null : { count: noted.length, since: first(noted) },
  };
}

/** Both letters as drafted from today's data and the owner's chosen reasons. */
export function draftLetters(ctx: Context, wizard: Wizard, facts: WizardFacts): { why: string; next: string } {
  const t = catalogFor(facts.letterLocale);
  const fmt = letterFormatter(facts.letterLocale, ctx.workspace.timezone);
  const chosen = new Set(wizard.texts.reasons ?? []);
  const why = draftWhyLetter(t, fmt, {
    client: facts.client.displayName,
    signer: facts.signer,
    reasons: availableReasons(facts).filter((r) => chosen.has(r.kind)),
  });
  const whyOn = wizard.texts.why ? localDate(new Date(wizard.texts.why.at), ctx.workspace.timezone) : facts.today;
  const next = draftNextLetter(t, fmt, {
    client: facts.client.displayName,
    signer: facts.signer,
    whyOn,
    today: facts.today,
    handoverOn: addDays(facts.today, HANDOVER_DAYS),
    hosted: facts.hosted,
    // What is still owed: the principal, and the charges unless they were waived or settled
    // (the owner chases them unless step 5 writes them off, issue 13 §5).
    unpaid: facts.accounts.unpaid.map((a) => ({
      number: a.invoice.number,
      outstandingMinor: a.outstandingMinor,
      currency: a.invoice.currency,
      dueOn: a.invoice.dueOn,
      charges: { result: a.charges, owedMinor: a.chargesMinor, settledMinor: a.chargesSettledMinor },
    })),
    writtenOff: facts.accounts.invoices
      .filter((a) => a.invoice.status === "void" && a.history.some((e) => e.kind === "write-off"))
      .map((a) => a.invoice.number),
  });
  return { why, next };
}

/** The facts of a wizard's client as of today (its row names the client by id). */
export async function factsFor(ctx: Context, wizard: Wizard): Promise<WizardFacts> {
  const client = await findClientById(ctx.db, ctx.workspace.id, wizard.row.clientId);
  if (!client) throw userError("bad-action", (t) => t.errors.unknownAction);
  return loadWizardFacts(ctx, client, wizard.row.ownerUserId);
}
