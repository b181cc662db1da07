import { connectFormAction } from "../connectors/connect-source.ts";
import type { ActionDef } from "../core/define-action.ts";
import { digestActions } from "../digest/digest-actions.ts";
import { evidenceFormAction } from "../evidence/evidence-action.ts";
import { remindAction, remindedAction, remindedFormAction } from "../invoices/reminder-actions.ts";
import { resumeAction } from "../invoices/resume-dispute.ts";
import { letterSentAction, letterSentFormAction } from "../offboarding/letter-sent-actions.ts";
import { wizardButtonAction } from "../offboarding/wizard-button-action.ts";
import { wizardFormAction } from "../offboarding/wizard-form-action.ts";
import { undoActions } from "../undo/undo-action.ts";
import { type CommandIndex, indexCommands } from "./command-index.ts";
import type { CommandDef } from "./define-command.ts";
import type { CommandLookup } from "./parse-command.ts";
import { channelCommand } from "./verbs/channel.ts";
import { clientCommands } from "./verbs/client-verbs.ts";
import { configCommand } from "./verbs/config.ts";
import { digestCommand } from "./verbs/digest.ts";
import { exportCommand } from "./verbs/export.ts";
import { helpAction, helpCommandFor } from "./verbs/help.ts";
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
    helpCommandFor(commandIndex),
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

let index: CommandIndex | undefined;

/** The index of commandList(), for help and for the adapters that read a platform's command. */
export function commandIndex(): CommandIndex {
  index ??= indexCommands(commandList());
  return index;
}

export function findCommand(verb: string): CommandDef | undefined {
  return commandIndex().get(verb);
}

export const commandLookup: CommandLookup = {
  get: findCommand,
  /** Names and aliases, for "did you mean…". */
  names: () => commandIndex().names(),
};
