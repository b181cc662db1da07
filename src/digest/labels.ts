import type { Catalog } from "../messages/catalog.ts";

/** A reminder stage's name in the workspace's language ("second reminder", "relance avec pénalités"…). */
export function stageLabel(t: Catalog, kind: string): string {
  return (t.invoices.stageKinds as Record<string, string>)[kind] ?? kind;
}
