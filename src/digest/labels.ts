import type { Catalog } from "../messages/catalog.ts";

/** A reminder stage's name in the workspace's language. */
export function stageLabel(_t: Catalog, name: string): string {
  return name;
}

/** A risk level's name in the workspace's language. */
export function riskLabel(_t: Catalog, level: string): string {
  return level;
}
