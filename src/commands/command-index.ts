import { catalogFor } from "../messages/catalog.ts";
import { locales } from "../messages/locale.ts";
import type { CommandDef } from "./define-command.ts";
import type { CommandLookup } from "./parse-command.ts";
import { verbKey } from "./verb-key.ts";

/** The commands a core runs, found by name or by each catalog's aliases (`retard` is `late`). */
export interface CommandIndex extends CommandLookup {
  readonly list: readonly CommandDef[];
}

export function indexCommands(list: readonly CommandDef[]): CommandIndex {
  const byName = new Map(list.map((c) => [c.name, c]));
  const shown = [...byName.keys()];
  for (const locale of locales) {
    const aliases = catalogFor(locale).help.aliases;
    for (const command of list) {
      for (const word of aliases(command.name)) {
        if (byName.has(verbKey(word))) continue;
        byName.set(verbKey(word), command);
        shown.push(word);
      }
    }
  }
  return {
    list,
    /** A verb, or a verb and its subcommand (`config lang`, as Discord names it). */
    get(verb) {
      const [first = "", sub] = verb.trim().split(/\s+/);
      const command = byName.get(verbKey(first));
      if (sub === undefined) return command;
      return command?.subcommands?.find((s) => verbKey(s.name) === verbKey(sub));
    },
    names: () => shown,
  };
}
