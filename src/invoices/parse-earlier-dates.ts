import type { Context } from "../core/context.ts";
import { isIsoDate } from "../domain/dates.ts";
import { userError } from "../errors.ts";
import type { Catalog } from "../messages/catalog.ts";

export interface EarlierDatesRule {
  /** One date per stage to confirm. */
  count: number;
  /** Those stages' names, for the message. */
  missing: (t: Catalog) => readonly string[];
  /** A full command to show in the message. */
  example: (t: Catalog) => string;
  number: string;
  dueOn: string;
  today: string;
  /** The day the last stage recorded went out: the confirmed ones come after it. */
  after: string | null;
}

/**
 * `earlier 2026-10-01,2026-10-15`: the day each skipped stage went out, in the order of the
 * stages. Each a real day, not before the due date (nor the last stage recorded), not in the
 * future, in order; else a UserError saying which and why.
 */
export function parseEarlierDates(ctx: Context, text: string, rule: EarlierDatesRule): string[] {
  const { fmt } = ctx;
  const values = text
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length !== rule.count) {
    throw userError("earlier-count", (t) =>
      t.reminders.earlierCount({ count: rule.count, missing: rule.missing(t), example: rule.example(t) }),
    );
  }
  let previous = rule.after;
  for (const value of values) {
    if (!isIsoDate(value)) throw userError("earlier-date", (t) => t.reminders.earlierDate({ value }));
    if (value > rule.today)
      throw userError("earlier-future", (t) => t.reminders.earlierFuture({ date: fmt.date(value) }));
    if (value < rule.dueOn) {
      throw userError("earlier-before-due", (t) =>
        t.reminders.earlierBeforeDue({ date: fmt.date(value), number: rule.number, due: fmt.date(rule.dueOn) }),
      );
    }
    if (previous && value < previous) {
      const before = previous;
      throw userError("earlier-order", (t) =>
        t.reminders.earlierOrder({ date: fmt.date(value), previous: fmt.date(before) }),
      );
    }
    previous = value;
  }
  return values;
}
