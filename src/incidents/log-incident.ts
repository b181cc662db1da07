import type { Db } from "../../db/database.ts";
import { attachEvidence } from "../../db/queries/evidence.ts";
import { type LoggedIncident, logIncidentAudited } from "../../db/queries/incidents.ts";
import { findInvoiceByNumber } from "../../db/queries/invoices.ts";
import type { IncidentKind } from "../../db/schema/incidents.ts";
import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { localDate, startOfLocalDay } from "../domain/dates.ts";
import { RECENT_DAYS, windowStart } from "../domain/windows.ts";
import { aboutField, userError } from "../errors.ts";
import { message } from "../messages/message.ts";

export interface LogIncidentInput {
  client: string;
  kind: IncidentKind;
  note?: string | undefined;
  invoiceRef?: string | undefined;
  /** A captured message ("Log to Tact") this incident is logged with. */
  evidenceId?: number | undefined;
}

/** Logs one incident and confirms privately to the reporter, with an undo button. */
export async function logIncident(ctx: Context, input: LogIncidentInput): Promise<Effect[]> {
  const client = await aboutField("client", () => requireClient(ctx, input.client));
  const now = ctx.clock.now();
  // `/client late acme INV-7` links the recorded invoice, so the late payment counts once.
  const invoice = input.invoiceRef ? await findInvoiceByNumber(ctx.db, ctx.workspace.id, input.invoiceRef) : undefined;
  const invoiceId = invoice?.clientId === client.id ? invoice.id : null;
  const incident = await withEvidence(ctx, input.evidenceId, (db) =>
    logIncidentAudited(
      db,
      {
        workspaceId: ctx.workspace.id,
        clientId: client.id,
        kind: input.kind,
        note: input.note ?? null,
        invoiceRef: input.invoiceRef ?? null,
        invoiceId,
        reporterId: ctx.user.id,
        source: ctx.invocation.platform,
        occurredAt: now,
        createdAt: now,
      },
      { actorId: ctx.user.id, details: { kind: input.kind, client: client.slug, evidence: input.evidenceId } },
      // The card's window: the last 90 local days, from the first one's midnight.
      startOfLocalDay(windowStart(localDate(now, ctx.workspace.timezone), RECENT_DAYS), ctx.workspace.timezone),
    ),
  );
  // Late payments count one per invoice, overdue invoices included: only the whole record can
  // say how many, which would cost each command far more than logging it (a thousand at once
  // would each read a thousand). The card says it; this confirmation gives no number rather
  // than a different one (issue #21).
  const count90 = input.kind === "late" ? 0 : incident.count;
  const { t } = ctx;
  const kind = t.incidents.kinds[input.kind];
  const what = input.invoiceRef ? `${kind} (${t.incidents.onInvoice({ invoice: input.invoiceRef })})` : kind;
  const text = t.incidents.logged({ kind: what, client: client.displayName, count90 });
  return [
    reply(
      message(text)
        .text(text)
        .context(t.incidents.undoHint)
        .buttons([{ id: `undo:${incident.id}`, label: t.incidents.undoButton }])
        .build(),
    ),
  ];
}

/** Logs the incident, and ties the captured message to it in the same transaction (once). */
async function withEvidence(
  ctx: Context,
  evidenceId: number | undefined,
  log: (db: Db) => Promise<LoggedIncident>,
): Promise<LoggedIncident> {
  if (evidenceId === undefined) return log(ctx.db);
  return ctx.db.transaction(async (tx) => {
    const incident = await log(tx);
    if (!(await attachEvidence(tx, ctx.workspace.id, evidenceId, incident.id)))
      throw userError("evidence-gone", (t) => t.evidence.gone);
    return incident;
  });
}
