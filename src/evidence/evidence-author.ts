import type { EvidenceRow } from "../../db/queries/evidence.ts";
import type { Catalog } from "../messages/catalog.ts";
import { neutralizeMentions } from "./show-quote.ts";

/** Who wrote the message, as shown: their name, else their id, else "unknown (deleted user?)". */
export function evidenceAuthor(t: Catalog, row: Pick<EvidenceRow, "authorId" | "authorName">): string {
  const name = row.authorName ?? row.authorId;
  return name ? neutralizeMentions(name) : t.evidence.unknownAuthor;
}
