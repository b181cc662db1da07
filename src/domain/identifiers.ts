/**
 * The shapes of the names people type: a client's short name (slug) and an invoice number.
 * The commands parse with them, the importer and the lookups check with them.
 */

/** `acme`, `acme-corp`: 3 to 40 lowercase letters, digits and inner dashes. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;

/** `INV-7`, `#2026/014`: up to 41 characters, starting with a letter or digit. */
export const INVOICE_NUMBER = /^#?[A-Za-z0-9][A-Za-z0-9\-/._#]{0,39}$/;

/** Looks like an invoice number rather than the first word of a note: has a digit, no lowercase-only word. */
export function looksLikeInvoiceNumber(token: string): boolean {
  return INVOICE_NUMBER.test(token) && /\d/.test(token) && !/^\d{1,2}$/.test(token);
}
