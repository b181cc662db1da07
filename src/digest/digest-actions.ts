import { digestInvoice, snoozeInvoice } from "../../db/queries/digest-invoices.ts";
import { parseCommandText } from "../commands/parse-command.ts";
import { commandLookup } from "../commands/registry.ts";
import type { Context } from "../core/context.ts";
import { type ActionDef, defineAction } from "../core/define-action.ts";
import { type Effect, reply } from "../core/effects.ts";
import { addDays, isValidTimeZone, localDate } from "../domain/dates.ts";
import { textMessage } from "../messages/message.ts";
import { PAID_ACTION, SNOOZE_ACTION } from "./build-digest.ts";

export const SNOOZE_DAYS = 3;

/**
 * The invoice a digest or alert button names, if it is still open: ids in
 * button payloads can be forged or stale, so everything is checked again.
 */
async function openInvoice(ctx: Context, params: string[]) {
  const id = Number(params[0]);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = await digestInvoice(ctx.db, ctx.workspace.id, id);
  if (row?.invoice.status !== "open") return undefined;
  return row.invoice;
}

/** A button as a shortcut for a command: the same parsing, guards and answer as typing it. */
async function runCommand(ctx: Context, text: string): Promise<Effect[]> {
  const parsed = parseCommandText(text, commandLookup);
  for (const guard of parsed.command.guards ?? []) await guard(ctx);
  return parsed.command.handler(ctx, parsed.args as never);
}

const notFound = (ctx: Context) => [reply(textMessage(ctx.t.digest.actions.notFound))];

/** "Mark paid": records the invoice as paid in full today, as `/client paid INV-7` would. */
export const digestPaidAction = defineAction({
  name: PAID_ACTION,
  async handler(ctx, params) {
    const invoice = await openInvoice(ctx, params);
    if (!invoice) return notFound(ctx);
    return runCommand(ctx, `paid ${invoice.number}`);
  },
});

/** "Snooze 3 days": no alert and no line in the digest for this invoice until then. */
export const digestSnoozeAction = defineAction({
  name: SNOOZE_ACTION,
  async handler(ctx, params) {
    const invoice = await openInvoice(ctx, params);
    if (!invoice) return notFound(ctx);
    const zone = isValidTimeZone(ctx.workspace.timezone) ? ctx.workspace.timezone : "UTC";
    const until = addDays(localDate(ctx.clock.now(), zone), SNOOZE_DAYS);
    await ctx.db.transaction(async (tx) => {
      await snoozeInvoice(tx, ctx.workspace.id, invoice.id, until);
      await ctx.audit(
        { action: "invoice.snoozed", subjectType: "invoice", subjectId: invoice.id, details: { until } },
        tx,
      );
    });
    return [
      reply(
        textMessage(ctx.t.digest.actions.snoozed({ number: invoice.number, date: ctx.fmt.date(addDays(until, -1)) })),
      ),
    ];
  },
});

export const digestActions: ActionDef[] = [digestPaidAction, digestSnoozeAction];
