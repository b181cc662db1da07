import type { Effect } from "../../src/core/effects.ts";

/** The Markdown record among the effects (`/client export`, the wizard's record step). */
export function markdownRecord(effects: Effect[]): string {
  const file = effects.find((e) => e.type === "file");
  if (file?.type !== "file") throw new Error(`no file in ${JSON.stringify(effects.map((e) => e.type))}`);
  const markdown = file.files[0]?.content;
  if (typeof markdown !== "string") throw new Error("no Markdown record");
  return markdown;
}
