import { date, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Reference rates fetched from the central banks (ECB, Bank of England): the rate in force on
 * each reference date, with where it came from and when. Not scoped by workspace: the same
 * published figures serve every workspace. Shipped rates stay in the repository (offline
 * fallback); an operator's TACT_RATES_FILE wins over both.
 */
export const referenceRates = pgTable(
  "reference_rates",
  {
    series: text("series").notNull(),
    on: date("on", { mode: "string" }).notNull(),
    /** Ten-thousandths of a percent (4.25% → 42 500), as in the charge engine. */
    rateE4: integer("rate_e4").notNull(),
    /** The observation it was read from (the change date, or the last business day). */
    observedOn: date("observed_on", { mode: "string" }).notNull(),
    /** The URL it was fetched from. */
    source: text("source").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.on] })],
);
