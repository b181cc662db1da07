import { pendingEvidence } from "../../db/queries/evidence.ts";
import { noteArg } from "../commands/args.ts";
import { checkArg } from "../commands/parse-command.ts";
import { verbKey } from "../commands/verb-key.ts";
import { defineAction } from "../core/define-action.ts";
import { type IncidentKind, incidentKinds } from "../domain/incident-kinds.ts";
import { aboutField, userError } from "../errors.ts";
import { logIncident } from "../incidents/log-incident.ts";
import { catalogFor } from "../messages/catalog.ts";
import { locales } from "../messages/locale.ts";
import { EVIDENCE_FORM } from "./start-evidence.ts";

/**
 * The "Log to Tact" form submitted: the incident is logged with the message kept when the
 * form opened. Only the person who opened it may submit it, once, in their own workspace:
 * the id in the form is checked against all three, and the client is looked up in the
 * workspace the request comes from, so a forged id or name cannot reach another's client.
 */
export const evidenceFormAction = defineAction({
  name: EVIDENCE_FORM,
  async handler(ctx, params, values = {}) {
    const id = Number(params[0]);
    const row = Number.isSafeInteger(id) ? await pendingEvidence(ctx.db, ctx.workspace.id, id, ctx.user.id) : undefined;
    if (!row) throw userError("evidence-gone", (t) => t.evidence.gone);
    const kind = await aboutField("kind", () => kindOf(values.kind ?? ""));
    const note = (values.note ?? "").trim();
    const checked = note === "" ? undefined : await aboutField("note", () => checkArg(noteArg(), note));
    return logIncident(ctx, {
      client: (values.client ?? "").trim(),
      kind,
      note: checked,
      evidenceId: row.id,
    });
  },
});

/** A kind as chosen (Slack's list) or typed (Discord): `scope`, or a command's other name (`retard`). */
function kindOf(typed: string): IncidentKind {
  const word = verbKey(typed.trim());
  const named = (k: IncidentKind) => [k, ...locales.flatMap((l) => catalogFor(l).help.aliases(k))].map(verbKey);
  const kind = incidentKinds.find((k) => named(k).includes(word));
  if (kind) return kind;
  throw userError("evidence-kind", (t) => t.evidence.unknownKind({ value: typed, kinds: incidentKinds.join(", ") }));
}
