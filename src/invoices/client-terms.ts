import { type ClientRow, updateClient } from "../../db/queries/clients.ts";
import { updateWorkspace } from "../../db/queries/workspaces.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import {
  annualRateE4,
  halfYearStart,
  readStoredTerms,
  resolveTerms,
  type StoredTerms,
  type TermKey,
  type Terms,
  ukReferenceDate,
} from "../domain/charges/index.ts";
import { addDays } from "../domain/dates.ts";
import { loadReferenceRates, PERCENT_SCALE, rateOn } from "../domain/reference-rates.ts";
import { stagesFor } from "../domain/stages.ts";
import { userError } from "../errors.ts";
import { type Message, message } from "../messages/message.ts";
import { describeNote } from "./explain-charges.ts";
import { parseTermWords, type TermWords } from "./parse-terms.ts";
import { today } from "./today.ts";

/** `/client terms acme`: the resolved terms, each saying where it comes from. */
export function showTerms(ctx: Context, client: ClientRow): Effect[] {
  return [reply(termsMessage(ctx, client))];
}

/** `/client terms acme law fr rate 12%/y …`: validates everything first, then stores it. */
export async function setClientTerms(ctx: Context, client: ClientRow, words: TermWords): Promise<Effect[]> {
  const changes = parseTermWords(words);
  if (Object.keys(changes).length === 0) return showTerms(ctx, client);
  const stored = { ...readStoredTerms(client.terms), ...changes };
  const { language, ...forJson } = stored;
  const after = resolveTerms(ctx.workspace.defaultTerms, { ...client, terms: forJson, ...columnsOf(changes) }).terms;
  checkFee(after, changes);
  const columns = {
    terms: forJson as Record<string, unknown>,
    ...(changes.hosted !== undefined ? { hosted: changes.hosted } : {}),
    ...(language !== undefined ? { language } : {}),
  };
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateClient(tx, ctx.workspace.id, client.id, columns);
    await ctx.audit({ action: "client.terms", subjectType: "client", subjectId: client.id, details: { changes } }, tx);
    return row;
  });
  const summary = ctx.t.invoices.terms.updated({
    client: client.displayName,
    changes: describeChanges(ctx, changes, after),
  });
  return [reply(termsMessage(ctx, updated ?? client, summary))];
}

/** `/client config terms law fr …`: the workspace's defaults (owner only, checked by the setting). */
export async function setWorkspaceTerms(ctx: Context, words: TermWords): Promise<Effect[]> {
  const changes = parseTermWords(words);
  if (Object.keys(changes).length === 0) return [reply(termsMessage(ctx, undefined))];
  const stored = { ...readStoredTerms(ctx.workspace.defaultTerms), ...changes };
  const after = resolveTerms(stored).terms;
  checkFee(after, changes);
  const workspace = await ctx.db.transaction(async (tx) => {
    const row = await updateWorkspace(tx, ctx.workspace.id, { defaultTerms: stored as Record<string, unknown> });
    // `from` and `to` let `/client undo` set them back.
    await ctx.audit({ action: "config.terms", details: { changes, from: ctx.workspace.defaultTerms, to: stored } }, tx);
    return row;
  });
  const summary = ctx.t.invoices.terms.workspaceUpdated({ changes: describeChanges(ctx, changes, after) });
  return [reply(termsMessage({ ...ctx, workspace }, undefined, summary))];
}

/** A flat fee belongs to contract terms: the statutory ones set their own. */
function checkFee(terms: Terms, changes: StoredTerms): void {
  if (changes.fee && terms.law !== "contract") {
    const law = terms.law;
    throw userError("invalid.fee-law", (t) =>
      t.invoices.terms.errors.feeNotContract({ law: t.invoices.laws[law], none: law === "none" }),
    );
  }
}

/** The changes in words, each value as it now applies (`after`: the terms once changed). */
function describeChanges(ctx: Context, changes: StoredTerms, after: Terms): string {
  const { t } = ctx;
  const v = valueTexts(ctx, after);
  const names: Record<TermKey, string> = {
    law: t.invoices.argNames.law,
    rate: t.invoices.argNames.rate,
    fee: t.invoices.argNames.fee,
    hosted: t.invoices.argNames.hosted,
    language: t.invoices.argNames.lang,
    stages: t.invoices.argNames.stages,
    paymentDays: t.invoices.argNames.term,
  };
  return (Object.keys(changes) as TermKey[])
    .map((key) => {
      const raw = changes[key];
      const value =
        raw === null ? t.invoices.terms.cleared : key === "law" ? t.invoices.lawNames[changes.law ?? "none"] : v[key];
      return t.invoices.terms.change({ what: names[key], value });
    })
    .join(", ");
}

/** The terms that also live in columns of `clients` (hosted, language), as changed. */
function columnsOf(changes: StoredTerms): { hosted?: boolean; language?: string } {
  return {
    ...(changes.hosted !== undefined ? { hosted: changes.hosted } : {}),
    ...(changes.language !== undefined ? { language: changes.language } : {}),
  };
}

