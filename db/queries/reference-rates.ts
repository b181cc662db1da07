import { sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { referenceRates } from "../schema/index.ts";

export interface StoredRate {
  series: string;
  on: string;
  rateE4: number;
  observedOn: string;
  source: string;
  fetchedAt: Date;
}

/**
 * Stores rates read from one fetch, in one statement: a date already stored takes the newly
 * published figure, its source and fetch time.
 */
export async function saveFetchedRates(db: Db, rows: readonly StoredRate[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(referenceRates)
    .values([...rows])
    .onConflictDoUpdate({
      target: [referenceRates.series, referenceRates.on],
      set: {
        rateE4: sql`excluded.rate_e4`,
        observedOn: sql`excluded.observed_on`,
        source: sql`excluded.source`,
        fetchedAt: sql`excluded.fetched_at`,
      },
    });
}

/** Every fetched rate, oldest reference date first. */
export async function fetchedRates(db: Db): Promise<StoredRate[]> {
  return db.select().from(referenceRates).orderBy(referenceRates.series, referenceRates.on);
}
