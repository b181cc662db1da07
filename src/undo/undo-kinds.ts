import { undoIncident } from "./undo-incident.ts";
import { undoInvoice } from "./undo-invoice.ts";
import type { UndoKind } from "./undo-kind.ts";
import { undoPayment } from "./undo-payment.ts";
import { undoSetting } from "./undo-setting.ts";

const kinds: readonly UndoKind[] = [undoIncident, undoInvoice, undoPayment, undoSetting];

/** The kind that takes back this audit action, if `/client undo` can. */
export function undoKindFor(action: string): UndoKind | undefined {
  return kinds.find((k) => k.actions.includes(action));
}
