/** One published value of a series: the rate (ten-thousandths of a percent) on a day. */
export interface Observation {
  on: string;
  rateE4: number;
}

const NUMBER = /^-?\d{1,3}(\.\d{1,6})?$/;

/** A published percentage as ten-thousandths of a percent, or undefined when it is not one. */
export function percentE4(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const value = Math.round(Number(t) * 10_000);
  return value >= -50_000 && value <= 1_000_000 ? value : undefined;
}
