import type { Pause } from "./charge-types.ts";

/** `invoices.pauses` holds closed dispute pauses as `from/to` text (to exclusive). */
export function parsePauses(stored: readonly string[]): Pause[] {
  const out: Pause[] = [];
  for (const s of stored) {
    const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(s);
    if (m?.[1] && m[2] && m[1] < m[2]) out.push({ from: m[1], to: m[2] });
  }
  return out;
}

/** A pause as stored in `invoices.pauses`. */
export function formatPause(pause: Pause): string {
  return `${pause.from}/${pause.to}`;
}
