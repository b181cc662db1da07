/** The client's risk level and the reasons for it. */
export const risk = {
  title: "Risk",
  levels: { ok: "ok", watch: "watch", "at-risk": "at risk", "consider-ending": "consider ending" },
  line: (p: { level: string }) => `Risk: ${p.level}`,
  reasons: {
    none: "no late payments in the last 12 months and no recent trouble",
    overdue: (p: { number: string; days: number; amount: string }) =>
      `${p.number} unpaid ${p.days} ${p.days === 1 ? "day" : "days"} after its due date (${p.amount})`,
    lateOnce: (p: { date: string; days: number | null }) =>
      `one late payment in the last 12 months (${p.date}${p.days !== null ? `, ${p.days} ${p.days === 1 ? "day" : "days"} late` : ""})`,
    lateMany: (p: { count: number; average: number | null; last: string }) =>
      `${p.count} late payments in the last 12 months${p.average !== null ? `, ${p.average} days late on average` : ""} (last ${p.last})`,
    worsening: (p: { before: number; after: number }) =>
      `lateness is getting worse: ${p.before} days on average before, ${p.after} days lately`,
    conduct: (p: { count: number }) =>
      `${p.count} ${p.count === 1 ? "report" : "reports"} of disrespect or tension in 90 days`,
    ethics: (p: { count: number }) => `${p.count} unethical ${p.count === 1 ? "request" : "requests"} in 90 days`,
    advice: (p: { count: number }) => `${p.count} pieces of advice ignored in 90 days`,
    scope: (p: { count: number }) => `${p.count} scope additions in 90 days`,
    flags: (p: { count: number }) => `${p.count} warning signs recorded`,
    many: (p: { count: number; kinds: number }) => `${p.count} incidents of ${p.kinds} kinds in 90 days`,
    hostedUnpaid: "the agency hosts this client's site and an invoice is unpaid past its final notice",
  },
};
