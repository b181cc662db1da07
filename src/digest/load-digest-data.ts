import type { Db } from "../../db/database.ts";
import { newIncidentCounts } from "../../db/queries/digest-incidents.ts";
import type { PreviousRound } from "../../db/queries/digest-rounds.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { DigestData } from "./digest-data.ts";

export interface DigestRequest {
  workspace: WorkspaceRow;
  /** The workspace's local date. */
  today: string;
  /** The last round before today, if any: where "new incidents" start, and the risk to compare. */
  previous: PreviousRound | undefined;
}

/** Without an earlier digest, incidents of the last day count as new. */
const FIRST_WINDOW_MS = 24 * 60 * 60_000;

/**
 * The digest data of many workspaces at once, in a fixed number of set-based queries
 * whatever the number of workspaces, clients, invoices and incidents.
 */
export async function loadDigestData(
  db: Db,
  requests: readonly DigestRequest[],
  now: Date,
): Promise<Map<number, DigestData>> {
  const out = new Map<number, DigestData>();
  if (requests.length === 0) return out;
  const windows = requests.map((r) => ({
    workspaceId: r.workspace.id,
    since: r.previous?.at ?? new Date(now.getTime() - FIRST_WINDOW_MS),
  }));
  const incidents = await newIncidentCounts(db, windows, now);
  for (const [i, r] of requests.entries()) {
    out.set(r.workspace.id, {
      workspace: r.workspace,
      today: r.today,
      since: windows[i]?.since ?? now,
      overdue: [],
      dueSoon: [],
      incidents: [],
      riskRose: [],
      riskLevels: {},
    });
  }
  for (const row of incidents) {
    out.get(row.workspaceId)?.incidents.push({
      clientId: row.clientId,
      clientName: row.clientName,
      kind: row.kind,
      count: row.count,
    });
  }
  return out;
}
