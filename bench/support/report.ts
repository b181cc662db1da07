/** One line of the benchmark table. */
export interface Row {
  benchmark: string;
  metric: string;
  /** Tact's figure, formatted. */
  tact: string;
  /** The baseline's figure, measured in the same run, formatted ("" when there is none). */
  baseline: string;
  /** Tact ÷ baseline, formatted ("" when there is none). */
  ratio: string;
  goal: string;
  /** undefined when the line has no goal of its own (context). */
  met?: boolean | undefined;
}

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${fmt(a / b, 2)}×` : "";
}

const headers = ["benchmark", "metric", "Tact", "baseline", "ratio", "goal", "met"] as const;

function cells(row: Row): string[] {
  return [
    row.benchmark,
    row.metric,
    row.tact,
    row.baseline,
    row.ratio,
    row.goal,
    row.met === undefined ? "" : row.met ? "yes" : "NO",
  ];
}

/** The table for a terminal: aligned columns. */
export function textTable(rows: readonly Row[]): string {
  const all = [headers as unknown as string[], ...rows.map(cells)];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(all[0] ?? []), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

/** The same table in Markdown. */
export function markdownTable(rows: readonly Row[]): string {
  const escapeBars = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${cells(r).map(escapeBars).join(" | ")} |`),
  ].join("\n");
}
