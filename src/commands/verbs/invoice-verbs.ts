import type { CommandDef } from "../define-command.ts";
import { connectCommand } from "./connect.ts";
import { creditCommand } from "./credit.ts";
import { disputeCommand } from "./dispute.ts";
import { invoiceCommand } from "./invoice.ts";
import { invoicesCommand } from "./invoices.ts";
import { linkCommand } from "./link.ts";
import { paidCommand } from "./paid.ts";
import { remindCommand } from "./remind.ts";
import { remindedCommand } from "./reminded.ts";
import { resumeCommand } from "./resume.ts";
import { syncCommand } from "./sync.ts";
import { termsCommand } from "./terms.ts";
import { unlinkedCommand } from "./unlinked.ts";
import { unpayCommand } from "./unpay.ts";
import { voidCommand } from "./void.ts";
import { waiveCommand } from "./waive.ts";

/** The invoice verbs (issue #3), in the order help lists them. */
export const invoiceCommands: CommandDef[] = [
  invoiceCommand,
  paidCommand,
  unpayCommand,
  creditCommand,
  invoicesCommand,
  remindCommand,
  remindedCommand,
  disputeCommand,
  resumeCommand,
  voidCommand,
  waiveCommand,
  termsCommand,
  // Invoice sources (issue #17).
  connectCommand,
  linkCommand,
  unlinkedCommand,
  syncCommand,
];
