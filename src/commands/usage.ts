import type { Catalog } from "../messages/catalog.ts";
import type { CommandDef } from "./define-command.ts";

/** `/client late <client> [invoice number] [note]`, derived from the definition. */
export function usageOf(cmd: CommandDef, t: Catalog): string {
  const parts = [`/client ${cmd.parent ? `${cmd.parent} ` : ""}${cmd.name}`];
  if (cmd.usage !== undefined) return `${parts[0]} ${cmd.usage}`;
  for (const arg of Object.values(cmd.args)) {
    const label = arg.choices ? arg.choices.join("|") : arg.label(t);
    const value = arg.keyword ? `${arg.keyword} <${label}>` : arg.choices ? label : `<${label}>`;
    parts.push(arg.optional ? `[${value.replace(/^<(.*)>$/, "$1")}]` : value);
  }
  return parts.join(" ");
}
