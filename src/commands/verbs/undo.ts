import { undoLast } from "../../undo/undo-last.ts";
import { defineCommand } from "../define-command.ts";

export const undoCommand = defineCommand({
  name: "undo",
  group: "other",
  args: {},
  help: (t) => t.undo.help,
  examples: ["undo"],
  handler: (ctx) => undoLast(ctx),
});
