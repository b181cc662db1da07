/**
 * The late-payment charge engine (DESIGN.md §4), pure: invoices, payments, terms, a day and
 * the reference rates in; amounts with their explanation out. Used by the invoice commands,
 * the client card, the digest and alerts, and the offboarding wizard.
 *
 *   const rates = loadReferenceRates();
 *   const { terms } = resolveTerms(workspace.defaultTerms, client);
 *   const result = computeCharges({ invoice, payments, terms, asOf: "2025-03-02", rates });
 *   result.interestMinor, result.fee, result.segments (rate, days, basis, legal reference)
 */
export type {
  ChargeInvoice,
  ChargeNote,
  ChargePayment,
  ChargeResult,
  InterestSegment,
  LegalReference,
  Pause,
  RateBasis,
  RecoveryFee,
} from "./charge-types.ts";
export { type ChargeInput, computeCharges } from "./compute-charges.ts";
export { halfYearStart, nextHalfYearStart, ukReferenceDate } from "./half-years.ts";
export { formatPause, parsePauses } from "./pauses.ts";
export {
  annualRateE4,
  type ClientTermsSource,
  type ContractFee,
  type ContractRate,
  DEFAULT_TERMS,
  type Law,
  laws,
  MAX_PAYMENT_DAYS,
  MAX_STAGE_DAY,
  MAX_STAGES,
  type ResolvedTerms,
  readStoredTerms,
  resolveTerms,
  type StoredTerms,
  type TermKey,
  type TermSource,
  type Terms,
} from "./terms.ts";
