import { findClientById } from "../../db/queries/clients.ts";
import { findIncident, withdrawIncident } from "../../db/queries/incidents.ts";
import type { UndoKind } from "./undo-kind.ts";

const NOTE_CHARS = 60;

/** An incident logged by mistake: stamped withdrawn (never deleted), off the card and the counts. */
export const undoIncident: UndoKind = {
  actions: ["incident.logged"],
  async describe(ctx, entry) {
    const incident = await findIncident(ctx.db, ctx.workspace.id, Number(entry.subjectId));
    const client = incident && (await findClientById(ctx.db, ctx.workspace.id, incident.clientId));
    const kind = incident ? ctx.t.incidents.kinds[incident.kind] : String(entry.details.kind ?? "");
    const note = incident?.note?.replace(/\s+/g, " ").trim() ?? "";
    return ctx.t.undo.what.incident({
      kind: incident?.invoiceRef ? `${kind} (${ctx.t.incidents.onInvoice({ invoice: incident.invoiceRef })})` : kind,
      client: client?.displayName ?? ctx.t.undo.what.unknownClient,
      note: note === "" ? null : note.length > NOTE_CHARS ? `${note.slice(0, NOTE_CHARS - 1)}…` : note,
    });
  },
  async withdraw(ctx, tx, entry) {
    const withdrawn = await withdrawIncident(
      tx,
      ctx.workspace.id,
      Number(entry.subjectId),
      ctx.user.id,
      ctx.clock.now(),
    );
    return withdrawn ? [] : undefined;
  },
};
