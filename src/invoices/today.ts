import type { Context } from "../core/context.ts";
import { localDate } from "../domain/dates.ts";

/** Today in the workspace's time zone: days late and interest are counted in local days. */
export function today(ctx: Context): string {
  return localDate(ctx.clock.now(), ctx.workspace.timezone);
}