/** Each setting's value in words. */
function valueTexts(ctx: Context, terms: Terms): Record<TermKey, string> {
  const { t, fmt } = ctx;
  const tt = t.invoices.terms;
  const pct = (e4: number) => fmt.percent(e4 / PERCENT_SCALE, 4);
  const rates = loadReferenceRates();
  const day = today(ctx);
  let interest: string;
  if (terms.rate) {
    interest =
      terms.rate.per === "month"
        ? t.invoices.charges.basis.contractMonth({
            rate: pct(terms.rate.percentE4),
            yearly: pct(annualRateE4(terms.rate)),
          })
        : t.invoices.charges.basis.contractYear({ rate: pct(terms.rate.percentE4) });
  } else if (terms.law === "fr" || terms.law === "eu") {
    const points = terms.law === "fr" ? 10 : 8;
    const reference = rateOn(rates, "ecb-mro", halfYearStart(day));
    interest = tt.interestByLaw({
      rule: tt.ecbRule({ points }),
      current: reference === undefined ? null : pct(reference + points * PERCENT_SCALE),
    });
  } else if (terms.law === "uk") {
    const reference = rateOn(rates, "boe-base", ukReferenceDate(addDays(day, 1)));
    interest = tt.interestByLaw({
      rule: tt.boeRule,
      current: reference === undefined ? null : pct(reference + 8 * PERCENT_SCALE),
    });
  } else {
    interest = tt.none;
  }
  const fee =
    terms.law === "fr" || terms.law === "eu"
      ? tt.feeFr
      : terms.law === "uk"
        ? tt.feeUk
        : terms.law === "contract" && terms.fee
          ? terms.fee.currency === null
            ? tt.feeNoCurrency({ fee: terms.fee.major })
            : tt.feeContract({ fee: fmt.money(terms.fee.minor, terms.fee.currency), currency: terms.fee.currency })
          : tt.none;
  const stages = stagesFor(terms.stages, true)
    .map((s) =>
      s.kind === "suspension" && !terms.hosted
        ? tt.stageSkipped({ day: s.day, kind: t.invoices.stageKinds[s.kind] })
        : tt.stageItem({ day: s.day, kind: t.invoices.stageKinds[s.kind] }),
    )
    .join(", ");
  const language = terms.language
    ? t.reminders.languages[terms.language]
    : tt.workspaceLanguage({ lang: t.reminders.languages[ctx.locale] });
  return {
    law: t.invoices.laws[terms.law],
    rate: interest,
    fee,
    paymentDays: tt.days({ days: terms.paymentDays }),
    stages: tt.stageList({ stages }),
    hosted: terms.hosted ? tt.yes : tt.no,
    language,
  };
}

/** The resolved terms of a client (or the workspace's defaults), with the source of each value. */
function termsMessage(ctx: Context, client: ClientRow | undefined, summary?: string): Message {
  const { t, fmt } = ctx;
  const tt = t.invoices.terms;
  const { terms, sources } = resolveTerms(ctx.workspace.defaultTerms, client);
  const v = valueTexts(ctx, terms);
  const title = client ? tt.title({ client: client.displayName }) : tt.workspaceTitle;
  const m = message(summary ?? title);
  if (summary) m.text(summary);
  m.header(title);
  // Interest and fee follow the law unless the terms set their own.
  const sourceOf = (key: TermKey): TermKey =>
    (key === "rate" && !terms.rate) || (key === "fee" && !terms.fee) ? "law" : key;
  const src = (key: TermKey) => (client ? ` (${tt.sources[sources[sourceOf(key)]]})` : "");
  const rows: [string, TermKey][] = [
    [tt.law, "law"],
    [tt.interest, "rate"],
    [tt.fee, "fee"],
    [tt.paymentDays, "paymentDays"],
    [tt.stages, "stages"],
    [tt.hosted, "hosted"],
  ];
  if (client) rows.push([tt.language, "language"]);
  m.inLocale(ctx.t.locale).fields(rows.map(([label, key]) => ({ label, value: `${v[key]}${src(key)}` })));
  // France: an agreed rate below 3 × the taux d'intérêt légal is worth a warning.
  if (terms.law === "fr" && terms.rate) {
    const legalOn = halfYearStart(today(ctx));
    const legal = rateOn(loadReferenceRates(), "fr-legal", legalOn);
    const rateE4 = annualRateE4(terms.rate);
    if (legal !== undefined && rateE4 < 3 * legal) {
      m.context(
        describeNote(
          { kind: "belowLegalMinimum", rateE4, minimumE4: 3 * legal, legalOn },
          t,
          fmt,
          client?.slug ?? "",
          "",
        ),
      );
    }
  }
  return m.build();
}

/**
 * The workspace's default terms in one line, for `/client config`: the law and the payment
 * term (of `stored` defaults, when given: what an earlier value was).
 */
export function workspaceTermsSummary(ctx: Context, stored: unknown = ctx.workspace.defaultTerms): string {
  const { terms } = resolveTerms(stored);
  const v = valueTexts(ctx, terms);
  return ctx.t.config.values.terms({ law: v.law, term: v.paymentDays });
}
