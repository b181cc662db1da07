import type { EvidenceRow } from "../../db/queries/evidence.ts";
import type { IncidentRow } from "../../db/queries/incidents.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { RecordBuilder } from "../offboarding/record-document.ts";
import { evidenceAuthor } from "./evidence-author.ts";

/**
 * The record's section of messages kept as evidence: each whole, line by line, with who
 * wrote it, when, and its link. The renderers make it safe (the Markdown escapes it), and
 * the author's name has its mentions broken like everything Tact shows.
 */
export function recordEvidence(
  b: RecordBuilder,
  t: Catalog,
  fmt: Formatter,
  incidents: readonly IncidentRow[],
  evidence: ReadonlyMap<number, EvidenceRow> | undefined,
): void {
  const kept = incidents.flatMap((i) => {
    const e = evidence?.get(i.id);
    return e ? [{ incident: i, evidence: e }] : [];
  });
  if (kept.length === 0) return;
  b.heading(t.evidence.recordSection({ count: kept.length }));
  for (const { incident, evidence: e } of kept) {
    b.heading(
      t.evidence.recordIncident({ kind: t.incidents.kinds[incident.kind], date: fmt.dateTime(incident.occurredAt) }),
      3,
    );
    b.paragraph(t.evidence.recordHeading({ author: evidenceAuthor(t, e), date: fmt.dateTime(e.postedAt) }));
    if (e.text !== "") b.quote(e.text.split("\n"));
    if (e.files > 0)
      b.paragraph(
        e.text === "" ? t.evidence.onlyFiles({ files: e.files }) : t.evidence.recordFiles({ files: e.files }),
      );
    if (e.link) b.paragraph(t.evidence.recordLink({ link: e.link }));
  }
}
