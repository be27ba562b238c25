// Summaries of repeated measurements and the one-line format the benchmark prints.

/** Linear-interpolated quantile of sorted numbers (q in 0..1). */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    values,
  };
}

const units = {
  ms: (v) => `${v < 10 ? v.toFixed(1) : Math.round(v)}ms`,
  kB: (v) => `${(v / 1000).toFixed(1)}kB`,
  MB: (v) => `${(v / 1e6).toFixed(2)}MB`,
  count: (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1)),
  qps: (v) => `${Math.round(v)}/s`,
  bytes: (v) => `${Math.round(v)}B`,
};

export function fmt(value, unit) {
  if (!Number.isFinite(value)) return String(value);
  return (units[unit] ?? units.count)(value);
}

/**
 * A target is { op: '<' | '<=' | '==' , value, unit? }: met when the median (or the single value)
 * satisfies it.
 */
export function meets(value, target) {
  if (!target || !Number.isFinite(value)) return undefined;
  if (target.op === '<') return value < target.value;
  if (target.op === '<=') return value <= target.value;
  if (target.op === '==') return value === target.value;
  return undefined;
}

export function targetText(target, unit) {
  return `target${target.op}${fmt(target.value, target.unit ?? unit)}`;
}
