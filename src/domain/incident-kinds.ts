/** What the team logs about a client (PLAYBOOK.md §1); each one counts in the client's record. */
export const incidentKinds = ["late", "conduct", "advice", "scope", "ethics", "flag", "note"] as const;
export type IncidentKind = (typeof incidentKinds)[number];

/**
 * What a client's written record holds: the incidents, and the lessons the owner drew when
 * letting the client go (PLAYBOOK.md §3, step 8). Lessons are their own kind: shown on the
 * card and in the record, never counted as incidents, so they never raise the risk.
 */
export const entryKinds = [...incidentKinds, "lesson"] as const;
export type EntryKind = (typeof entryKinds)[number];

export function isIncidentKind(kind: EntryKind): kind is IncidentKind {
  return kind !== "lesson";
}
