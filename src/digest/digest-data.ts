import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { AgencyLesson } from "../domain/agency-lesson.ts";
import type { IncidentKind } from "../domain/incident-kinds.ts";
import type { RateSeries } from "../domain/reference-rates.ts";
import type { RiskAssessment, RiskLevel } from "../domain/risk.ts";

/** A reminder stage: its number in the client's list and its kind ('first', 'second', 'final', 'suspension'). */
export interface StageRef {
  number: number;
  kind: string;
}

export interface MissingRate {
  series: RateSeries;
  on: string;
  from: string;
}

/** An open invoice past its due date, as the digest and the alerts show it. */
export interface OverdueInvoice {
  invoiceId: number;
  clientId: number;
  clientName: string;
  number: string;
  currency: string;
  /** Principal still unpaid, minor units. */
  outstandingMinor: number;
  /** Interest and fixed fees owed so far (net of any settled), minor units. */
  chargesMinor: number;
  /** Reference rates the interest needs that are not known yet: interest from `from` is left out. */
  missingRates: MissingRate[];
  dueOn: string;
  daysLate: number;
  /** The last reminder stage recorded as sent, and the day it went. */
  lastSent: { kind: string; on: string } | null;
  /** The next stage, once its day has come (a draft is ready for it). */
  ready: StageRef | null;
  /** `ready` unless snoozed: an alert is due for it. */
  due: StageRef | null;
  /** The next stage to send and the first day it may go, when there is one. */
  next: (StageRef & { on: string }) | null;
  /** Snoozed from the digest until this day (exclusive). */
  snoozedUntil: string | null;
  disputed: boolean;
}

/** An open invoice falling due within the next days. */
export interface DueSoonInvoice {
  invoiceId: number;
  clientName: string;
  number: string;
  currency: string;
  outstandingMinor: number;
  dueOn: string;
}

export interface IncidentCount {
  clientId: number;
  clientName: string;
  kind: IncidentKind;
  count: number;
}

export interface RiskChange {
  clientId: number;
  clientName: string;
  from: RiskLevel;
  /** Today's level with the facts that set it (the card's). */
  risk: RiskAssessment;
}

/** What the invoice sources have to tell the owner (issue #17). */
export interface SourceNotices {
  /** Connections whose syncs fail, since when, with the last error. */
  failing: { source: string; since: Date; error: string }[];
  /** Customers linked to no client with overdue invoices, said once (not said in the previous round). */
  unlinkedOverdue: { source: string; customers: string[] }[];
  /** Every such customer today (`connection:customer`), kept for the next round to compare with. */
  unlinkedKeys: string[];
  /** Those the previous rounds told (kept as they were when today's digest is not posted). */
  unlinkedBefore: string[];
}

/** Everything one workspace's digest is made of, loaded in a fixed number of queries. */
export interface DigestData {
  workspace: WorkspaceRow;
  /** The workspace's local date the digest is for. */
  today: string;
  /** Incidents logged after this instant are new. */
  since: Date;
  overdue: OverdueInvoice[];
  dueSoon: DueSoonInvoice[];
  incidents: IncidentCount[];
  riskRose: RiskChange[];
  /** Risk level per client id today, kept for the next digest to compare with. */
  riskLevels: Record<string, string>;
  /** The agency's own lesson (ignored advice across most clients), when it is due today. */
  agencyLesson: AgencyLesson | null;
  /** The day it was last told, before today. */
  agencyLessonOn: string | null;
  sources: SourceNotices;
}

/**
 * What a round keeps for the next one: today's risk levels, the day the agency's lesson was
 * last told (today, if today's digest was posted with it), and the unlinked customers with
 * overdue invoices already told (today's, if the digest was posted).
 */
export function roundMemory(data: DigestData, digestPosted: boolean): Record<string, unknown> {
  const told = digestPosted && data.agencyLesson !== null;
  return {
    risk: data.riskLevels,
    agencyLessonOn: told ? data.today : data.agencyLessonOn,
    unlinked: digestPosted ? data.sources.unlinkedKeys : data.sources.unlinkedBefore,
  };
}

/** True when a digest would have nothing to say. */
export function isQuiet(data: DigestData): boolean {
  return (
    data.overdue.length === 0 &&
    data.dueSoon.length === 0 &&
    data.incidents.length === 0 &&
    data.riskRose.length === 0 &&
    data.agencyLesson === null &&
    data.sources.failing.length === 0 &&
    data.sources.unlinkedOverdue.length === 0
  );
}
