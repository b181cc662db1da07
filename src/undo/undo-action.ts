import { type ActionEntry, findAction, findActionOn, recordUndone } from "../../db/queries/actions.ts";
import { memberNames } from "../../db/queries/members.ts";
import type { Context } from "../core/context.ts";
import { type ActionDef, defineAction } from "../core/define-action.ts";
import { type Effect, reply, update } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { textMessage } from "../messages/message.ts";
import { UNDO_WINDOW_MS } from "./undo-kind.ts";
import { undoKindFor } from "./undo-kinds.ts";
import { label, UNDO_CONFIRM, UNDO_KEEP } from "./undo-last.ts";

/**
 * Takes back one action, the one its button names: only by the person who did it, within 10
 * minutes, once. The undo is recorded first (`action.undone`, unique per action): a second
 * press, even at the same moment, finds it there and changes nothing.
 */
export async function undoAction(ctx: Context, entry: ActionEntry | undefined): Promise<Effect[]> {
  const kind = entry && undoKindFor(entry.action);
  if (!entry || !kind) throw userError("nothing-to-undo", (t) => t.undo.nothing);
  const what = await kind.describe(ctx, entry);
  if (entry.actorId !== ctx.user.id) {
    const names = await memberNames(ctx.db, ctx.workspace.id, [entry.actorId]);
    const who = names.get(entry.actorId) ?? entry.actorId;
    throw userError("undo-theirs", (t) => t.undo.theirs({ what, who }));
  }
  if (entry.undoneAt) throw userError("already-undone", (t) => t.undo.alreadyUndone({ what }));
  const now = ctx.clock.now();
  if (now.getTime() - entry.at.getTime() > UNDO_WINDOW_MS) {
    const later = kind.later?.(ctx, entry);
    const time = ctx.fmt.dateTime(entry.at);
    throw userError("undo-too-old", (t) => [t.undo.tooOld({ what, time }), later].filter(Boolean).join(" "));
  }
  const lines = await ctx.db.transaction(async (tx) => {
    if (!(await recordUndone(tx, ctx.workspace.id, entry, ctx.user.id, now, {}))) {
      throw userError("already-undone", (t) => t.undo.alreadyUndone({ what }));
    }
    const done = await kind.withdraw(ctx, tx, entry);
    // Taken back another way meanwhile (the owner reversed the payment): nothing to record.
    if (!done) throw userError("already-undone", (t) => t.undo.alreadyUndone({ what }));
    return done;
  });
  return [update(textMessage([ctx.t.undo.done({ what }), ...lines].join(" ")))];
}

function auditId(params: string[]): number | undefined {
  const id = Number(params[0]);
  return params.length === 1 && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** "Withdraw it" under `/client undo`'s question: `undo-do:<audit entry id>`. */
const confirmUndo = defineAction({
  name: UNDO_CONFIRM,
  async handler(ctx, params) {
    const id = auditId(params);
    return undoAction(ctx, id === undefined ? undefined : await findAction(ctx.db, ctx.workspace.id, id));
  },
});

/** "Keep it": nothing is withdrawn, and the question goes away. */
const keepAction = defineAction({
  name: UNDO_KEEP,
  async handler(ctx, params) {
    const id = auditId(params);
    const entry = id === undefined ? undefined : await findAction(ctx.db, ctx.workspace.id, id);
    const kind = entry && undoKindFor(entry.action);
    const what = entry && kind ? await kind.describe(ctx, entry) : label(ctx.t, "other");
    return [update(textMessage(ctx.t.undo.kept({ what })))];
  },
});

/**
 * The Undo button under a logged incident (`undo:<incident id>`): pressing it is the
 * confirmation, since the message above it says what was logged.
 */
const incidentUndo = defineAction({
  name: "undo",
  async handler(ctx, params) {
    const id = auditId(params);
    const entry =
      id === undefined ? undefined : await findActionOn(ctx.db, ctx.workspace.id, "incident.logged", String(id));
    const effects = await undoAction(ctx, entry);
    // The answer goes under the incident's message, which stays as a record of what was logged.
    return effects.map((e) => (e.type === "update" ? reply(e.message) : e));
  },
});

export const undoActions: ActionDef[] = [incidentUndo, confirmUndo, keepAction];
