import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimDeliveries, type PlannedDelivery } from "../../db/queries/digest-deliveries.ts";
import { claimRounds } from "../../db/queries/digest-rounds.ts";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";

/**
 * The scheduler's claims at a scale where one SQL statement cannot carry them: PostgreSQL
 * takes at most 65,535 parameters a statement. The digest benchmark (1,000 workspaces due,
 * 8,000 alerts) found every round failing there, every tick.
 */
const h = useHarness();
const claimer = () => ({
  by: "scale-test",
  now: h.clock.now(),
  leaseEnd: new Date(h.clock.now().getTime() + 600_000),
});

async function makeWorkspaces(count: number): Promise<number[]> {
  await h.db.db.execute(
    sql`insert into workspaces (platform, external_id, owner_user_id)
        select 'slack', 'TSCALE' || g, 'U0OWNER' from generate_series(1, ${count}::int) g`,
  );
  const rows = await queryRows<{ id: number }>(h.db.db, sql`select id from workspaces order by id`);
  return rows.map((r) => Number(r.id));
}

describe("scheduler claims at scale", () => {
  it("claims 10,000 deliveries in one tick, each once", async () => {
    const [workspaceId] = await makeWorkspaces(1);
    const planned: PlannedDelivery[] = Array.from({ length: 10_000 }, (_, i) => ({
      workspaceId: workspaceId ?? 0,
      kind: "alert",
      key: `${i}:1`,
      payload: { n: i },
    }));
    const first = await claimDeliveries(h.db.db, planned, claimer());
    expect(first).toHaveLength(10_000);
    expect(new Set(first.map((d) => d.key)).size).toBe(10_000);
    expect(await claimDeliveries(h.db.db, planned, claimer())).toHaveLength(0);
  }, 120_000);

  it("claims the rounds of 9,000 workspaces due at the same minute, each once", async () => {
    const ids = await makeWorkspaces(9_000);
    const due = ids.map((workspaceId) => ({ workspaceId, localDate: "2026-11-27" }));
    const won = await claimRounds(h.db.db, due, claimer());
    expect(won.size).toBe(9_000);
    expect((await claimRounds(h.db.db, due, claimer())).size).toBe(0);
  }, 120_000);
});
