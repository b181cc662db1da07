import { insertEvidence } from "../../db/queries/evidence.ts";
import type { Context } from "../core/context.ts";
import type { Effect } from "../core/effects.ts";
import { startOfLocalDay } from "../domain/dates.ts";
import type { IncidentKind } from "../domain/incident-kinds.ts";
import { logIncident } from "../incidents/log-incident.ts";
import { dayOptions, parseDay } from "../invoices/parse-inputs.ts";

export interface QuoteInput {
  client: string;
  kind: IncidentKind;
  text: string;
  from?: string | undefined;
  at?: string | undefined;
}

/**
 * `/client quote acme conduct "the message" from Dana at 2026-11-20`: the scriptable form of
 * "Log to Tact" (the console, scripts, or a message copied by hand). The text is kept as typed;
 * `at` is the day it was said (its start, in the workspace's time zone), today when left out.
 */
export async function logQuote(ctx: Context, input: QuoteInput): Promise<Effect[]> {
  const now = ctx.clock.now();
  const zone = ctx.workspace.timezone;
  const postedAt = input.at ? startOfLocalDay(parseDay(input.at, "on", dayOptions(ctx)), zone) : now;
  return ctx.db.transaction(async (tx) => {
    const row = await insertEvidence(tx, {
      workspaceId: ctx.workspace.id,
      capturedBy: ctx.user.id,
      platform: ctx.invocation.platform,
      channelId: ctx.invocation.channelId,
      messageId: "",
      text: input.text,
      authorId: null,
      authorName: input.from?.trim() || null,
      postedAt,
      link: null,
      files: 0,
      capturedAt: now,
    });
    return logIncident({ ...ctx, db: tx }, { client: input.client, kind: input.kind, evidenceId: row.id });
  });
}
