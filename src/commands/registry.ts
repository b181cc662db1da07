import { connectFormAction } from "../connectors/connect-source.ts";
import type { ActionDef } from "../core/define-action.ts";
import { digestActions } from "../digest/digest-actions.ts";
import { evidenceFormAction } from "../evidence/evidence-action.ts";
import { resumeAction } from "../invoices/resume-dispute.ts";
import { catalogFor } from "../messages/catalog.ts";
import { locales } from "../messages/locale.ts";
import { wizardButtonAction, wizardFormAction } from "../offboarding/wizard-actions.ts";
import { undoActions } from "../undo/undo-action.ts";
import { letterSentAction, letterSentFormAction } from "./actions/letter-sent-actions.ts";
import { remindAction, remindedAction, remindedFormAction } from "./actions/reminder-actions.ts";
import type { CommandDef } from "./define-command.ts";
import { verbKey } from "./verb-key.ts";
import { channelCommand } from "./verbs/channel.ts";
import { clientCommands } from "./verbs/client-verbs.ts";
import { configCommand } from "./verbs/config.ts";
import { digestCommand } from "./verbs/digest.ts";
import { exportCommand } from "./verbs/export.ts";
import { helpAction, helpCommand } from "./verbs/help.ts";
import { incidentCommands } from "./verbs/incident-verbs.ts";
import { invoiceCommands } from "./verbs/invoice-verbs.ts";
import { listCommand } from "./verbs/list.ts";
import { offboardCommand } from "./verbs/offboard.ts";
import { quoteCommand } from "./verbs/quote.ts";
import { showCommand } from "./verbs/show.ts";
import { undoCommand } from "./verbs/undo.ts";
import { unpayAction } from "./verbs/unpay.ts";

/** Every `/client` verb, in the order help lists them. Add a verb here to expose it everywhere. */
export function commandList(): CommandDef[] {
  return [
    ...incidentCommands,
    quoteCommand,
    undoCommand,
    ...clientCommands,
    channelCommand,
    showCommand,
    listCommand,
    ...invoiceCommands,
    offboardCommand,
    exportCommand,
    digestCommand,
    configCommand,
    helpCommand,
  ];
}

/** Every button/form handler, by the first part of its action id. */
export function actionList(): ActionDef[] {
  return [
    ...undoActions,
    unpayAction,
    wizardButtonAction,
    wizardFormAction,
    letterSentAction,
    letterSentFormAction,
    ...digestActions,
    remindAction,
    remindedAction,
    remindedFormAction,
    resumeAction,
    connectFormAction,
    helpAction,
    evidenceFormAction,
  ];
}

let byName: Map<string, CommandDef> | undefined;
let shownNames: string[] | undefined;

/** Every verb by its name and by each catalog's aliases for it (`retard` is `late`). */
function verbs(): Map<string, CommandDef> {
  if (byName) return byName;
  const map = new Map(commandList().map((c) => [c.name, c]));
  const shown = [...map.keys()];
  for (const locale of locales) {
    const aliases = catalogFor(locale).help.aliases;
    for (const command of commandList()) {
      for (const word of aliases(command.name)) {
        if (map.has(verbKey(word))) continue;
        map.set(verbKey(word), command);
        shown.push(word);
      }
    }
  }
  shownNames = shown;
  byName = map;
  return map;
}

export function findCommand(verb: string): CommandDef | undefined {
  return verbs().get(verbKey(verb));
}

export const commandLookup = {
  get: findCommand,
  /** Names and aliases, for "did you mean…". */
  names: () => {
    verbs();
    return shownNames ?? [];
  },
};
