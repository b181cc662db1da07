import { requireClient } from "../clients/require-client.ts";
import type { Context } from "../core/context.ts";
import { type Effect, reply } from "../core/effects.ts";
import { textMessage } from "../messages/message.ts";
import { buildRecordFile } from "./export-record.ts";

/** `/client export <client>` (owner only): the written record, sent privately as a file. */
export async function exportClientRecord(ctx: Context, query: string): Promise<Effect[]> {
  const client = await requireClient(ctx, query);
  const file: Effect = {
    ...(await buildRecordFile(ctx, client)),
    // Recorded once the file is complete where it was sent, not when it was built.
    delivered: () => ctx.audit({ action: "client.exported", subjectType: "client", subjectId: client.id }),
  };
  // "I sent you the record" comes after the file, so it is only said when it is true.
  return ctx.invocation.isDm ? [file] : [file, reply(textMessage(ctx.t.offboarding.exportSent))];
}
