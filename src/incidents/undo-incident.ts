import { findClientById } from "../../db/queries/clients.ts";
import { findIncident, type IncidentRow, lastIncidentBy, withdrawIncident } from "../../db/queries/incidents.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";

export const UNDO_WINDOW_MS = 10 * 60_000;

/**
 * Withdraws the invoker's own incident (the last one, or the one whose undo button was
 * pressed) if it was logged within the last 10 minutes. Never deletes: the row is stamped
 * withdrawn and the audit log says who did it.
 */
export async function undoIncident(ctx: Context, incidentId?: number): Promise<Effect[]> {
  const candidate =
    incidentId === undefined
      ? await lastIncidentBy(ctx.db, ctx.workspace.id, ctx.user.id)
      : await findIncident(ctx.db, ctx.workspace.id, incidentId);
  const now = ctx.clock.now();
  if (!candidate || !canUndo(candidate, ctx.user.id, now)) {
    throw userError("nothing-to-undo", (t) => t.incidents.nothingToUndo);
  }
  const withdrawn = await ctx.db.transaction(async (tx) => {
    const ok = await withdrawIncident(tx, ctx.workspace.id, candidate.id, ctx.user.id, now);
    if (ok) {
      await ctx.audit(
        {
          action: "incident.withdrawn",
          subjectType: "incident",
          subjectId: candidate.id,
          details: { kind: candidate.kind },
        },
        tx,
      );
    }
    return ok;
  });
  if (!withdrawn) throw userError("nothing-to-undo", (t) => t.incidents.nothingToUndo);
  const client = await findClientById(ctx.db, ctx.workspace.id, candidate.clientId);
  return [
    reply(
      textMessage(
        ctx.t.incidents.withdrawn({
          kind: ctx.t.incidents.kinds[candidate.kind],
          client: client?.displayName ?? "?",
          date: ctx.fmt.dateTime(candidate.createdAt),
        }),
      ),
    ),
  ];
}

function canUndo(incident: IncidentRow, userId: string, now: Date): boolean {
  return (
    incident.reporterId === userId &&
    incident.withdrawnAt === null &&
    now.getTime() - incident.createdAt.getTime() <= UNDO_WINDOW_MS
  );
}
