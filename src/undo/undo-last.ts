import { type ActionEntry, findAction, lastActionBy, UNDONE_ACTION } from "../../db/queries/actions.ts";
import type { Context } from "../core/context.ts";
import { actionId } from "../core/define-action.ts";
import { type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import { UNDO_WINDOW_MS } from "./undo-kind.ts";
import { undoKindFor } from "./undo-kinds.ts";

export const UNDO_CONFIRM = "undo-do";
export const UNDO_KEEP = "undo-keep";

/**
 * `/client undo`: finds the invoker's last action and says exactly what undoing it would
 * withdraw, with a button to confirm. It never reaches past the last action: when that one
 * cannot be taken back (or already was), it says so and stops there.
 */
export async function undoLast(ctx: Context): Promise<Effect[]> {
  const now = ctx.clock.now();
  const last = await lastActionBy(ctx.db, ctx.workspace.id, ctx.user.id, new Date(now.getTime() - UNDO_WINDOW_MS));
  if (!last) throw userError("nothing-to-undo", (t) => t.undo.nothing);
  const time = ctx.fmt.dateTime(last.at);
  if (last.action === UNDONE_ACTION) {
    const undone = await findAction(ctx.db, ctx.workspace.id, Number(last.subjectId));
    const what = (undone && (await describeAction(ctx, undone))) ?? label(ctx.t, "other");
    throw userError("last-was-undo", (t) => t.undo.lastWasUndo({ what, time }));
  }
  const kind = undoKindFor(last.action);
  if (!kind) throw userError("not-undoable", (t) => t.undo.notUndoable({ what: label(t, last.action), time }));
  const what = await kind.describe(ctx, last);
  if (last.undoneAt) throw userError("already-undone", (t) => t.undo.alreadyUndone({ what }));
  const text = ctx.t.undo.confirm({ what, time });
  return [
    reply(
      message(text)
        .text(text)
        .buttons([
          { id: actionId(UNDO_CONFIRM, last.id), label: ctx.t.undo.confirmButton, style: "danger", role: "confirm" },
          { id: actionId(UNDO_KEEP, last.id), label: ctx.t.undo.keepButton, role: "cancel" },
        ])
        .build(),
    ),
  ];
}

/** What an action did, in words, when undo can take it back (else undefined). */
export async function describeAction(ctx: Context, entry: ActionEntry): Promise<string | undefined> {
  return undoKindFor(entry.action)?.describe(ctx, entry);
}

/** An action undo cannot take back, named for the person who did it. */
export function label(t: Context["t"], action: string): string {
  const labels = t.undo.labels;
  if (Object.hasOwn(labels, action)) return labels[action] ?? labels.other ?? "";
  if (action.startsWith("offboarding.")) return labels.offboarding ?? "";
  return labels.other ?? "";
}
