import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { textMessage } from "../messages/message.ts";
import { buildRecordFile } from "./export-record.ts";

/** `/client export <client>` (owner only): the written record, sent privately as a file. */
export async function exportClientRecord(ctx: Context, query: string): Promise<Effect[]> {
  const client = await requireClient(ctx, query);
  const file = await buildRecordFile(ctx, client);
  await ctx.audit({ action: "client.exported", subjectType: "client", subjectId: client.id });
  return ctx.invocation.isDm ? [file] : [reply(textMessage(ctx.t.offboarding.exportSent)), file];
}
