import type { EvidenceRow } from "../../db/queries/evidence.ts";
import type { Catalog } from "../messages/catalog.ts";
import { evidenceAuthor } from "./evidence-author.ts";
import { shortQuote } from "./show-quote.ts";

/** How much of a quote a card line shows; the record shows it whole. */
export const CARD_QUOTE_MAX = 140;

/** The card's line under an incident logged from a message (none without one). */
export function cardQuote(t: Catalog, evidence: EvidenceRow | undefined): string[] {
  if (!evidence) return [];
  const quote =
    evidence.text === "" ? t.evidence.onlyFiles({ files: evidence.files }) : shortQuote(evidence.text, CARD_QUOTE_MAX);
  return [t.evidence.cardQuote({ quote, author: evidenceAuthor(t, evidence) })];
}
