/** An invoice written off or voided while unpaid, and the day (formatted). */
export type Closed = { kind: "write-off" | "void"; date: string };

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The client's risk level and the reasons for it (src/domain/risk.ts), each figure with its window. */
export const risk = {
  title: "Risk",
  levels: { ok: "ok", watch: "watch", "at-risk": "at risk", "consider-ending": "consider ending" },
  /** The level and the one or two facts that set it: the same line in every view. */
  headline: (p: { level: string; facts: string[] }) => `${p.level}: ${p.facts.join("; ")}`,
  reasons: {
    none: "no late payment in the last 12 months and no trouble in the last 90 days",
    overdue: (p: { number: string; days: number; amount: string; closed: Closed | null }) =>
      `${p.number} unpaid ${days(p.days)} after its due date (${p.amount})${p.closed ? `, ${p.closed.kind === "write-off" ? "written off" : "voided"} on ${p.closed.date}` : ""}`,
    hostedUnpaid: (p: { number: string; date: string | null }) =>
      `the agency hosts the site and ${p.number} is unpaid past the final notice (${p.date ? `sent on ${p.date}` : "recorded as sent"})`,
    lateOnce: (p: { payment: string }) => `one late payment in the last 12 months (${p.payment})`,
    lateRepeat: (p: { count: number; average: number | null; since: string; last: string }) =>
      `${p.count} late payments in the last 12 months${p.average !== null ? `, ${days(p.average)} late on average` : ""} (from ${p.since} to ${p.last})`,
    latePattern: (p: { count: number; average: number | null; since: string; last: string }) =>
      `${p.count} separate late payments in the last 12 months${p.average !== null ? `, ${days(p.average)} late on average` : ""} (from ${p.since} to ${p.last})`,
    worsening: (p: { before: number; after: number }) =>
      `paying later and later: ${days(p.before)} late on average before, ${days(p.after)} in the last 180 days`,
    improving: (p: { before: number; after: number }) =>
      `paying sooner: ${days(p.before)} late on average before, ${days(p.after)} in the last 180 days`,
    conduct: (p: { count: number }) =>
      `${p.count} ${p.count === 1 ? "report" : "reports"} of disrespect or tension in the last 90 days`,
    ethics: (p: { count: number }) =>
      `${p.count} unethical ${p.count === 1 ? "request" : "requests"} in the last 90 days`,
    advice: (p: { count: number }) => `${p.count} pieces of advice ignored in the last 90 days`,
    scope: (p: { count: number }) => `${p.count} scope additions in the last 90 days`,
    flags: (p: { count: number }) => `${p.count} warning signs recorded in all`,
    many: (p: { count: number; kinds: number }) => `${p.count} incidents of ${p.kinds} kinds in the last 90 days`,
  },
};
