import type { IncidentKind } from "../../../db/schema/incidents.ts";
import { logIncident } from "../../incidents/log-incident.ts";
import { clientArg, invoiceArg, noteArg, optional } from "../args.ts";
import { type CommandDef, defineCommand } from "../define-command.ts";

const late = defineCommand({
  name: "late",
  group: "incidents",
  clientFromChannel: true,
  args: { client: clientArg(), invoice: optional(invoiceArg()), note: optional(noteArg()) },
  help: (t) => t.help.verbs.late,
  examples: ["late acme", "late acme INV-7", "late acme INV-7 second reminder ignored"],
  handler: (ctx, a) => logIncident(ctx, { client: a.client, kind: "late", invoiceRef: a.invoice, note: a.note }),
});

/** The kinds whose note says what happened. */
function noteCommand(kind: Exclude<IncidentKind, "late">, examples: readonly string[]): CommandDef {
  return defineCommand({
    name: kind,
    group: "incidents",
    clientFromChannel: true,
    args: { client: clientArg(), note: kind === "flag" || kind === "conduct" ? optional(noteArg()) : noteArg() },
    help: (t) => t.help.verbs[kind],
    examples,
    handler: (ctx, a) => logIncident(ctx, { client: a.client, kind, note: a.note }),
  });
}

export const incidentCommands: CommandDef[] = [
  late,
  noteCommand("scope", ["scope acme added a blog section", 'scope acme "two more landing pages, same deadline"']),
  noteCommand("advice", ["advice acme refused the accessibility fixes"]),
  noteCommand("conduct", ["conduct acme shouted at the designer on the call"]),
  noteCommand("ethics", ["ethics acme asked us to buy backlinks"]),
  noteCommand("flag", ["flag acme insisted on paying only at the end"]),
  noteCommand("note", ["note acme new contact person: Dana"]),
];
