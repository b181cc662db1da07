/** Levenshtein distance (insertions, deletions, substitutions), case-sensitive. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidates closest to `query`, best first: within a distance that grows with the
 * length of the query, or containing it. Each candidate is matched by any of its names.
 */
export function closest<T>(
  query: string,
  candidates: readonly T[],
  namesOf: (c: T) => readonly string[],
  limit = 3,
): T[] {
  const q = query.toLowerCase();
  const maxDistance = Math.max(2, Math.floor(q.length / 3));
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    let best = Number.POSITIVE_INFINITY;
    for (const name of namesOf(c)) {
      const n = name.toLowerCase();
      const d = n.includes(q) || (n.length >= 3 && q.includes(n)) ? 1 : editDistance(q, n);
      best = Math.min(best, d);
    }
    if (best <= maxDistance) scored.push({ c, score: best });
  }
  scored.sort((x, y) => x.score - y.score);
  return scored.slice(0, limit).map((s) => s.c);
}
