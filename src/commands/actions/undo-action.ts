import { defineAction } from "../../core/define-action.ts";
import { userError } from "../../errors.ts";
import { undoIncident } from "../../incidents/undo-incident.ts";

/** The Undo button under a logged incident: `undo:<incidentId>`. */
export const undoAction = defineAction({
  name: "undo",
  async handler(ctx, params) {
    const id = Number(params[0]);
    if (!Number.isSafeInteger(id) || id <= 0) throw userError("bad-action", (t) => t.errors.unknownAction);
    return undoIncident(ctx, id);
  },
});
