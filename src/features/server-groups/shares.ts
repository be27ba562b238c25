/** The share of traffic a backend gets: its weight over the sum of all weights (0 when they sum to 0). */
export function shareOf(weight: number, total: number): number {
  if (!(total > 0) || !(weight > 0)) return 0;
  return (weight / total) * 100;
}

/** A percentage for people: whole numbers, one decimal below 10 %, "<0.1" for a sliver. */
export function formatShare(percent: number): string {
  if (percent <= 0) return '0%';
  if (percent < 0.1) return '<0.1%';
  if (percent < 10) return `${Math.round(percent * 10) / 10}%`;
  return `${Math.round(percent)}%`;
}

/** Sum of weights, counting what is not a valid weight as 0. */
export function sumWeights(weights: readonly (number | string | null | undefined)[]): number {
  let total = 0;
  for (const w of weights) {
    const n = typeof w === 'string' ? (/^\s*\d+\s*$/.test(w) ? Number(w) : 0) : (w ?? 0);
    if (Number.isFinite(n) && n > 0 && n <= 100) total += n;
  }
  return total;
}
