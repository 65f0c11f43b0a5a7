import type { Spread } from './figures.js';

/** Median (mean of the two middle values for even n) and nearest-rank 90th percentile. */
export function spread(values: readonly number[] | Float64Array): Spread {
  const n = values.length;
  if (n === 0) return { n };
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  return { n, medianMs: Math.round(median), p90Ms: p90 };
}
