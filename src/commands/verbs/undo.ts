import { undoIncident } from "../../incidents/undo-incident.ts";
import { defineCommand } from "../define-command.ts";

export const undoCommand = defineCommand({
  name: "undo",
  group: "incidents",
  args: {},
  help: (t) => t.help.verbs.undo,
  examples: ["undo"],
  handler: (ctx) => undoIncident(ctx),
});
