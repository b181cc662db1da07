import { actionList, commandList } from "../../src/commands/registry.ts";

/** What the composition root gives createCore: every verb and every button. */
export const everyCommand = { commands: commandList(), actions: actionList() };
